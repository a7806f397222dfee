package engine

import (
	"context"
	"sort"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// CombinedPath is the file that findings of EvalCombined are reported
// against, as conftest test --combine reports them.
const CombinedPath = "Combined"

// EvalCombined evaluates the conftest-style rules once on every document
// together, as conftest test --combine does: the input is an array of
// {"path": ..., "contents": ...}, one element per raw document (each
// document of a multi-document YAML file is its own), sorted by path.
// Its findings are located in CombinedPath; each rule counts one checked
// document. Documents without Raw (the rules were not loaded when they
// were read) are left out. Built-in and tenet-native rules are not
// evaluated: Eval with Options.Combine runs those per document.
func (e *Engine) EvalCombined(ctx context.Context, docs []input.Document) (Result, error) {
	res := Result{Checked: map[string]int{}}
	if e.raw == nil {
		return res, nil
	}
	ctx = e.fileScope(ctx, docs...)
	type entry struct {
		path     string
		contents any
	}
	var entries []entry
	for _, doc := range docs {
		if doc.Raw == nil {
			continue
		}
		view := doc
		if e.rawMasked {
			view = doc.Masked()
		}
		for _, raw := range rawDocuments(view) {
			entries = append(entries, entry{path: doc.Source.Path, contents: raw})
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].path < entries[j].path })
	combined := make([]any, len(entries))
	for i, en := range entries {
		combined[i] = map[string]any{"path": en.path, "contents": en.contents}
	}
	val, err := rawInput(combined, CombinedPath)
	if err != nil {
		return Result{}, err
	}
	values, err := e.values(ctx, e.raw, val, CombinedPath)
	if err != nil {
		return Result{}, err
	}
	doc := input.Document{Schema: input.Schema, Source: input.Source{Path: CombinedPath}}
	res.Findings = e.findings(e.raw.evals, values, doc, nil)
	finding.Sort(res.Findings)
	for _, ev := range e.raw.evals {
		if !ev.Exception {
			res.Checked[ev.RuleID] = 1
		}
	}
	return res, nil
}

// RawRules lists the ids of the conftest-style rules, which see the raw
// file: the rules EvalCombined evaluates.
func (e *Engine) RawRules() []string {
	if e.raw == nil {
		return nil
	}
	var ids []string
	for _, ev := range e.raw.evals {
		if !ev.Exception {
			ids = append(ids, ev.RuleID)
		}
	}
	return ids
}
