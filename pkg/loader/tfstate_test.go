package loader_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// stateResource is what TestStateModuleAddresses compares of a resource.
type stateResource struct {
	Address, ConfigAddress, Module, Mode string
}

// TestStateModuleAddresses reads each shape of Terraform state that holds
// resources in modules: every resource keeps its full module address, so
// that the same resource name in two modules stays two resources.
func TestStateModuleAddresses(t *testing.T) {
	tests := map[string]struct {
		data string
		want []stateResource
	}{
		// Terraform 0.12 wrote the addresses of a child module's resources
		// relative to the module (see tfjson-no_changes-state.json of
		// terraform-json, written by 0.12.0).
		"show, 0.12 relative resource addresses": {
			data: `{"format_version":"0.1","terraform_version":"0.12.24","values":{"root_module":{
				"resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{}}],
				"child_modules":[
					{"address":"module.a","resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{}}]},
					{"address":"module.c","resources":[
						{"address":"aws_s3_bucket.b[0]","mode":"managed","type":"aws_s3_bucket","name":"b","index":0,"values":{}},
						{"address":"data.aws_iam_policy_document.p","mode":"data","type":"aws_iam_policy_document","name":"p","values":{}}]}]}}}`,
			want: []stateResource{
				{"aws_s3_bucket.b", "aws_s3_bucket.b", "", "managed"},
				{"module.a.aws_s3_bucket.b", "module.a.aws_s3_bucket.b", "module.a", "managed"},
				{"module.c.aws_s3_bucket.b[0]", "module.c.aws_s3_bucket.b", "module.c", "managed"},
				{"module.c.data.aws_iam_policy_document.p", "module.c.data.aws_iam_policy_document.p", "module.c", "data"},
			},
		},
		"show, 0.12 nested modules with relative resource addresses": {
			data: `{"format_version":"0.1","terraform_version":"0.12.0","values":{"root_module":{"child_modules":[
				{"address":"module.a","child_modules":[
					{"address":"module.a.module.b[\"x\"]","resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{}}]}]}]}}}`,
			want: []stateResource{
				{`module.a.module.b["x"].aws_s3_bucket.b`, "module.a.module.b.aws_s3_bucket.b", `module.a.module.b["x"]`, "managed"},
			},
		},
		// No Terraform version is known to write a child module's address
		// relative to its parent; it is read as such all the same.
		"show, relative module address": {
			data: `{"format_version":"0.1","values":{"root_module":{"child_modules":[
				{"address":"module.a","child_modules":[
					{"address":"module.b","resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{}}]}]}]}}}`,
			want: []stateResource{
				{"module.a.module.b.aws_s3_bucket.b", "module.a.module.b.aws_s3_bucket.b", "module.a.module.b", "managed"},
			},
		},
		"show, absolute addresses (0.13 and later)": {
			data: `{"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{"child_modules":[
				{"address":"module.a[0]","resources":[{"address":"module.a[0].aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{}}],
				 "child_modules":[{"address":"module.a[0].module.c","resources":[{"address":"module.a[0].module.c.aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{}}]}]}]}}}`,
			want: []stateResource{
				{"module.a[0].aws_s3_bucket.b", "module.a.aws_s3_bucket.b", "module.a[0]", "managed"},
				{"module.a[0].module.c.aws_s3_bucket.b", "module.a.module.c.aws_s3_bucket.b", "module.a[0].module.c", "managed"},
			},
		},
		"raw v4 with module fields": {
			data: `{"version":4,"terraform_version":"0.12.24","serial":1,"lineage":"x","resources":[
				{"mode":"managed","type":"aws_s3_bucket","name":"b","instances":[{"attributes":{}}]},
				{"module":"module.a","mode":"managed","type":"aws_s3_bucket","name":"b","instances":[{"attributes":{}}]},
				{"module":"module.c[1].module.d","mode":"managed","type":"aws_s3_bucket","name":"b","each":"list","instances":[{"index_key":0,"attributes":{}}]},
				{"module":"module.a","mode":"data","type":"aws_iam_policy_document","name":"p","instances":[{"attributes":{}}]}]}`,
			want: []stateResource{
				{"aws_s3_bucket.b", "aws_s3_bucket.b", "", "managed"},
				{"module.a.aws_s3_bucket.b", "module.a.aws_s3_bucket.b", "module.a", "managed"},
				{"module.c[1].module.d.aws_s3_bucket.b[0]", "module.c.module.d.aws_s3_bucket.b", "module.c[1].module.d", "managed"},
				{"module.a.data.aws_iam_policy_document.p", "module.a.data.aws_iam_policy_document.p", "module.a", "data"},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			doc, err := loader.Parse(t.Context(), "state.json", []byte(tc.data), loader.Options{Format: input.FormatTerraformState})
			if err != nil {
				t.Fatal(err)
			}
			var got []stateResource
			for _, r := range doc.Resources {
				got = append(got, stateResource{r.Address, r.ConfigAddress, r.Module, r.Mode})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("resources (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStateModuleAddressesRepro reads ../shared/repro/tf012_state3.json:
// three modules each holding aws_s3_bucket.b are three resources.
func TestStateModuleAddressesRepro(t *testing.T) {
	const path = "../../../shared/repro/tf012_state3.json"
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared/repro is not present")
	}
	doc, err := loader.Read(t.Context(), path, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range doc.Resources {
		got = append(got, r.Address)
	}
	want := []string{"module.a.aws_s3_bucket.b", "module.c.aws_s3_bucket.b", "module.z.aws_s3_bucket.b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("addresses (-want +got):\n%s", diff)
	}
}
