package loader_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// change is one resource change of a plan, with extra members added to
// its change object.
func change(addr, extra string) string {
	typ, name, _ := strings.Cut(addr, ".")
	return fmt.Sprintf(`{"address":%q,"mode":"managed","type":%q,"name":%q,"change":{"actions":["create"],"before":null,"after":{"encrypted":false},"after_unknown":{},"after_sensitive":{}%s}}`, addr, typ, name, extra)
}

func planWith(top string, changes ...string) string {
	return `{"format_version":"1.2","terraform_version":"1.9.5"` + top + `,"resource_changes":[` + strings.Join(changes, ",") + `]}`
}

// TestKeyCase checks that a key Terraform writes in lower case is not read
// from a key in another case. encoding/json matches struct fields ignoring
// case (Unicode folding included: "ſ" is "s", the Kelvin sign "K" is "k"),
// so "AFTER" beside "after" gave the rules one value while jq, Python and
// reviewers read the other, and "Resource_Changes": [] emptied a plan.
func TestKeyCase(t *testing.T) {
	t.Parallel()
	many := make([]string, 300)
	for i := range many {
		many[i] = change(fmt.Sprintf("aws_ebs_volume.v%d", i), "")
	}
	many[200] = change("aws_ebs_volume.v200", `,"AFTER":{"encrypted":true}`)
	tests := []struct {
		name, path, data string
		want             string // a substring of the error; "" for none
		dup              bool   // the error is an ErrDuplicateKey, else ErrKeyCase
	}{
		{
			name: "AFTER beside after", data: planWith("", change("aws_ebs_volume.s", `,"AFTER":{"encrypted":true}`)),
			want: `plan.json:1:268: duplicate key "AFTER" ignoring case (first "after" at line 1, column 200)`, dup: true,
		},
		{
			name: "AFTER before after", data: planWith("", `{"address":"a.b","type":"a","name":"b","change":{"actions":["create"],"AFTER":{"x":1},"after":{"x":2}}}`),
			want: `key in another case than Terraform writes it: "AFTER", not "after"`,
		},
		{
			name: "empty Resource_Changes after the changes", data: strings.TrimSuffix(planWith("", change("aws_ebs_volume.s", "")), "}") + `,"Resource_Changes":[]}`,
			want: `duplicate key "Resource_Changes" ignoring case (first "resource_changes" at line 1, column 53)`, dup: true,
		},
		{
			name: "Resource_Changes alone", data: `{"format_version":"1.2","Resource_Changes":[` + change("aws_ebs_volume.s", "") + `]}`,
			want: `plan.json:1:25: key in another case than Terraform writes it: "Resource_Changes", not "resource_changes"`,
		},
		{
			name: "long s", data: `{"format_version":"1.2","reſource_changes":[` + change("aws_ebs_volume.s", "") + `]}`,
			want: `key in another case than Terraform writes it: "reſource_changes", not "resource_changes"`,
		},
		{
			name: "Kelvin sign", data: planWith("", change("aws_ebs_volume.s", `,"after_un`+"\u212a"+`nown":{"encrypted":true}`)),
			want: `ignoring case (first "after_unknown"`, dup: true,
		},
		{
			name: "escaped Kelvin sign", data: planWith("", change("aws_ebs_volume.s", `,"after_un\u212anown":{"encrypted":true}`)),
			want: `ignoring case (first "after_unknown"`, dup: true,
		},
		{name: "parallel decoding", data: planWith("", many...), want: `duplicate key "AFTER" ignoring case`, dup: true},
		{
			name: "every top-level key in upper case", data: `{"FORMAT_VERSION":"1.2","RESOURCE_CHANGES":[` + change("aws_ebs_volume.s", "") + `]}`,
			want: `key in another case than Terraform writes it: "FORMAT_VERSION", not "format_version"`,
		},
		{
			name: "REFERENCES in an expression",
			data: planWith(`,"configuration":{"root_module":{"resources":[{"address":"a.b","expressions":{"bucket":{"references":["c.d"],"REFERENCES":["e.f"]}}}]}}`),
			want: `duplicate key "REFERENCES" ignoring case`, dup: true,
		},
		{
			name: "References in a module call",
			data: planWith(`,"configuration":{"root_module":{"module_calls":{"m":{"expressions":{"name":{"References":["var.x"]}}}}}}`),
			want: `key in another case than Terraform writes it: "References", not "references"`,
		},
		{
			name: "show state VALUES", path: "state.json",
			data: `{"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{"resources":[{"address":"a.b","mode":"managed","type":"a","name":"b","values":{"x":1},"VALUES":{"x":2}}]}}}`,
			want: `duplicate key "VALUES" ignoring case`, dup: true,
		},
		{
			name: "raw state Attributes", path: "terraform.tfstate",
			data: `{"version":4,"terraform_version":"1.9.5","lineage":"x","resources":[{"mode":"managed","type":"a","name":"b","instances":[{"attributes":{"x":1},"Attributes":{"x":2}}]}]}`,
			want: `duplicate key "Attributes" ignoring case`, dup: true,
		},
		{
			name: "raw state sensitive path VALUE", path: "terraform.tfstate",
			data: `{"version":4,"terraform_version":"1.9.5","lineage":"x","resources":[{"mode":"managed","type":"a","name":"b","instances":[{"attributes":{"x":1},"sensitive_attributes":[[{"type":"get_attr","VALUE":"x"}]]}]}]}`,
			want: `key in another case than Terraform writes it: "VALUE", not "value"`,
		},
		// Attribute values, tags and labels are maps: every decoder keeps
		// their keys as written, so keys in two cases are two keys.
		{name: "tags in two cases", data: planWith("", strings.Replace(change("aws_s3_bucket.b", ""), `"after":{"encrypted":false}`, `"after":{"tags":{"Name":"a","name":"b","NAME":"c"}}`, 1))},
		{name: "unknown key in a change", data: planWith("", change("aws_ebs_volume.s", `,"importing":{"id":"x"},"generated_config":"","some_future_key":1`))},
		{name: "kubernetes labels in two cases", path: "pod.yaml", data: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {App: a, app: b}\n"},
		{name: "kubernetes json labels in two cases", path: "pod.json", data: `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"App":"a","app":"b"}}}`},
		{name: "plain json", path: "x.json", data: `{"a":{"A":1,"a":2},"Kind":"x","kind":"y"}`},
		{
			name: "only plan keys in another case", path: "x.json", data: `{"Resource_Changes":[],"RESOURCE_CHANGES":[]}`,
			want: `x.json:1:2: key in another case than Terraform writes it: "Resource_Changes", not "resource_changes"`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := tc.path
			if path == "" {
				path = "plan.json"
			}
			doc, err := loader.Parse(t.Context(), path, []byte(tc.data), loader.Options{})
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if path == "plan.json" && len(doc.Resources) == 0 {
					t.Errorf("no resources read")
				}
				return
			}
			var fe *loader.FileError
			if !errors.As(err, &fe) || fe.Path != path || fe.Line == 0 || fe.Column == 0 {
				t.Fatalf("err = %v, want a FileError naming %s with a line and column", err, path)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
			sentinel := loader.ErrKeyCase
			if tc.dup {
				sentinel = loader.ErrDuplicateKey
			}
			if !errors.Is(err, sentinel) {
				t.Errorf("err = %v, want errors.Is %v", err, sentinel)
			}
		})
	}
}

// TestKeyCaseTagsKept checks that map keys in two cases both reach the
// rules, as every other decoder reads them.
func TestKeyCaseTagsKept(t *testing.T) {
	t.Parallel()
	data := planWith("", strings.Replace(change("aws_s3_bucket.b", ""), `"after":{"encrypted":false}`, `"after":{"tags":{"Name":"a","name":"b"}}`, 1))
	doc, err := loader.Parse(t.Context(), "plan.json", []byte(data), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tags, _ := doc.Resources[0].Values["tags"].(map[string]any)
	if tags["Name"] != "a" || tags["name"] != "b" {
		t.Errorf("tags = %v, want both keys", tags)
	}
}

// TestKeyCaseRepro reads ../shared/repro/case-dup-plan.json, a real plan
// with an "AFTER" object beside "after", when it is present.
func TestKeyCaseRepro(t *testing.T) {
	t.Parallel()
	const path = "../../../shared/repro/case-dup-plan.json"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no reproducer: %v", err)
	}
	_, err := loader.Read(t.Context(), path, loader.Options{})
	var fe *loader.FileError
	if !errors.As(err, &fe) || fe.Line == 0 || !errors.Is(err, loader.ErrDuplicateKey) || !strings.Contains(err.Error(), `duplicate key "AFTER" ignoring case (first "after" at line`) {
		t.Fatalf("err = %v, want the AFTER key refused with its line", err)
	}
	// Forced to the plan format, the same.
	_, err = loader.Read(t.Context(), path, loader.Options{Format: input.FormatTerraformPlan})
	if !errors.Is(err, loader.ErrDuplicateKey) {
		t.Errorf("forced format: err = %v", err)
	}
}
