package main

import (
	"fmt"
	"maps"
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
			rules, err := filterTargets(sc.Rules(), targets)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if err := report.WriteRules(s.out, rules, format); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringVarP(&format, "output", "o", "table", "output format: "+strings.Join(report.CatalogFormats, ", "))
	cmd.Flags().StringArrayVar(&targets, "target", nil, "keep only rules for this input type: terraform (plans, state, configuration directories and CloudFormation templates), kubernetes, dockerfile (repeatable)")
	return cmd
}

// filterTargets keeps the rules that select one of targets (all rules
// when there is none). A target that no rule selects is an error, as an
// unknown --framework is: an empty list would read as "no rule applies".
func filterTargets(rules []finding.Rule, targets []string) ([]finding.Rule, error) {
	if len(targets) == 0 {
		return rules, nil
	}
	known := map[string]bool{}
	for _, r := range rules {
		for _, sel := range r.Selectors {
			known[sel.Type] = true
		}
	}
	for _, t := range targets {
		if !known[t] {
			hint := ""
			if t == "cloudformation" {
				hint = "; CloudFormation templates are judged by the terraform rules (docs/cloudformation.md)"
			}
			return nil, fmt.Errorf("--target %q: no loaded rule selects it (the rules select %s)%s", t, strings.Join(slices.Sorted(maps.Keys(known)), ", "), hint)
		}
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
	return out, nil
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
