package engine

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// The read table: planning a large plan's shards asks which resource types
// each Terraform rule can read (readTypes), which parses every Terraform
// module of the library and scans the rules. On a plan of a few types,
// whose rules compile apart (shardsApart), that was a fifth of the scan's
// CPU, for an answer that only changes with the library. So the answers
// for the built-in library are worked out ahead of time, in readtable.json
// (TestReadTable writes it under -update and fails when it is stale), and
// used when the catalog's built-in modules are exactly those it was worked
// out from (catalog.BuiltinDigest) and nothing from outside them can
// change what their rules read. Otherwise the rules are read as before.

//go:embed readtable.json
var readTableJSON []byte

// readTable is the built-in Terraform rules' reads, by package.
type readTable struct {
	// Digest is the catalog.BuiltinDigest of the library it describes.
	Digest   string               `json:"digest"`
	Packages map[string]readEntry `json:"packages"`
}

// readEntry is what readTypes answers for the rules Names of a package,
// selecting Selectors: Types and OK.
type readEntry struct {
	Names     []string `json:"names"`
	Selectors []string `json:"selectors"`
	Types     []string `json:"types"`
	OK        bool     `json:"ok"`
}

// builtinReadTable is the embedded table, decoded once.
var builtinReadTable = sync.OnceValue(func() *readTable {
	var t readTable
	if json.Unmarshal(readTableJSON, &t) != nil {
		return nil // TestReadTable fails on it
	}
	return &t
})

// evalNames lists, by package, the names of its rules that evs evaluate.
func evalNames(evs []catalog.Eval) map[string][]string {
	names := map[string][]string{}
	for _, ev := range evs {
		pkg, name := splitRef(ev.Ref)
		names[pkg] = append(names[pkg], name)
	}
	return names
}

// parsedReads is readTypes for each eval of the catalog's Terraform
// rules, from the modules of the packages they reach, which a lazily
// loaded catalog parses as the rules reach them (reads.modules): a rule
// from outside the built-ins that reads through lib/terraform parses that
// library, not every module. A rule's evals (its deny and unknown sets,
// say) read alike, so that they share a shard.
func parsedReads(cat *catalog.Catalog, rules map[string]finding.Rule) func(catalog.Eval) ([]string, bool) {
	byPkg, builtin := modulesByPackage(cat)
	known := newReads(byPkg, builtin)
	known.parse = cat.Parsed
	known.lazy = map[*ast.Module]string{}
	for name, m := range cat.Modules {
		if cat.IsLazy(name) {
			known.lazy[m] = name
		}
	}
	return evalReads(known, cat, rules)
}

// evalReads is known's answer for each eval of the catalog's Terraform
// rules: the reads of the rules of its name in its package.
func evalReads(known *reads, cat *catalog.Catalog, rules map[string]finding.Rule) func(catalog.Eval) ([]string, bool) {
	names := evalNames(cat.Evals)
	return func(ev catalog.Eval) ([]string, bool) {
		sel := selectorTypes(rules[ev.RuleID], "terraform")
		if len(sel) == 0 {
			return nil, false
		}
		pkg, _ := splitRef(ev.Ref)
		return known.ruleReadTypes(pkg, names[pkg], sel)
	}
}

// tableReads answers as parsedReads for the evals evs from t, without
// parsing a module, when t describes the catalog's built-in library and
// holds each eval's package with the same rule names and selectors; nil
// otherwise. The caller makes sure that nothing from outside the
// built-ins lies in their packages (which would let it change what a
// built-in rule reads).
func tableReads(t *readTable, cat *catalog.Catalog, rules map[string]finding.Rule, evs []catalog.Eval) func(catalog.Eval) ([]string, bool) {
	if t == nil {
		return nil
	}
	if digest, ok := cat.BuiltinDigest(); !ok || digest != t.Digest {
		return nil
	}
	names := evalNames(cat.Evals)
	for _, ev := range evs {
		pkg, _ := splitRef(ev.Ref)
		e, found := t.Packages[pkg]
		if !found || !slices.Equal(e.Names, sortedSet(names[pkg])) || !slices.Equal(e.Selectors, selectorTypes(rules[ev.RuleID], "terraform")) {
			return nil
		}
	}
	return func(ev catalog.Eval) ([]string, bool) {
		pkg, _ := splitRef(ev.Ref)
		e := t.Packages[pkg]
		if len(e.Selectors) == 0 {
			return nil, false
		}
		return slices.Clone(e.Types), e.OK
	}
}

// newReadTable works the table out for the Terraform evals evs of cat,
// reading them with reads.
func newReadTable(cat *catalog.Catalog, rules map[string]finding.Rule, evs []catalog.Eval, reads func(catalog.Eval) ([]string, bool)) (*readTable, error) {
	digest, ok := cat.BuiltinDigest()
	if !ok {
		return nil, fmt.Errorf("the catalog holds its built-in modules parsed: load it with catalog.Options.Lazy")
	}
	t := &readTable{Digest: digest, Packages: map[string]readEntry{}}
	names := evalNames(cat.Evals)
	for _, ev := range evs {
		pkg, _ := splitRef(ev.Ref)
		types, ok := reads(ev)
		t.Packages[pkg] = readEntry{Names: sortedSet(names[pkg]), Selectors: selectorTypes(rules[ev.RuleID], "terraform"), Types: types, OK: ok}
	}
	return t, nil
}

// marshal writes t with one package to a line, for diffs a reader can
// follow when a rule changes.
func (t *readTable) marshal() ([]byte, error) {
	var b bytes.Buffer
	digest, _ := json.Marshal(t.Digest)
	fmt.Fprintf(&b, "{\n\"digest\": %s,\n\"packages\": {\n", digest)
	pkgs := slices.Sorted(maps.Keys(t.Packages))
	for i, pkg := range pkgs {
		key, _ := json.Marshal(pkg)
		entry, err := json.Marshal(t.Packages[pkg])
		if err != nil {
			return nil, err
		}
		sep := ","
		if i == len(pkgs)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "%s: %s%s\n", key, entry, sep)
	}
	b.WriteString("}\n}\n")
	return b.Bytes(), nil
}

// sortedSet is names sorted, each once.
func sortedSet(names []string) []string {
	out := slices.Clone(names)
	slices.Sort(out)
	return slices.Compact(out)
}
