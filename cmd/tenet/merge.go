package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

type mergeFlags struct {
	outputs    []string
	baseline   string
	history    string
	historyKey string
	timestamp  string
	basePath   string
	junitBy    string
	briefJSON  bool
	quiet      bool
	noColor    bool
	color      bool
	exitZero   bool
}

func newMergeCommand(s streams) *cobra.Command {
	var f mergeFlags
	cmd := &cobra.Command{
		Use:   "merge REPORT|DIR...",
		Short: "Merge the json reports of the shards of a run (test --shard) into the report of the whole run",
		Long: `Merge the json reports that tenet test --shard K/N -o json=FILE wrote, one per
shard, into the report that one run over all the inputs would have written:
the same findings, rule and control statuses, coverage and summary, in any
format (-o). A DIR stands for its .json files. The merge refuses reports that
are not the shards of one run (a shard missing or given twice, other inputs,
another tenet, other bundles or rules) and says which. --baseline compares
the merged run, --history records it. Exits as tenet test: 1 when the merged
run fails its gate, 3 when it holds input errors or a report cannot be read,
2 when the reports do not merge.`,
		Example: `  tenet test --shard 0/8 -o json=reports/0.json .    # on each of 8 workers
  tenet merge -o html=report.html -o oscal=ar.json --history history/ reports/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMerge(cmd, s, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVarP(&f.outputs, "output", "o", nil, fmt.Sprintf("output FORMAT or FORMAT=FILE (repeatable; formats: %s; default table)", strings.Join(report.Formats(), ", ")))
	fl.StringVar(&f.baseline, "baseline", "", "compare the merged run with this earlier json report: fail only on new findings")
	fl.StringVar(&f.history, "history", "", "append the merged run to the hash-chained history in DIR")
	fl.StringVar(&f.historyKey, "history-signing-key", "", "sign the --history record with this PEM private key (see tenet history keygen)")
	fl.StringVar(&f.timestamp, "timestamp", "", "time written into reports that carry one (OSCAL), RFC 3339; default SOURCE_DATE_EPOCH, else now")
	fl.StringVar(&f.basePath, "base-path", ".", "the repository root: SARIF file URIs are relative to it")
	fl.StringVar(&f.junitBy, "junit-suites", "input", "how the junit output groups test cases: input or control")
	fl.BoolVar(&f.briefJSON, "brief-json", false, "leave the verbose parts out of the json format")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "the table output keeps only the findings, the inputs not evaluated and the verdict")
	fl.BoolVar(&f.noColor, "no-color", false, "never color the table output")
	fl.BoolVar(&f.color, "color", false, "color the table output even when standard output is not a terminal")
	fl.BoolVar(&f.exitZero, "exit-zero", false, "exit 0 even when the merged run fails its gate (input errors still exit 3)")
	return cmd
}

func runMerge(cmd *cobra.Command, s streams, f mergeFlags, args []string) error {
	outs, err := parseOutputs(f.outputs)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	ts, err := reportTime(f.timestamp)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	switch {
	case f.color && f.noColor:
		return &exitError{code: exitUsage, err: errors.New("--color and --no-color contradict each other")}
	case f.junitBy != "input" && f.junitBy != "control" && f.junitBy != "framework":
		return &exitError{code: exitUsage, err: fmt.Errorf("--junit-suites: want input or control, not %q", f.junitBy)}
	case f.historyKey != "" && f.history == "":
		return &exitError{code: exitUsage, err: errors.New("--history-signing-key needs --history DIR")}
	}
	opts := []tenet.Option{tenet.WithNow(ts), tenet.WithBaseline(f.baseline)}
	if f.history != "" {
		h, err := historyOption(f.history, f.historyKey)
		if err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		opts = append(opts, h)
	}
	ropts := report.Options{Timestamp: ts, Quiet: f.quiet, JUnitByControl: f.junitBy != "input", BasePath: f.basePath, BriefJSON: f.briefJSON}
	opts = append(opts, outputOptions(outs, ropts, s.out, f.color, f.noColor)...)
	res, err := tenet.Merge(cmd.Context(), args, opts...)
	var readErr *tenet.ReportError
	switch {
	case errors.As(err, &readErr):
		return &exitError{code: exitLoadError, err: err}
	case err != nil:
		return &exitError{code: exitUsage, err: err}
	}
	for _, e := range res.Errors {
		fmt.Fprintf(s.err, "tenet: %s\n", oneLine(e.Message))
	}
	warnWaivers(s.err, res)
	switch {
	case len(res.Errors) > 0:
		return &exitError{code: exitLoadError}
	case res.Summary.Failed && !f.exitZero:
		return &exitError{code: exitFailures}
	}
	return nil
}
