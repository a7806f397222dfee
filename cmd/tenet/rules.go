package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

func newRulesCommand(s streams) *cobra.Command {
	var (
		f       policyFlags
		format  string
		targets []string
	)
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules of the loaded bundles with their control mappings",
		Long: `List the rules of the built-in bundles (and any --policy) with their severity,
what they apply to and the controls they map to. --framework, --severity and
--target filter the list.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sc, err := f.loaded(cmd.Context(), tenet.WithMetadataOnly())
			if err != nil {
				return err
			}
			rules := filterTargets(sc.Rules(), targets)
			if err := report.WriteRules(s.out, rules, format); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringVarP(&format, "output", "o", "table", "output format: "+strings.Join(report.CatalogFormats, ", "))
	cmd.Flags().StringArrayVar(&targets, "target", nil, "keep only rules for this input type: terraform, kubernetes (repeatable)")
	return cmd
}

func filterTargets(rules []finding.Rule, targets []string) []finding.Rule {
	if len(targets) == 0 {
		return rules
	}
	var out []finding.Rule
	for _, r := range rules {
		for _, sel := range r.Selectors {
			if slices.Contains(targets, sel.Type) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

func newFrameworksCommand(s streams) *cobra.Command {
	var (
		f      policyFlags
		format string
	)
	cmd := &cobra.Command{
		Use:   "frameworks",
		Short: "List the frameworks with their number of controls and the rules' coverage",
		Long: `List every framework with a control catalog in the loaded bundles: its number of
controls, how many of them at least one rule maps to, the coverage that gives,
and the number of rules mapped to it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sc, err := f.loaded(cmd.Context(), tenet.WithMetadataOnly())
			if err != nil {
				return err
			}
			if err := report.WriteCoverage(s.out, sc.Coverage(), format); err != nil {
				return &exitError{code: exitUsage, err: fmt.Errorf("frameworks: %w", err)}
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringVarP(&format, "output", "o", "table", "output format: "+strings.Join(report.CatalogFormats, ", "))
	return cmd
}
