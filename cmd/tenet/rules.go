package main

import (
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/finding"
)

func newRulesCommand(s streams) *cobra.Command {
	var (
		f      policyFlags
		format string
	)
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules of the loaded bundles with their control mappings",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sc, err := f.scanner()
			if err != nil {
				return err
			}
			rules := sc.Rules()
			switch format {
			case "json":
				if rules == nil {
					rules = []finding.Rule{}
				}
				return writeJSON(s.out, rules)
			case "table":
				return rulesTable(s, rules)
			}
			return &exitError{code: exitUsage, err: fmt.Errorf("unknown output format %q (want table or json)", format)}
		},
	}
	f.register(cmd)
	cmd.Flags().StringVarP(&format, "output", "o", "table", "output format: table or json")
	return cmd
}

func rulesTable(s streams, rules []finding.Rule) error {
	tw := tabwriter.NewWriter(s.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tTARGET\tTITLE\tFRAMEWORKS")
	for _, r := range rules {
		var targets []string
		for _, sel := range r.Selectors {
			targets = append(targets, sel.Type)
		}
		var fws []string
		for k := range r.Controls {
			fws = append(fws, k)
		}
		sort.Strings(fws)
		sev := string(r.Severity)
		if sev == "" {
			sev = "-"
		}
		target := strings.Join(targets, ",")
		if target == "" {
			target = "any"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, sev, target, r.Title, strings.Join(fws, " "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "\n%d rules\n", len(rules))
	return nil
}
