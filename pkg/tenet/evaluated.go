package tenet

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// inputStatus tells whether any rule checked doc and, when none did, why:
// a file that no rule reads must never read as a pass (a CloudFormation
// template, a CI workflow, a manifest of kinds no rule selects).
func inputStatus(doc *input.Document, res engine.Result) (finding.InputStatus, string) {
	if len(res.Findings) > 0 {
		return finding.InputEvaluated, ""
	}
	for _, n := range res.Checked {
		if n > 0 {
			return finding.InputEvaluated, ""
		}
	}
	return finding.InputNotEvaluated, notEvaluatedReason(doc)
}

// maxReasonTypes bounds the resource types a reason lists.
const maxReasonTypes = 5

// notEvaluatedReason says, in a few words, why no rule checked doc.
func notEvaluatedReason(doc *input.Document) string {
	for _, u := range doc.Unread {
		if u.Path == doc.Source.Path && !u.Error {
			return u.Reason // the loader knows why (a remote base not fetched)
		}
	}
	switch doc.Source.Format {
	case input.FormatJSON, input.FormatYAML:
		return fmt.Sprintf("plain %s: no loaded rule reads it (the built-in rules read Terraform, CloudFormation, Kubernetes and Dockerfiles)", strings.ToUpper(string(doc.Source.Format)))
	}
	if len(doc.Resources) == 0 {
		return "it has no resources"
	}
	types := map[string]bool{}
	skipped := 0
	for _, r := range doc.Resources {
		if r.Action == input.ActionDelete || r.Mode == "data" {
			skipped++
			continue
		}
		types[r.Type] = true
	}
	if len(types) == 0 {
		if skipped == 1 {
			return "no live resource: its one resource is deleted by the plan or is a data source"
		}
		return fmt.Sprintf("no live resource: its %d resources are deleted by the plan or are data sources", skipped)
	}
	names := make([]string, 0, len(types))
	for t := range types {
		names = append(names, t)
	}
	sort.Strings(names)
	list := strings.Join(names[:min(len(names), maxReasonTypes)], ", ")
	if len(names) > maxReasonTypes {
		list += fmt.Sprintf(" and %d more", len(names)-maxReasonTypes)
	}
	return "no loaded rule checks its resource types (" + list + ")"
}
