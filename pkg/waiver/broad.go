package waiver

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Broad tells whether a waiver is broad, and if so why, in a phrase that
// names the pattern. A broad waiver excuses far more than one exception,
// so a scan applies it only with an explicit opt-in. A waiver is broad when
//
//   - its rule pattern starts with a wildcard ("*", "*-001"): it covers
//     rules of every family, including rules not written yet;
//   - its rule pattern matches rules of more than one family among ruleIDs
//     (the loaded rules): "TNT-AWS-*" spans TNT-AWS-S3, TNT-AWS-IAM and
//     more (see Family);
//   - or its rule pattern is a glob and its resource pattern is empty or
//     made only of wildcards: a family of rules waived on every resource.
//     Input does not narrow it: a path can hold any number of resources.
//     An exact waiver (from an annotation) names one resource, whatever
//     its name.
//
// An exact rule id on every resource is not broad: it is one rule, named.
func Broad(w finding.Waiver, ruleIDs []string) (why string, broad bool) {
	if strings.HasPrefix(w.Rule, "*") || strings.HasPrefix(w.Rule, "?") {
		return fmt.Sprintf("rule %q starts with a wildcard, so it covers every rule, including rules added later", w.Rule), true
	}
	families := map[string]bool{}
	for _, id := range ruleIDs {
		if Glob(w.Rule, id) {
			families[Family(id)] = true
		}
	}
	if len(families) > 1 {
		names := make([]string, 0, len(families))
		for f := range families {
			names = append(names, f)
		}
		sort.Strings(names)
		if len(names) > 3 {
			names = append(names[:3], "...")
		}
		return fmt.Sprintf("rule %q covers %d rule families (%s)", w.Rule, len(families), strings.Join(names, ", ")), true
	}
	if isGlob(w.Rule) && !w.Exact && strings.Trim(w.Resource, "*?") == "" {
		return fmt.Sprintf("rule glob %q applies to every resource", w.Rule), true
	}
	return "", false
}

// Family is the family of a rule: its id without the final number for
// numbered ids (TNT-AWS-S3 for TNT-AWS-S3-001), else its package (main for
// the conftest-style rule main.deny), else the id itself.
func Family(ruleID string) string {
	if i := strings.LastIndexByte(ruleID, '-'); i > 0 && isDigits(ruleID[i+1:]) {
		return ruleID[:i]
	}
	if i := strings.LastIndexByte(ruleID, '.'); i > 0 {
		return ruleID[:i]
	}
	return ruleID
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// isGlob tells whether a pattern has a wildcard.
func isGlob(pattern string) bool { return strings.ContainsAny(pattern, "*?") }
