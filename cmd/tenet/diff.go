package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/diff"
	"github.com/tenet-dev/tenet/pkg/report"
)

func newDiffCommand(s streams) *cobra.Command {
	var (
		format    string
		failOnNew bool
	)
	cmd := &cobra.Command{
		Use:   "diff OLD.json NEW.json",
		Short: "Compare two json reports: new, resolved and unchanged findings, controls that changed",
		Long: `Compare two reports written by tenet test -o json: the findings that are new,
resolved and unchanged (matched by fingerprint: rule, the input's path in its
repository, resource, attribute, document and message) and every control
whose status changed. Exits 0 unless --fail-on-new is given and a new deny
finding that no waiver covers appeared; 3 when a report cannot be read.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			old, err := report.ReadJSONFile(args[0])
			if err != nil {
				return &exitError{code: exitLoadError, err: err}
			}
			cur, err := report.ReadJSONFile(args[1])
			if err != nil {
				return &exitError{code: exitLoadError, err: err}
			}
			d := diff.Compare(old, cur)
			d.Old.Path, d.New.Path = args[0], args[1]
			if err := diff.Write(s.out, d, format); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if failOnNew && d.Summary.NewFailing > 0 {
				return &exitError{code: exitFailures}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "output", "o", "table", fmt.Sprintf("output format: %s", strings.Join(diff.Formats, ", ")))
	cmd.Flags().BoolVar(&failOnNew, "fail-on-new", false, "exit 1 when NEW has a deny finding that OLD had not (and no waiver covers)")
	return cmd
}
