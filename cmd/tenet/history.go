package main

import (
	"errors"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

func newHistoryCommand(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Check and list the runs stored by --history",
		Long: `tenet test --history DIR and tenet watch append each run to DIR: one record per
run with the json report, the sha256 of each input, the bundle revisions and the
tool version, each record chained to the one before by sha256.`,
	}
	cmd.AddCommand(newHistoryVerifyCommand(s), newHistoryShowCommand(s))
	return cmd
}

func newHistoryVerifyCommand(s streams) *cobra.Command {
	var anchor string
	cmd := &cobra.Command{
		Use:   "verify DIR",
		Short: "Check the hash chain of a history directory",
		Long: `Check every record of the history in DIR: numbered from 1 without gaps, each
record's hash, and each record's link to the one before. Prints the number of
records and the head hash; keep the head hash elsewhere and pass it later as
--anchor to detect deleted newest records, which a chain alone cannot. Exits 0
when the history is intact, 1 naming the first bad record, 3 when DIR cannot be
read.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := openHistory(args[0])
			if err != nil {
				return err
			}
			v, err := store.Verify(anchor)
			if errors.Is(err, history.ErrTampered) {
				return &exitError{code: exitFailures, err: err}
			}
			if err != nil {
				return &exitError{code: exitLoadError, err: err}
			}
			head := v.Head
			if head == "" {
				head = "none"
			}
			fmt.Fprintf(s.out, "%s: intact, %d records, head %s\n", args[0], v.Records, head)
			return nil
		},
	}
	cmd.Flags().StringVar(&anchor, "anchor", "", "fail unless a record has this hash (a head printed by an earlier verify)")
	return cmd
}

// runInfo is one line of tenet history show.
type runInfo struct {
	Seq         int              `json:"seq"`
	Time        time.Time        `json:"time"`
	ToolVersion string           `json:"tool_version"`
	Bundles     []finding.Bundle `json:"bundles"`
	Inputs      []history.Input  `json:"inputs"`
	Summary     finding.Summary  `json:"summary"`
	Hash        string           `json:"hash"`
}

func newHistoryShowCommand(s streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "show DIR",
		Short: "List the runs of a history directory",
		Long: `List the runs stored in DIR, oldest first: when, which tool version, how many
inputs, the counts of findings, whether the run failed, and the record's hash.
It does not check the chain: run tenet history verify for that.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return &exitError{code: exitUsage, err: fmt.Errorf("unknown output format %q (want table or json)", format)}
			}
			store, err := openHistory(args[0])
			if err != nil {
				return err
			}
			recs, err := store.Records()
			if err != nil {
				return &exitError{code: exitLoadError, err: err}
			}
			runs := []runInfo{}
			for _, r := range recs {
				res, err := r.Result()
				if err != nil {
					return &exitError{code: exitLoadError, err: err}
				}
				runs = append(runs, runInfo{Seq: r.Seq, Time: r.Time, ToolVersion: r.Tool.Version, Bundles: r.Bundles, Inputs: r.Inputs, Summary: res.Summary, Hash: r.Hash})
			}
			if format == "json" {
				return writeJSON(s.out, runs)
			}
			tw := tabwriter.NewWriter(s.out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "SEQ\tTIME\tVERSION\tINPUTS\tDENY\tWARN\tUNKNOWN\tWAIVED\tERRORS\tRESULT\tHASH")
			for _, r := range runs {
				result := "pass"
				if r.Summary.Failed {
					result = "fail"
				}
				sm := r.Summary
				fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", r.Seq, r.Time.Format(time.RFC3339), r.ToolVersion,
					len(r.Inputs), sm.Deny, sm.Warn, sm.Unknown, sm.Waived, sm.Errors, result, r.Hash[:12])
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVarP(&format, "output", "o", "table", "output format: table or json")
	return cmd
}

// openHistory opens an existing history directory; it never creates one,
// so that a typo is an error rather than an empty, intact history.
func openHistory(dir string) (*history.Store, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, &exitError{code: exitLoadError, err: fmt.Errorf("history: %w", err)}
	}
	store, err := history.Open(dir)
	if err != nil {
		return nil, &exitError{code: exitLoadError, err: err}
	}
	return store, nil
}
