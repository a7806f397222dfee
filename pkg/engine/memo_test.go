package engine

import (
	"encoding/json"
	"maps"
	"slices"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// mapMemo is a Memo in memory that stores findings as JSON, as one on disk
// does, and counts what it does: newParts counts the parts stored that
// were not stored before under their key, updates the keys stored again.
type mapMemo struct {
	mu                                    sync.Mutex
	data                                  map[string][]byte
	hits, misses, puts, newParts, updates int
}

func (m *mapMemo) Get(key string) (Parts, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.data[key]
	var parts Parts
	if !ok || json.Unmarshal(data, &parts) != nil {
		m.misses++
		return nil, false
	}
	m.hits++
	return parts, true
}

func (m *mapMemo) Put(key string, _ []string, parts Parts) {
	data, err := json.Marshal(parts)
	if err != nil {
		panic(err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var old Parts
	if prev, ok := m.data[key]; ok {
		_ = json.Unmarshal(prev, &old)
		m.updates++
	}
	for k := range parts {
		if _, ok := old[k]; !ok {
			m.newParts++
		}
	}
	m.data[key] = data
	m.puts++
}

func (m *mapMemo) reset() { m.hits, m.misses, m.puts, m.newParts, m.updates = 0, 0, 0, 0, 0 }

// TestMemoEqualsPlain: a document evaluated with a Memo that holds the
// shards of an earlier version of it gives what a plain evaluation gives,
// after edits of every kind: none, a judged resource emptied or removed, a
// resource that rules read only through joins removed or emptied, a
// resource moved to another line or renamed, one added. The shards that
// hold no edited resource come from the Memo, and those of per-resource
// rules are evaluated again only on the edited resource's component;
// those of rules that read the clock never come from it. On the generated plan (which holds an access key, judged by its
// age) and on every plan and state of ../shared/data, sharded whatever
// their size.
func TestMemoEqualsPlain(t *testing.T) {
	cat := builtinCatalog(t)
	docs := terraformDocs(t, cat, 1500, 13)
	e, err := New(t.Context(), cat, Options{Parallel: 2, shardMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	volatile, all := e.volatile()
	if all || len(volatile) == 0 {
		t.Fatalf("volatile rules %v (all: %v): the access key age rule should be the one", volatile, all)
	}
	load := func(name string, edit func(*input.Document)) (input.Document, bool) {
		doc, err := loader.Parse(t.Context(), name, docs[name], loader.Options{})
		if err != nil || Target(doc.Source.Format) != "terraform" || doc.Source.Format == input.FormatTerraform {
			return doc, false
		}
		if edit != nil {
			edit(&doc)
		}
		return doc, true
	}
	type edit struct {
		name string
		// apply edits the ith resource; nil for no edit.
		apply func(doc *input.Document, i int)
		// among picks the resources to edit: those with findings, or
		// those that no rule selects (read only through joins).
		among func(r input.Resource, res Result) bool
	}
	selected := map[string]bool{}
	for _, r := range cat.Rules {
		for _, s := range selectorTypes(r, "terraform") {
			selected[s] = true
		}
	}
	withFindings := func(r input.Resource, res Result) bool {
		return slices.ContainsFunc(res.Findings, func(f finding.Finding) bool { return f.Resource == r.Address })
	}
	joinedOnly := func(r input.Resource, _ Result) bool { return !selected[r.Type] }
	remove := func(doc *input.Document, i int) { doc.Resources = slices.Delete(doc.Resources, i, i+1) }
	edits := []edit{
		{name: "unchanged"},
		{name: "judged emptied", among: withFindings, apply: func(doc *input.Document, i int) {
			doc.Resources[i].Values, doc.Resources[i].Unknown = map[string]any{}, nil
		}},
		{name: "judged removed", among: withFindings, apply: remove},
		{name: "joined removed", among: joinedOnly, apply: remove},
		{name: "joined emptied", among: joinedOnly, apply: func(doc *input.Document, i int) {
			doc.Resources[i].Values, doc.Resources[i].Unknown, doc.Resources[i].Refs = map[string]any{}, nil, nil
		}},
		{name: "moved", among: withFindings, apply: func(doc *input.Document, i int) {
			doc.Resources[i].Location.File, doc.Resources[i].Location.Line = "moved.tf", 4242
		}},
		{name: "renamed", among: withFindings, apply: func(doc *input.Document, i int) {
			doc.Resources[i].Address += "_renamed"
		}},
		{name: "added", among: withFindings, apply: func(doc *input.Document, i int) {
			r := doc.Resources[i]
			r.Address += "_copy"
			r.Values = maps.Clone(r.Values)
			doc.Resources = append(doc.Resources, r)
		}},
	}
	// pick returns the last resource among those ed edits whose edit
	// changes the findings, -1 when there is none; the last, so that
	// resources of its type come before it.
	pick := func(name string, base input.Document, plain Result, ed edit) int {
		tried := 0
		for i := len(base.Resources) - 1; i >= 0 && tried < 200; i-- {
			if !ed.among(base.Resources[i], plain) {
				continue
			}
			tried++
			doc, _ := load(name, func(doc *input.Document) { ed.apply(doc, i) })
			res, err := e.Eval(t.Context(), doc)
			if err != nil {
				t.Fatal(err)
			}
			if !cmp.Equal(res.Findings, plain.Findings) {
				return i
			}
		}
		return -1
	}
	findings, hits, updates := 0, 0, 0
	applied := map[string]int{}
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		base, ok := load(name, nil)
		if !ok {
			continue
		}
		plain, err := e.Eval(t.Context(), base)
		if err != nil {
			t.Fatal(err)
		}
		for _, ed := range edits {
			i := -1
			if name == "generated.json" && ed.name == "joined emptied" {
				continue // the generated plan has no references
			}
			if ed.apply != nil {
				if i = pick(name, base, plain, ed); i < 0 {
					if name == "generated.json" {
						t.Fatalf("%s: no resource whose edit %q changes a finding: the test checks too little", name, ed.name)
					}
					continue
				}
			}
			apply := func(doc *input.Document) {
				if ed.apply != nil {
					ed.apply(doc, i)
				}
			}
			applied[ed.name]++
			memo := &mapMemo{data: map[string][]byte{}}
			first, _ := load(name, nil)
			if _, err := e.EvalWith(t.Context(), first, EvalOptions{Release: true, Memo: memo}); err != nil {
				t.Fatal(err)
			}
			edited, _ := load(name, apply)
			want, err := e.Eval(t.Context(), edited)
			if err != nil {
				t.Fatal(err)
			}
			memo.reset()
			edited, _ = load(name, apply)
			got, err := e.EvalWith(t.Context(), edited, EvalOptions{Release: true, Memo: memo})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s, %s: results differ (-plain +memo):\n%s", name, ed.name, diff)
			}
			findings += len(want.Findings)
			hits += memo.hits
			if name == "generated.json" {
				volatileShards := 0
				for _, q := range e.groups["terraform"].shards() {
					if slices.ContainsFunc(q.evals, func(ev catalog.Eval) bool { return volatile[ev.RuleID] }) {
						volatileShards++
					}
				}
				if memo.hits == 0 || ed.name == "unchanged" && memo.puts > 0 {
					t.Errorf("%s, %s: %d shards from the memo, %d stored again", name, ed.name, memo.hits, memo.puts)
				}
				// Every shard missed is stored; those of per-resource
				// rules are found and stored again with only the
				// components of the edited resource new.
				if memo.puts < memo.misses || volatileShards == 0 {
					t.Errorf("%s, %s: %d shards stored, %d missed, %d with a volatile rule", name, ed.name, memo.puts, memo.misses, volatileShards)
				}
				if memo.newParts > memo.puts {
					t.Errorf("%s, %s: %d components evaluated again in %d shards", name, ed.name, memo.newParts, memo.puts)
				}
				updates += memo.updates
			}
		}
	}
	if findings < generatedSize(1000) || hits == 0 || updates == 0 {
		t.Fatalf("%d findings, %d shards from the memo, %d shards of per-resource rules updated, in all: the test checks too little", findings, hits, updates)
	}
	if len(sharedData("terraform/*/*")) > 0 && applied["joined emptied"] == 0 {
		t.Fatal("no document of ../shared/data has a joined resource whose edit changes a finding")
	}
}

// TestMemoWholeShard: a rule whose reads the engine cannot bound (it reads
// input directly) is evaluated on the whole document, in the first shard;
// its memoized findings must follow any resource of the document.
func TestMemoWholeShard(t *testing.T) {
	rule := `# METADATA
# title: Names every database
# description: Test rule.
# scope: package
# custom:
#   id: TST-W-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance]
#   controls:
#     nist-800-53-r5: ["SC-28"]
#   remediation: None.
package tenet.w

import rego.v1

deny contains {"msg": sprintf("engine %v", [r.values.engine]), "resource": r.address} if {
	some r in input.resources
}
`
	fsys := fstest.MapFS{".manifest": {Data: []byte(`{"roots": ["tenet/w"]}`)}, "w.rego": {Data: []byte(rule)},
		"nist.json": {Data: []byte(`{"nist-800-53-r5": {"title": "NIST", "controls": {"SC-28": {"title": "Protection of Information at Rest"}}}}`)}}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "w", FS: fsys, Builtin: true}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(t.Context(), cat, Options{Parallel: 2, shardMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	if g := e.groups["terraform"]; len(g.shards()) == 0 || g.shards()[0].types != nil || len(g.shards()[0].evals) != 1 {
		t.Fatalf("the rule should be alone in the whole document's shard: %d shards", len(g.shards()))
	}
	doc := func(engine string) input.Document {
		return input.Document{Schema: input.Schema, Source: input.Source{Path: "plan.json", Format: input.FormatTerraformPlan},
			Resources: []input.Resource{{Address: "aws_db_instance.main", Type: "aws_db_instance", Action: "create", Mode: "managed",
				Values: map[string]any{"engine": engine}}}}
	}
	memo := &mapMemo{data: map[string][]byte{}}
	for _, engine := range []string{"mysql", "postgres"} {
		want, err := e.Eval(t.Context(), doc(engine))
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.EvalWith(t.Context(), doc(engine), EvalOptions{Release: true, Memo: memo})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" || len(got.Findings) != 1 {
			t.Errorf("engine %s: results differ (-plain +memo):\n%s", engine, diff)
		}
	}
}
