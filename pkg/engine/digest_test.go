package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestResourceDigest: resources that differ anywhere the rules can see
// digest differently, including values that one would write alike
// without tags and lengths; equal resources digest alike whatever the
// order their maps were filled in, and wherever they are written.
func TestResourceDigest(t *testing.T) {
	base := func() input.Resource {
		return input.Resource{
			Address: "aws_s3_bucket.a", Type: "aws_s3_bucket", Name: "a", Action: "create", Mode: "managed",
			Values:   map[string]any{"bucket": "a", "tags": map[string]any{"k": "v"}, "n": json.Number("1"), "list": []any{"x", true, nil}},
			Refs:     map[string][]string{"policy": {"aws_iam_policy.p"}},
			Location: input.Location{File: "main.tf", Line: 3, Attributes: map[string]int{"bucket": 4}},
		}
	}
	edits := map[string]func(r *input.Resource){
		"address":           func(r *input.Resource) { r.Address = "aws_s3_bucket.b" },
		"fields shifted":    func(r *input.Resource) { r.Address, r.ConfigAddress = "", r.Address },
		"name into type":    func(r *input.Resource) { r.Type, r.Name = "aws_s3_bucketa", "" },
		"index":             func(r *input.Resource) { r.Index = json.Number("0") },
		"index string":      func(r *input.Resource) { r.Index = "0" },
		"value":             func(r *input.Resource) { r.Values["bucket"] = "b" },
		"value type":        func(r *input.Resource) { r.Values["n"] = "1" },
		"number form":       func(r *input.Resource) { r.Values["n"] = json.Number("1.0") },
		"key moved":         func(r *input.Resource) { r.Values["tags"] = map[string]any{"kv": ""} },
		"list to string":    func(r *input.Resource) { r.Values["list"] = []any{"xtrue"} },
		"nested list":       func(r *input.Resource) { r.Values["list"] = []any{[]any{"x", true, nil}} },
		"list shorter":      func(r *input.Resource) { r.Values["list"] = []any{"x", true} },
		"values nil":        func(r *input.Resource) { r.Values = nil },
		"values empty":      func(r *input.Resource) { r.Values = map[string]any{} },
		"unknown":           func(r *input.Resource) { r.Unknown = []string{"arn"} },
		"sensitive":         func(r *input.Resource) { r.Sensitive = []string{"bucket"} },
		"before":            func(r *input.Resource) { r.Before = map[string]any{} },
		"refs":              func(r *input.Resource) { r.Refs["policy"] = []string{"aws_iam_policy.q"} },
		"configured":        func(r *input.Resource) { r.Configured = []string{} },
		"string in strings": func(r *input.Resource) { r.Unknown = []string{"a", "b"}; r.Sensitive = []string{"ab"} },
	}
	want, _, err := resourceDigest(base(), nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[sha256.Size]byte]string{want: "base"}
	for name, edit := range edits {
		r := base()
		edit(&r)
		got, _, err := resourceDigest(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		if other, dup := seen[got]; dup {
			t.Errorf("%s: digests as %s", name, other)
		}
		seen[got] = name
	}
	// The same values, the maps filled in another order.
	r := base()
	r.Values = map[string]any{}
	for _, k := range []string{"list", "n", "tags", "bucket"} {
		r.Values[k] = base().Values[k]
	}
	if got, _, _ := resourceDigest(r, make([]byte, 0, 7)); got != want {
		t.Error("the same resource digests differently")
	}
	// Moved: the location is not digested.
	r = base()
	r.Location = input.Location{File: "other.tf", Line: 40, Attributes: map[string]int{"bucket": 41}}
	if got, _, _ := resourceDigest(r, nil); got != want {
		t.Error("a resource that only moved digests differently")
	}
}

// BenchmarkResourceDigest digests every resource of a generated plan,
// against SHA-256 over encoding/json's output of its value.
func BenchmarkResourceDigest(b *testing.B) {
	var buf bytes.Buffer
	cat := builtinCatalog(b)
	if err := bench.WritePlan(&buf, 10000, bench.ResourceTypes(cat.Rules, "terraform"), 1); err != nil {
		b.Fatal(err)
	}
	doc, err := loader.Parse(context.Background(), "plan.json", buf.Bytes(), loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("digest", func(b *testing.B) {
		var scratch []byte
		for b.Loop() {
			for _, r := range doc.Resources {
				if _, scratch, err = resourceDigest(r, scratch); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			for _, r := range doc.Resources {
				data, err := json.Marshal(resourceMap(r))
				if err != nil {
					b.Fatal(err)
				}
				sha256.Sum256(data)
			}
		}
	})
}

// TestBuiltinsReadNoLocation: no built-in rule reads a resource's
// location, which resourceDigest leaves out: no built-in module holds the
// string "location" but as an attribute of values or before
// (r.values.location). The fixtures library writes locations for tests;
// it reads none.
func TestBuiltinsReadNoLocation(t *testing.T) {
	cat := builtinCatalog(t)
	attribute := ast.NewSet(ast.StringTerm("values"), ast.StringTerm("before"))
	for name, m := range cat.Modules {
		if m.Package.Path.String() == "data.tenet.lib.fixtures" {
			continue
		}
		allowed := map[*ast.Term]bool{}
		ast.WalkTerms(m, func(x *ast.Term) bool {
			switch v := x.Value.(type) {
			case ast.Ref:
				for i := 1; i < len(v); i++ {
					if attribute.Contains(v[i-1]) {
						allowed[v[i]] = true
					}
				}
			case ast.String:
				if v == "location" && !allowed[x] {
					t.Errorf("%s:%d reads a location", name, x.Location.Row)
				}
			}
			return false
		})
	}
}
