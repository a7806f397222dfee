package engine

import (
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/test/golden"
)

// lazyEngine is an engine on a lazily loaded catalog of sources, as the CLI
// loads the library.
func lazyEngine(t *testing.T, sources []catalog.Source) (*Engine, *catalog.Catalog) {
	t.Helper()
	cat, err := catalog.Load(t.Context(), sources, catalog.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(t.Context(), cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e, cat
}

// TestReadTable: readtable.json says what the built-in Terraform rules
// read, as the modules parsed whole say; -update rewrites it.
func TestReadTable(t *testing.T) {
	e, cat := lazyEngine(t, builtinSources(t))
	reads := wholeReads(t, cat, e.rules)
	want, err := newReadTable(cat, e.rules, e.groups["terraform"].evals, reads)
	if err != nil {
		t.Fatal(err)
	}
	text, err := want.marshal()
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, "readtable.json", text, "it is not what the built-in rules read: run go test ./pkg/engine -run '^TestReadTable$' -update")
	if got := builtinReadTable(); !golden.Updating() && !reflect.DeepEqual(got, want) {
		t.Error("the embedded table does not decode to the table written")
	}
	if n := len(want.Packages); n < 250 {
		t.Errorf("the table holds %d packages: the test checks too little", n)
	}
}

// TestReadTableUsed: planning a large plan's shards from the built-in
// library parses no module, and gives the shards that reading the parsed
// rules gives.
func TestReadTableUsed(t *testing.T) {
	if golden.Updating() {
		t.Skip("the table is being rewritten: this binary embeds the one before")
	}
	e, cat := lazyEngine(t, builtinSources(t))
	shards := e.groups["terraform"].shards()
	if n := parsedModules(cat); n > 0 {
		t.Errorf("planning the shards parsed %d modules", n)
	}
	checkShards(t, e, cat, shards)
}

// TestReadTableNotUsed: the table is left alone, and the rules read from
// the parsed modules, when the built-in library is not the one it was
// worked out from, or a module from outside lies in its packages.
func TestReadTableNotUsed(t *testing.T) {
	for name, sources := range map[string][]catalog.Source{
		"a built-in module changed": changedBuiltin(t),
		"parameters set in Rego": append(builtinSources(t), catalog.Source{Path: "policy", FS: fstest.MapFS{
			"params.rego": {Data: []byte("package tenet.params\n\nimport rego.v1\n\nx := 1\n")},
		}}),
	} {
		t.Run(name, func(t *testing.T) {
			e, cat := lazyEngine(t, sources)
			shards := e.groups["terraform"].shards()
			if parsedModules(cat) == 0 {
				t.Error("the shards were planned from the table")
			}
			checkShards(t, e, cat, shards)
		})
	}
}

// wholeReads is parsedReads from every module of cat parsed whole first:
// what the rules read, without the table or lazy parsing.
func wholeReads(t *testing.T, cat *catalog.Catalog, rules map[string]finding.Rule) func(catalog.Eval) ([]string, bool) {
	t.Helper()
	all, err := cat.AllParsed()
	if err != nil {
		t.Fatal(err)
	}
	return evalReads(newReads(byPackage(all, cat.Builtin)), cat, rules)
}

// parsedModules counts the modules of cat that a lazy load left as text
// and something has parsed since.
func parsedModules(cat *catalog.Catalog) int {
	n := 0
	for name := range cat.Modules {
		if cat.IsLazy(name) && cat.ParsedYet(name) {
			n++
		}
	}
	return n
}

// checkShards compares shards with the plan that the parsed rules give.
func checkShards(t *testing.T, e *Engine, cat *catalog.Catalog, shards []*query) {
	t.Helper()
	reads := wholeReads(t, cat, e.rules)
	idx, types := shardPlan(e.groups["terraform"].evals, reads, selectedTypes(e.rules))
	if len(shards) != len(idx) || len(idx) < 20 {
		t.Fatalf("%d shards, want %d (at least 20)", len(shards), len(idx))
	}
	for i, q := range shards {
		if !reflect.DeepEqual(q.index, idx[i]) || !reflect.DeepEqual(q.types, types[i]) {
			t.Errorf("shard %d: rules %v of types %v, want %v of %v", i, q.index, q.types, idx[i], types[i])
		}
	}
}

// changedBuiltin is the built-in sources with a comment added to one
// module: a library the table was not worked out from.
func changedBuiltin(t *testing.T) []catalog.Source {
	t.Helper()
	sources := builtinSources(t)
	for i, src := range sources {
		if src.FS == nil {
			continue
		}
		files := fstest.MapFS{}
		changed := false
		err := fs.WalkDir(src.FS, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(src.FS, path)
			if err != nil {
				return err
			}
			if !changed && strings.HasSuffix(path, ".rego") && !strings.HasSuffix(path, "_test.rego") {
				data, changed = append(data, "\n# changed\n"...), true
			}
			files[path] = &fstest.MapFile{Data: data}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if changed {
			sources[i].FS = files
			return sources
		}
	}
	t.Fatal("no built-in module to change")
	return nil
}

// TestParsedReadsLazy: reading the rules from a lazily loaded catalog
// parses only the packages they reach, and answers for every Terraform
// rule, built in or not, what the modules parsed whole answer.
func TestParsedReadsLazy(t *testing.T) {
	custom, err := bundles.Sources(false)
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		sources []catalog.Source
		group   string
	}{
		"built-in rules":                   {builtinSources(t), "terraform"},
		"the bundles as policies (custom)": {custom, "terraform" + customSuffix},
	} {
		t.Run(name, func(t *testing.T) {
			e, cat := lazyEngine(t, tc.sources)
			evs := e.groups[tc.group].evals
			if len(evs) < 300 {
				t.Fatalf("%d evals: the test checks too little", len(evs))
			}
			lazy := parsedReads(cat, e.rules)
			got := make([][]string, len(evs))
			gotOK := make([]bool, len(evs))
			for i, ev := range evs {
				got[i], gotOK[i] = lazy(ev)
			}
			whole := wholeReads(t, cat, e.rules)
			for i, ev := range evs {
				want, wantOK := whole(ev)
				if !reflect.DeepEqual(got[i], want) || gotOK[i] != wantOK {
					t.Errorf("%s: %v %v, want %v %v", ev.Ref, got[i], gotOK[i], want, wantOK)
				}
			}
		})
	}
	t.Run("one policy parses what it reaches", func(t *testing.T) {
		e, cat := lazyEngine(t, append(builtinSources(t), catalog.Source{Path: "policy", FS: fstest.MapFS{"owner.rego": {Data: []byte(ownerPolicy)}}}))
		g := e.groups["terraform"+customSuffix]
		reads := parsedReads(cat, e.rules)
		types, ok := reads(g.evals[0])
		if !ok || !slices.Contains(types, "aws_s3_bucket") {
			t.Fatalf("reads %v %v, want aws_s3_bucket", types, ok)
		}
		// lib/terraform and lib/result, and what they import: New
		// compiled them for the policy already. Reading every module
		// parsed them all.
		if n := parsedModules(cat); n == 0 || n > 4 {
			t.Errorf("reading one policy parsed %d built-in modules", n)
		}
	})
}

// ownerPolicy is a policy from outside the built-ins that reads buckets
// through lib/terraform.
const ownerPolicy = `# METADATA
# title: Buckets name their owner
# custom:
#   id: ORG-S3-001
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_s3_bucket]
package org.s3.owner

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail(b, "the bucket names no owner") if {
	some b in terraform.resources("aws_s3_bucket")
	not terraform.get(b, "tags", {}).owner
}
`
