package tenet

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// Choosing the rules a scan runs: the severity and framework options.

// filterRules drops the rules that the severity and framework options
// leave out, before the engine compiles its queries.
func filterRules(cat *catalog.Catalog, cfg config) {
	cat.Filter(func(r finding.Rule) (finding.Rule, bool) {
		if !r.Custom && r.Severity.Rank() < cfg.minSeverity.Rank() {
			return r, false
		}
		if len(cfg.severities) > 0 && r.Severity != "" && !slices.Contains(cfg.severities, r.Severity) {
			return r, false
		}
		if len(cfg.rules) > 0 && !matchesAny(cfg.rules, r.ID) {
			return r, false
		}
		if matchesAny(cfg.skipRules, r.ID) {
			return r, false
		}
		if len(cfg.frameworks) > 0 && len(r.Controls) > 0 && !mapsTo(r, cfg.frameworks) {
			return r, false
		}
		if len(cfg.frameworks) > 0 {
			r.Controls = selectFrameworks(r.Controls, cfg.frameworks)
		}
		return r, true
	})
}

// matchesAny reports whether id matches one of the glob patterns,
// ignoring case.
func matchesAny(patterns []string, id string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(strings.ToUpper(p), strings.ToUpper(id)); ok {
			return true
		}
	}
	return false
}

// checkRulePatterns refuses a rule pattern (to run or to skip) that
// matches no loaded rule, or that is not a valid glob.
func checkRulePatterns(cat *catalog.Catalog, flag string, patterns []string) error {
	for _, p := range patterns {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("%s %q: %w", flag, p, err)
		}
		found := false
		for _, r := range cat.Rules {
			found = found || matchesAny([]string{p}, r.ID)
		}
		if !found {
			return fmt.Errorf("%s %q matches no loaded rule (see tenet rules)", flag, p)
		}
	}
	return nil
}

// checkSomeRules refuses to scan without rules, which would pass every
// input having checked nothing. (Parse needs no rules.)
func checkSomeRules(cat *catalog.Catalog, cfg config) error {
	if len(cat.Rules) > 0 {
		return nil
	}
	if !cfg.builtins && len(cfg.policies) == 0 && len(cfg.extraFS) == 0 && len(cfg.archives) == 0 {
		return errors.New("no rules to run: --no-builtins leaves out the built-in bundles and no --policy was given")
	}
	return errors.New("no rules to run: the policies define no rule (a deny, warn or violation rule in package main or a --namespace package, or a rule with tenet METADATA)")
}

// checkFrameworks refuses a --framework that matches no framework the
// loaded rules map to, which would otherwise silently run nothing.
func checkFrameworks(cat *catalog.Catalog, wanted []string) error {
	known := map[string]bool{}
	for _, r := range cat.Rules {
		for k := range r.Controls {
			known[k] = true
		}
	}
	for _, w := range wanted {
		found := false
		for k := range known {
			found = found || frameworkMatches(k, []string{w})
		}
		if !found {
			keys := make([]string, 0, len(known))
			for k := range known {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			return fmt.Errorf("no loaded rule maps to framework %q (frameworks: %s)", w, strings.Join(keys, ", "))
		}
	}
	return nil
}

func frameworkMatches(key string, wanted []string) bool {
	for _, w := range wanted {
		if key == w || strings.HasPrefix(key, w+"-") {
			return true
		}
	}
	return false
}

func mapsTo(r finding.Rule, wanted []string) bool {
	for k := range r.Controls {
		if frameworkMatches(k, wanted) {
			return true
		}
	}
	return false
}

func selectFrameworks(controls map[string][]string, wanted []string) map[string][]string {
	out := map[string][]string{}
	for k, v := range controls {
		if frameworkMatches(k, wanted) {
			out[k] = v
		}
	}
	return out
}
