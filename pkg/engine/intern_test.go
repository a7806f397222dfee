package engine

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestInternEqualsInterfaceToValue: the interning conversion gives, for
// every resource, the value ast.InterfaceToValue gives: on generated plans
// of every selected type, generated manifests, the examples and every
// file of ../shared/data that loads.
func TestInternEqualsInterfaceToValue(t *testing.T) {
	cat := builtinCatalog(t)
	docs := []input.Document{generatedDocument(t, cat, 3000, 7)}
	dir := t.TempDir()
	if err := bench.WriteManifests(dir, 50, 3); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, pattern := range []string{"../../test/examples/*", "../../../shared/data/*/*", "../../../shared/data/*/*/*"} {
		more, _ := filepath.Glob(pattern)
		paths = append(paths, more...)
	}
	for _, p := range paths {
		if info, err := os.Stat(p); err != nil || info.IsDir() {
			continue
		}
		if d, err := loader.Read(context.Background(), p, loader.Options{}); err == nil {
			docs = append(docs, d)
		}
	}
	resources := 0
	for _, d := range docs {
		got, err := resourceTerms(d, 2, nil)
		if err != nil {
			t.Fatalf("%s: %v", d.Source.Path, err)
		}
		for i, r := range d.Resources {
			want, err := ast.InterfaceToValue(resourceMap(r))
			if err != nil {
				t.Fatalf("%s: %v", d.Source.Path, err)
			}
			if ast.Compare(got[i].Value, want) != 0 {
				t.Fatalf("%s %s: interned value differs:\n got %v\nwant %v", d.Source.Path, r.Address, got[i].Value, want)
			}
			resources++
		}
	}
	if len(docs) < 10 || resources < 3000 {
		t.Fatalf("%d documents, %d resources: the test compares too little", len(docs), resources)
	}
	t.Logf("%d documents, %d resources", len(docs), resources)
}

// TestInternShares: equal objects and arrays of shared terms are one
// term, wherever they sit; one holding a string too long to share is its
// own; and a digest that two composites share never gives one the other's
// value.
func TestInternShares(t *testing.T) {
	long := strings.Repeat("x", internMax+1)
	in := newInterner()
	conv := func(x any) *ast.Term {
		t.Helper()
		term, err := in.term(x)
		if err != nil {
			t.Fatal(err)
		}
		return term
	}
	tags := func() map[string]any {
		return map[string]any{"env": "prod", "team": "a", "port": json.Number("443"), "on": true, "none": nil}
	}
	a := conv(map[string]any{"values": map[string]any{"tags": tags(), "ids": []any{"a", "b"}}, "id": long})
	b := conv(map[string]any{"values": map[string]any{"tags": tags(), "ids": []any{"a", "b"}}, "id": long + "y"})
	va, vb := a.Get(ast.StringTerm("values")), b.Get(ast.StringTerm("values"))
	if va != vb {
		t.Errorf("equal values objects are two terms")
	}
	if a.Get(ast.StringTerm("id")) == str(in, long) {
		t.Errorf("a string longer than internMax was shared")
	}
	c := conv(map[string]any{"values": map[string]any{"tags": tags(), "ids": []any{"a", "b"}}, "id": long})
	if c == a {
		t.Errorf("an object holding an unshared string was shared")
	}
	if ast.Compare(c.Value, a.Value) != 0 {
		t.Errorf("equal objects convert to different values")
	}
	if conv([]any{"b", "a"}) == conv([]any{"a", "b"}) {
		t.Errorf("arrays in another order are one term")
	}

	// A composite planted under the digest the next one will have: the
	// next is compared term by term and made anew.
	in = newInterner()
	k, v := str(in, "k"), str(in, "v")
	planted := ast.NewTerm(ast.NewObject([2]*ast.Term{str(in, "other"), v}))
	in.composites[objectDigest([][2]*ast.Term{{k, v}})] = planted
	if got := conv(map[string]any{"k": "v"}); got == planted || ast.Compare(got.Value, ast.MustParseTerm(`{"k": "v"}`).Value) != 0 {
		t.Errorf("an object with a colliding digest became %v", got)
	}
	arr := ast.NewTerm(ast.NewArray(str(in, "other")))
	in.composites[arrayDigest([]*ast.Term{k})] = arr
	if got := conv([]any{"k"}); got == arr || ast.Compare(got.Value, ast.MustParseTerm(`["k"]`).Value) != 0 {
		t.Errorf("an array with a colliding digest became %v", got)
	}
}

// str is s's term from in, shared or not.
func str(in *interner, s string) *ast.Term {
	t, _ := in.shareStr(s)
	return t
}

// TestConvertedObjectsCopySafely: every object of a converted document can
// be copied in one goroutine while another reads its keys in order for
// the first time, as two shards sharing a resource's terms do (a policy's
// `with input... as` copies the input). OPA sorts an object's keys in
// place on that first read, under a sync.Once that Object.Copy does not
// take, so the conversion sorts them before any evaluation sees the
// object. Run under -race (make race), the race detector reports the write
// and the read if it does not; without it the copies are still compared.
func TestConvertedObjectsCopySafely(t *testing.T) {
	doc := generatedDocument(t, builtinCatalog(t), 400, 3)
	terms, source := documentTerms(t, doc)
	// The objects are found through the Go values and Object.Get: OPA's
	// walks read keys in order, which would sort them first.
	seen := map[ast.Object]bool{}
	var objects []ast.Object
	var collect func(term *ast.Term, x any)
	collect = func(term *ast.Term, x any) {
		switch v := x.(type) {
		case map[string]any:
			o := term.Value.(ast.Object)
			if !seen[o] {
				seen[o] = true
				objects = append(objects, o)
			}
			for k, e := range v {
				collect(o.Get(ast.StringTerm(k)), e)
			}
		case []any:
			for i, e := range v {
				collect(term.Value.(*ast.Array).Elem(i), e)
			}
		}
	}
	for i, r := range doc.Resources {
		collect(terms[i], resourceMap(r))
	}
	collect(source, sourceMap(doc))
	objects = append(objects, shardValue(doc, source, terms, nil).(ast.Object))
	batch, err := batchTerms([][]*ast.Term{terms[:50], terms[50:100]})
	if err != nil {
		t.Fatal(err)
	}
	for _, term := range batch {
		objects = append(objects, term.Value.(ast.Object))
	}
	if len(objects) < 1000 {
		t.Fatalf("%d objects: the test copies too few", len(objects))
	}
	copies := make([]ast.Object, len(objects))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := len(objects) - 1; i >= 0; i-- {
			objects[i].Keys() // the first ordered read sorts
		}
	}()
	for i, o := range objects {
		copies[i] = o.Copy()
	}
	<-done
	for i, o := range objects {
		if o.Compare(copies[i]) != 0 {
			t.Fatalf("the copy of %v is %v", o, copies[i])
		}
	}
}
