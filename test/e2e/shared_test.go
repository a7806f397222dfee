package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tenet-dev/tenet/test/htmlcheck"
	"github.com/tenet-dev/tenet/test/xsd"
	"gopkg.in/yaml.v3"
)

// sharedData is ../shared/data seen from the repository root, where the
// binary runs. Tests that read it skip when it is absent.
const sharedData = "../shared/data"

func sharedFiles(t *testing.T, dirs ...string) []string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, sharedData)); err != nil {
		t.Skip("../shared/data is not present")
	}
	var out []string
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(repoRoot, sharedData, d), func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() {
				rel, _ := filepath.Rel(repoRoot, p)
				out = append(out, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// report is the part of the JSON report these tests read.
type report struct {
	Inputs []struct {
		Path      string `json:"path"`
		Format    string `json:"format"`
		Resources int    `json:"resources"`
	} `json:"inputs"`
	Errors   []struct{ Message string } `json:"errors"`
	Findings []struct {
		RuleID   string `json:"rule_id"`
		File     string `json:"file"`
		Resource string `json:"resource"`
	} `json:"findings"`
}

// TestSharedData runs tenet on every real plan, state and manifest: each
// must load, evaluate without error, exit 0 or 1, and hold exactly as many
// resources as the file has.
func TestSharedData(t *testing.T) {
	for _, file := range sharedFiles(t, "terraform", "kubernetes") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			want := expectedResources(t, filepath.Join(repoRoot, file))
			sarifFile := filepath.Join(t.TempDir(), "out.sarif")
			oscalFile := filepath.Join(t.TempDir(), "out.oscal.json")
			junitFile := filepath.Join(t.TempDir(), "out.xml")
			htmlFile := filepath.Join(t.TempDir(), "out.html")
			// Alternate the JUnit grouping so both layouts meet every kind of input.
			junitBy := []string{"framework", "input"}[len(file)%2]
			jsonFile := filepath.Join(t.TempDir(), "out.json")
			got := run(t, "", "test", "-o", "json", "-o", "json="+jsonFile, "-o", "sarif="+sarifFile, "-o", "oscal="+oscalFile,
				"-o", "junit="+junitFile, "--junit-suites", junitBy, "-o", "html="+htmlFile, file)
			if got.code != 0 && got.code != 1 {
				t.Fatalf("exit code %d\nstderr: %s", got.code, got.stderr)
			}
			var rep report
			if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
				t.Fatalf("report is not JSON: %v", err)
			}
			if len(rep.Errors) > 0 || len(rep.Inputs) != 1 {
				t.Fatalf("inputs %+v, errors %+v", rep.Inputs, rep.Errors)
			}
			if rep.Inputs[0].Resources != want {
				t.Errorf("resources = %d, want %d", rep.Inputs[0].Resources, want)
			}
			validateFile(t, schemaFile(t, "sarif-schema-2.1.0.json"), sarifFile)
			validateFile(t, schemaFile(t, "oscal_complete_schema-1-1-3.json"), oscalFile)
			validateXMLFile(t, junitFile)
			validateFile(t, reportSchema(t), jsonFile)
			checkHTMLFile(t, htmlFile)
			parsed := run(t, "", "parse", file)
			var doc struct {
				Schema    string            `json:"schema"`
				Resources []json.RawMessage `json:"resources"`
			}
			if err := json.Unmarshal([]byte(parsed.stdout), &doc); err != nil || parsed.code != 0 {
				t.Fatalf("parse: exit %d, %v", parsed.code, err)
			}
			if doc.Schema != "tenet.input/v1" || len(doc.Resources) != want {
				t.Errorf("parse: schema %q, %d resources, want %d", doc.Schema, len(doc.Resources), want)
			}
		})
	}
}

// expectedResources counts the resources a file holds, read independently
// of tenet's loaders.
func expectedResources(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml") {
		return countManifestObjects(t, data)
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	var top map[string]any
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	switch {
	case top["resource_changes"] != nil || top["planned_values"] != nil:
		rcs, _ := top["resource_changes"].([]any)
		return len(rcs)
	case top["apiVersion"] != nil:
		if items, ok := top["items"].([]any); ok && top["kind"] == "List" {
			return len(items)
		}
		return 1
	case top["values"] != nil:
		return countStateModule(top["values"].(map[string]any)["root_module"])
	case top["version"] != nil:
		n := 0
		rs, _ := top["resources"].([]any)
		for _, r := range rs {
			inst, _ := r.(map[string]any)["instances"].([]any)
			n += len(inst)
		}
		return n
	}
	return 0
}

func countStateModule(m any) int {
	mod, ok := m.(map[string]any)
	if !ok {
		return 0
	}
	rs, _ := mod["resources"].([]any)
	n := len(rs)
	children, _ := mod["child_modules"].([]any)
	for _, c := range children {
		n += countStateModule(c)
	}
	return n
}

func countManifestObjects(t *testing.T, data []byte) int {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	n := 0
	for {
		var doc map[string]any
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return n
		}
		if err != nil {
			t.Fatal(err)
		}
		if doc == nil {
			continue
		}
		if items, ok := doc["items"].([]any); ok && doc["kind"] == "List" {
			n += len(items)
			continue
		}
		n++
	}
}

// TestMalformed runs every file of ../shared/data/malformed alone, then all
// of them beside a good plan: no crash, a one-line error naming the file
// with exit code 3, and the good plan still evaluated.
func TestMalformed(t *testing.T) {
	files := sharedFiles(t, "malformed")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			got := run(t, "", "test", "-o", "json", file)
			switch got.code {
			case 0, 1:
				if got.stderr != "" {
					t.Errorf("stderr on success: %s", got.stderr)
				}
			case 3:
				lines := strings.Split(strings.TrimSpace(got.stderr), "\n")
				if len(lines) != 1 || !strings.HasPrefix(lines[0], "tenet: "+file+":") {
					t.Errorf("want one line naming %s, got:\n%s", file, got.stderr)
				}
			default:
				t.Errorf("exit code %d\nstderr: %s", got.code, got.stderr)
			}
			if strings.Contains(got.stderr, "internal error") {
				t.Errorf("crash: %s", got.stderr)
			}
		})
	}
	t.Run("all beside a good plan", func(t *testing.T) {
		args := append([]string{"test", "-o", "json", "test/examples/plan.json"}, files...)
		got := run(t, "", args...)
		if got.code != 3 {
			t.Errorf("exit code = %d, want 3", got.code)
		}
		var rep report
		if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range rep.Findings {
			found = found || f.File == "test/examples/plan.json"
		}
		if !found {
			t.Error("the good plan's findings are missing")
		}
		if len(rep.Errors) == 0 || len(rep.Errors) != strings.Count(got.stderr, "\n") {
			t.Errorf("%d errors in the report, stderr:\n%s", len(rep.Errors), got.stderr)
		}
	})
}

// schemaFile compiles a schema of ../shared/schemas once; nil when
// ../shared is absent.
func schemaFile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	schemasMu.Lock()
	defer schemasMu.Unlock()
	if s, ok := schemas[name]; ok {
		return s
	}
	path := filepath.Join(repoRoot, "../shared/schemas", name)
	if _, err := os.Stat(path); err != nil {
		schemas[name] = nil
		return nil
	}
	s, err := jsonschema.NewCompiler().Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	schemas[name] = s
	return s
}

var (
	schemasMu sync.Mutex
	schemas   = map[string]*jsonschema.Schema{}
)

// validateFile checks a JSON file against schema; a nil schema (absent
// from ../shared) skips the check.
func validateFile(t *testing.T, schema *jsonschema.Schema, path string) {
	t.Helper()
	if schema == nil {
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("%s is not valid against its schema: %v", path, err)
	}
}

// checkHTMLFile checks that an HTML report is well formed, that its
// in-page links resolve and that it loads nothing from elsewhere.
func checkHTMLFile(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, err := range htmlcheck.Check(f) {
		t.Errorf("%s: %v", path, err)
	}
}

// junitSchema is the JUnit schema of Jenkins' xUnit plugin, the common
// denominator that Jenkins, GitLab and GitHub test reporters read.
const junitSchema = "junit-jenkins-xunit-junit-10.xsd"

// validateXMLFile checks a JUnit file against junitSchema when present.
func validateXMLFile(t *testing.T, path string) {
	t.Helper()
	schemaPath := filepath.Join(repoRoot, "../shared/schemas", junitSchema)
	if _, err := os.Stat(schemaPath); err != nil {
		return
	}
	s, err := xsd.Load(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, err := range s.Validate(f) {
		t.Errorf("%s: %v", path, err)
	}
}

// reportSchema compiles tenet's own report schema (docs/schema), which is
// in the repository and so never skipped.
func reportSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schemasMu.Lock()
	defer schemasMu.Unlock()
	if s, ok := schemas["report"]; ok {
		return s
	}
	s, err := jsonschema.NewCompiler().Compile(filepath.Join(repoRoot, "docs/schema/report-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	schemas["report"] = s
	return s
}
