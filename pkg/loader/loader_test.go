package loader_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/test/golden"
)

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParseGolden loads every valid fixture and compares the document with
// its golden file; run with -update after a deliberate change.
func TestParseGolden(t *testing.T) {
	tests := []struct {
		file   string
		format input.Format
		raw    bool
	}{
		{file: "tfplan/modules.json", format: input.FormatTerraformPlan},
		{file: "tfstate/show.json", format: input.FormatTerraformState},
		{file: "tfstate/raw.tfstate", format: input.FormatTerraformState},
		{file: "kubernetes/multi.yaml", format: input.FormatKubernetes},
		{file: "kubernetes/list.yaml", format: input.FormatKubernetes},
		{file: "kubernetes/pod.json", format: input.FormatKubernetes},
		{file: "data/settings.json", format: input.FormatJSON, raw: true},
		{file: "data/config.yaml", format: input.FormatYAML, raw: true},
		{file: "cloudformation/stack.yaml", format: input.FormatCloudFormation},
		{file: "cloudformation/stack.json", format: input.FormatCloudFormation, raw: true},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.ToSlash(filepath.Join("testdata", tc.file))
			doc, err := loader.Read(t.Context(), path, loader.Options{KeepRaw: tc.raw})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source.Format != tc.format {
				t.Errorf("format = %q, want %q", doc.Source.Format, tc.format)
			}
			out := map[string]any{"document": doc}
			if tc.raw {
				out["raw"] = doc.Raw
			}
			golden.Assert(t, "parse/"+strings.NewReplacer("/", "_", ".", "_").Replace(tc.file), marshal(t, out))
		})
	}
}

func TestPlanRefsAndUnknown(t *testing.T) {
	doc, err := loader.Read(t.Context(), "testdata/tfplan/modules.json", loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	byAddr := map[string]input.Resource{}
	for _, r := range doc.Resources {
		byAddr[r.Address] = r
	}
	enc := byAddr[`module.site[0].aws_s3_bucket_server_side_encryption_configuration.this["a.b"]`]
	wantRefs := map[string][]string{
		"bucket": {"module.site.aws_s3_bucket.this"},
		"rule.apply_server_side_encryption_by_default.kms_master_key_id": {"aws_kms_key.site"},
	}
	if diff := cmp.Diff(wantRefs, enc.Refs); diff != "" {
		t.Errorf("refs through a module call and a variable (-want +got):\n%s", diff)
	}
	if got := enc.ConfigAddress; got != "module.site.aws_s3_bucket_server_side_encryption_configuration.this" {
		t.Errorf("config address = %q", got)
	}
	pab := byAddr["aws_s3_bucket_public_access_block.site"]
	if diff := cmp.Diff(map[string][]string{"bucket": {"module.site.aws_s3_bucket.this"}}, pab.Refs); diff != "" {
		t.Errorf("refs through a module output (-want +got):\n%s", diff)
	}
	bucket := byAddr[`module.site[0].aws_s3_bucket.this["a.b"]`]
	if diff := cmp.Diff([]string{"arn", "id", "server_side_encryption_configuration"}, bucket.Unknown); diff != "" {
		t.Errorf("unknown (-want +got):\n%s", diff)
	}
	if got := byAddr["aws_db_instance.old"]; got.Action != input.ActionDelete || got.Before["storage_encrypted"] != false {
		t.Errorf("deleted resource: action %q before %v", got.Action, got.Before)
	}
	if got := byAddr["aws_instance.web[1]"].Action; got != input.ActionReplace {
		t.Errorf("replace action = %q", got)
	}
	if got := byAddr["aws_instance.web[1]"].Refs["ami"]; !cmp.Equal(got, []string{"data.aws_ami.ubuntu"}) {
		t.Errorf("data source ref = %v", got)
	}
}

func TestKubernetesLines(t *testing.T) {
	tests := []struct {
		file string
		want map[string]int
	}{
		{file: "testdata/kubernetes/multi.yaml", want: map[string]int{"Namespace/shop": 2, "shop/Deployment/web": 8}},
		{file: "testdata/kubernetes/list.yaml", want: map[string]int{"shop/Service/web": 4, "ConfigMap/settings": 12}},
		{file: "testdata/kubernetes/pod.json", want: map[string]int{"Pod/one": 1}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, addressLines(t, tc.file)); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestInvalid(t *testing.T) {
	tests := []struct {
		file     string
		wantLine int
		wantErr  string
	}{
		{file: "empty.json", wantErr: "file is empty"},
		{file: "truncated.json", wantErr: "unexpected end of input"},
		{file: "future-plan.json", wantErr: `unsupported plan format version: "9.0.0"`},
		{file: "wrong-type-plan.json", wantLine: 1, wantErr: "resource_changes: cannot use JSON string as an array"},
		{file: "state-v3.tfstate", wantErr: `unsupported state version "3"`},
		{file: "duplicate-key.yaml", wantLine: 5, wantErr: `key "name" already defined at line 4`},
		{file: "template.yaml", wantLine: 4, wantErr: "mapping key is not a scalar"},
		{file: "alias-bomb.yaml", wantLine: 7, wantErr: "aliases expand to too many nodes (alias bomb?): this alias takes the file past"},
		{file: "trailing.json", wantLine: 1, wantErr: "unexpected data after the top-level value"},
		{file: "not-json.json", wantLine: 1, wantErr: "invalid JSON"},
		{file: "missing.json", wantErr: "no such file or directory"},
		{file: "bad-utf8.json", wantLine: 2, wantErr: "invalid UTF-8 (byte 0xff)"},
		{file: "binary.tfplan", wantErr: "binary Terraform plan (zip): convert it with `terraform show -json"},
		{file: "app.Dockerfile", wantLine: 2, wantErr: "invalid Dockerfile: unterminated heredoc"},
		{file: "main.tf", wantLine: 1, wantErr: "Unclosed configuration block: There is no closing brace for this block before the end of the file."},
		{file: "template-repeated-key.yaml", wantLine: 6, wantErr: `key "AccessControl" already defined at line 5`},
		{file: "template-repeated-key.json", wantLine: 3, wantErr: `duplicate key "B" (first at line 2, column 16)`},
		{file: "template-no-type.yaml", wantLine: 3, wantErr: "resource B has no Type"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := "testdata/invalid/" + tc.file
			_, err := loader.Read(t.Context(), path, loader.Options{})
			var fe *loader.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FileError", err)
			}
			if fe.Path != path {
				t.Errorf("path = %q, want %q", fe.Path, path)
			}
			if fe.Line != tc.wantLine {
				t.Errorf("line = %d, want %d (%v)", fe.Line, tc.wantLine, err)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q does not contain %q", err, tc.wantErr)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		path string
		data string
		want input.Format
	}{
		{name: "plan", path: "p.json", data: `{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{}}`, want: input.FormatTerraformPlan},
		{name: "plan without changes", path: "p.json", data: `{"format_version":"1.2","configuration":{}}`, want: input.FormatTerraformPlan},
		{name: "show state", path: "s.json", data: `{"format_version":"1.0","terraform_version":"1.9.5","values":{}}`, want: input.FormatTerraformState},
		{name: "empty show state", path: "s.json", data: `{"format_version":"1.0","terraform_version":"1.9.5"}`, want: input.FormatTerraformState},
		{name: "raw state", path: "terraform.tfstate", data: `{"version":4,"terraform_version":"1.9.5","serial":1,"lineage":"x","resources":[]}`, want: input.FormatTerraformState},
		{name: "kubernetes json", path: "pod.json", data: `{"apiVersion":"v1","kind":"Pod"}`, want: input.FormatKubernetes},
		{name: "kubernetes yaml", path: "pod.yaml", data: "kind: Pod\napiVersion: v1\n", want: input.FormatKubernetes},
		{name: "kubernetes later document", path: "x.yaml", data: "a: 1\n---\napiVersion: v1\nkind: Pod\n", want: input.FormatKubernetes},
		{name: "plain json", path: "x.json", data: `{"a":1}`, want: input.FormatJSON},
		{name: "json array", path: "x.json", data: `[1,2]`, want: input.FormatJSON},
		{name: "plain yaml", path: "x.yml", data: "a: 1\n", want: input.FormatYAML},
		{name: "yaml flow mapping", path: "x.yaml", data: "{a: 1}\n", want: input.FormatYAML},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := loader.Detect(tc.path, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Detect = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	plan := `{"format_version":"1.2","terraform_version":"1.9.5","resource_changes":[]}`
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range plan {
		utf16le = append(utf16le, byte(r), 0)
	}
	tests := map[string][]byte{
		"utf-8 bom":        append([]byte{0xEF, 0xBB, 0xBF}, plan...),
		"utf-16le bom":     utf16le,
		"actions wrapper":  []byte("[command]/usr/bin/terraform-bin show -json plan.tfplan\n" + plan + "%0A\n::set-output name=exitcode::0\n"),
		"trailing newline": []byte(plan + "\n"),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			doc, err := loader.Parse(t.Context(), "plan.json", data, loader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source.Format != input.FormatTerraformPlan {
				t.Errorf("format = %q", doc.Source.Format)
			}
		})
	}
}

func TestForcedFormat(t *testing.T) {
	_, err := loader.Read(t.Context(), "testdata/kubernetes/pod.json", loader.Options{Format: input.FormatTerraformPlan})
	if err == nil || !strings.Contains(err.Error(), "format version is missing") {
		t.Errorf("forcing a plan on a pod: err = %v", err)
	}
	_, err = loader.Read(t.Context(), "testdata/kubernetes/pod.json", loader.Options{Format: "hcl"})
	if !errors.Is(err, loader.ErrUnknownFormat) {
		t.Errorf("unknown format: err = %v", err)
	}
}

// TestForcedSyntax: --input-format json or yaml forces the syntax, as
// conftest --parser does; a Kubernetes manifest, a plan or a state in it is
// still read as such, so that the built-in rules see its resources instead
// of a plain document that nothing checks.
func TestForcedSyntax(t *testing.T) {
	tests := []struct {
		path      string
		format    input.Format
		want      input.Format
		resources bool
	}{
		{path: "testdata/kubernetes/multi.yaml", format: input.FormatYAML, want: input.FormatKubernetes, resources: true},
		{path: "testdata/kubernetes/pod.json", format: input.FormatYAML, want: input.FormatKubernetes, resources: true},
		{path: "testdata/kubernetes/pod.json", format: input.FormatJSON, want: input.FormatKubernetes, resources: true},
		{path: "testdata/tfplan/modules.json", format: input.FormatJSON, want: input.FormatTerraformPlan, resources: true},
		{path: "testdata/data/config.yaml", format: input.FormatYAML, want: input.FormatYAML},
		{path: "testdata/data/settings.json", format: input.FormatJSON, want: input.FormatJSON},
		{path: "testdata/data/settings.json", format: input.FormatYAML, want: input.FormatYAML},
	}
	for _, tc := range tests {
		t.Run(string(tc.format)+" "+tc.path, func(t *testing.T) {
			doc, err := loader.Read(t.Context(), tc.path, loader.Options{Format: tc.format, KeepRaw: true})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Source.Format != tc.want || (len(doc.Resources) > 0) != tc.resources || doc.Raw == nil {
				t.Errorf("format %q with %d resources (raw %v), want %q with resources %v", doc.Source.Format, len(doc.Resources), doc.Raw != nil, tc.want, tc.resources)
			}
		})
	}
	// JSON forced on YAML is still an error.
	if _, err := loader.Read(t.Context(), "testdata/data/config.yaml", loader.Options{Format: input.FormatJSON}); err == nil {
		t.Error("YAML read as JSON: no error")
	}
}

func TestStdinAndSizeLimit(t *testing.T) {
	doc, err := loader.Read(t.Context(), "-", loader.Options{Stdin: strings.NewReader("kind: Pod\napiVersion: v1\nmetadata: {name: a}\n")})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source.Path != "-" || len(doc.Resources) != 1 {
		t.Errorf("stdin document: %+v", doc.Source)
	}
	_, err = loader.Read(t.Context(), "testdata/tfplan/modules.json", loader.Options{MaxFileSize: 100})
	if !errors.Is(err, loader.ErrTooLarge) {
		t.Errorf("size limit: err = %v", err)
	}
	// The largest limit (--max-file-size 9223372036854775807) read every
	// file as empty: the one byte past it wrapped around.
	for _, path := range []string{"testdata/tfplan/modules.json", "-"} {
		opts := loader.Options{MaxFileSize: math.MaxInt64, Stdin: strings.NewReader("kind: Pod\napiVersion: v1\nmetadata: {name: a}\n")}
		doc, err := loader.Read(t.Context(), path, opts)
		if err != nil || len(doc.Resources) == 0 {
			t.Errorf("%s with the largest limit: %d resources, err = %v", path, len(doc.Resources), err)
		}
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b/plan.json", "{}")
	write("a.yaml", "a: 1")
	write("notes.md", "# not an input")
	write(".terraform/modules.json", "{}")
	write("c/state.tfstate", "{}")
	if err := os.Symlink(dir, filepath.Join(dir, "b", "loop")); err != nil {
		t.Fatal(err)
	}
	files, errs := loader.Files([]string{dir, filepath.Join(dir, "notes.md"), filepath.Join(dir, "missing.json"), "-"})
	want := []string{
		filepath.Join(dir, "a.yaml"),
		filepath.Join(dir, "b/plan.json"),
		filepath.Join(dir, "c/state.tfstate"),
		filepath.Join(dir, "notes.md"),
		"-",
	}
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing.json") {
		t.Errorf("errors = %v", errs)
	}
}

// TestDeepNesting feeds 100,000 levels of nesting (JSON, a plan value,
// YAML): each is one error line naming the file, not a crash or a hang.
func TestDeepNesting(t *testing.T) {
	const n = 100000
	deep := strings.Repeat("[", n) + strings.Repeat("]", n)
	tests := map[string]struct{ data, wantErr string }{
		"deep.json": {deep, "exceeded max depth"},
		"plan.json": {`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","mode":"managed","change":{"actions":["create"],"after":{"x":` + deep + `}}}]}`, "exceeded max depth"},
		"deep.yaml": {"a: " + deep + "\n", "exceeded max depth"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := loader.Read(t.Context(), path, loader.Options{})
			var fe *loader.FileError
			if !errors.As(err, &fe) || fe.Path != path || !strings.Contains(err.Error(), tc.wantErr) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v: want one line naming %s and containing %q", err, path, tc.wantErr)
			}
		})
	}
}

// addressLines reads path and maps each resource's address to its line.
func addressLines(t *testing.T, path string) map[string]int {
	t.Helper()
	doc, err := loader.Read(t.Context(), path, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range doc.Resources {
		got[r.Address] = r.Location.Line
	}
	return got
}

// TestBareJSONValue: a .json file holding one scalar is valid JSON, but no
// input tenet reads: the error says what it holds, where it said "invalid
// JSON".
func TestBareJSONValue(t *testing.T) {
	dir := t.TempDir()
	for text, want := range map[string]string{
		"null\n": "a JSON null", "42": "a JSON number", `"x"`: "a JSON string", " true ": "a JSON boolean",
	} {
		path := filepath.Join(dir, "v.json")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loader.Read(t.Context(), path, loader.Options{})
		if err == nil || !strings.Contains(err.Error(), want+", not an object or a list") || strings.Contains(err.Error(), "invalid JSON") {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}
