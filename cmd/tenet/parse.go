package main

import (
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/input"
)

func newParseCommand(s streams) *cobra.Command {
	var (
		f   policyFlags
		raw bool
	)
	cmd := &cobra.Command{
		Use:   "parse PATH...",
		Short: "Print the input document that rules see (tenet.input/v1)",
		Long: `Print the normalized tenet.input/v1 document of each input, the value rules
read as input (see docs/input.md). Values that Terraform marks sensitive are
printed as "(sensitive value)". With --raw, print the parsed original file
instead, unredacted: what conftest-style custom policies read. Directories
are walked as tenet test walks them (a directory of .tf files, a Helm chart or
a Kustomize overlay is one input). One input named prints one document; several,
or those found in a directory, print a JSON array.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f.noBuiltins = true // parsing needs no policies
			sc, err := f.loaded(cmd.Context())
			if err != nil {
				return err
			}
			// Directories are walked as tenet test walks them.
			inputs, err := sc.Inputs(args...)
			if err != nil {
				return &exitError{code: exitLoadError, err: err}
			}
			var out []any
			for _, p := range inputs {
				doc, err := sc.Parse(cmd.Context(), p, raw)
				if err != nil {
					return &exitError{code: exitLoadError, err: err}
				}
				if raw {
					out = append(out, doc.Raw)
				} else {
					out = append(out, doc.Redact())
				}
			}
			if len(args) == 1 && len(inputs) == 1 && filepath.Clean(inputs[0]) == filepath.Clean(args[0]) {
				return writeJSON(s.out, out[0])
			}
			return writeJSON(s.out, out)
		},
	}
	cmd.Flags().BoolVar(&raw, "raw", false, "print the parsed original file instead of the tenet document")
	cmd.Flags().StringVar(&f.inputFormat, "input-format", "", "force the input format instead of detecting it: "+formatList())
	f.registerInputs(cmd.Flags())
	return cmd
}

func formatList() string {
	var s string
	for i, f := range input.Formats() {
		if i > 0 {
			s += ", "
		}
		s += string(f)
	}
	return s
}
