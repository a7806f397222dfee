package catalog_test

import (
	"bytes"
	"io/fs"
	"path"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/test/golden"
)

// TestHeadsTable: heads.json holds the head of every built-in module as
// the parser makes it; under -update it is written again.
func TestHeadsTable(t *testing.T) {
	text, err := catalog.HeadsTable(builtinSources(t))
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, "heads.json", text, "run go test ./pkg/catalog -run '^TestHeadsTable$' -update (or make docs)")
	if n := bytes.Count(text, []byte(`"file"`)); n < 350 {
		t.Errorf("the table holds %d heads: the test checks too little", n)
	}
}

// TestHeadsTableSameAsParsed: the head of each built-in module taken from
// the table is the one the parser makes: its package, where that starts,
// and its annotations, every field and where each starts. A head the
// table does not hold, as after an edit, is not taken from it.
func TestHeadsTableSameAsParsed(t *testing.T) {
	if golden.Updating() {
		t.Skip("the table is being rewritten: this binary embeds the one before")
	}
	// Text, Offset and Tabs of a location are not in the table; nothing
	// reads them from a head.
	opts := cmp.Options{
		cmpopts.IgnoreUnexported(ast.Annotations{}),
		cmp.Comparer(func(a, b *ast.Location) bool {
			return a == nil && b == nil || a != nil && b != nil && a.File == b.File && a.Row == b.Row && a.Col == b.Col
		}),
		cmp.Comparer(func(a, b ast.Ref) bool { return a.Equal(b) }),
	}
	heads := 0
	for _, src := range builtinSources(t) {
		names, err := catalog.RegoModules(src.FS)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			text, err := fs.ReadFile(src.FS, name)
			if err != nil {
				t.Fatal(err)
			}
			head, ok := catalog.PackageHead(text)
			if !ok {
				t.Fatalf("%s: no package clause", name)
			}
			file := "/" + path.Join(src.Path, name)
			want, err := catalog.ParseHead(file, head, true)
			if err != nil {
				t.Fatal(err)
			}
			got, err := catalog.ParseHead(file, head, false)
			if err != nil {
				t.Fatal(err)
			}
			heads++
			if !got.Package.Path.Equal(want.Package.Path) {
				t.Errorf("%s: package %v, want %v", file, got.Package.Path, want.Package.Path)
			}
			if diff := cmp.Diff(want.Package.Location, got.Package.Location, opts); diff != "" {
				t.Errorf("%s: the package clause's location differs (-parsed +table):\n%s", file, diff)
			}
			if diff := cmp.Diff(want.Annotations, got.Annotations, opts); diff != "" {
				t.Errorf("%s: annotations differ (-parsed +table):\n%s", file, diff)
			}
			if got.RegoVersionSpan() != want.RegoVersionSpan() {
				t.Errorf("%s: Rego versions %v, want %v", file, got.RegoVersionSpan(), want.RegoVersionSpan())
			}
			edited := bytes.Replace(head, []byte("# METADATA"), []byte("# METADATA\n# title: edited"), 1)
			if _, err := catalog.ParseHead(file, edited, false); err == nil && bytes.Contains(head, []byte("# METADATA")) {
				t.Errorf("%s: an edited head is taken from the table", file)
			}
		}
	}
	if heads < 350 {
		t.Errorf("%d heads compared: the test checks too little", heads)
	}
}
