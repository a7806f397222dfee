package loader_test

import (
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestPlainText: files of formats conftest parses and tenet does not
// (.env, .properties, XML, nginx, Groovy, .dockerignore) read as one YAML
// string; taken as YAML, policies would judge a string and pass. They are
// input errors, while YAML whose documents hold a mapping or a list is
// read, and a forced --input-format yaml is obeyed.
func TestPlainText(t *testing.T) {
	for name, data := range map[string]string{
		"sample.env":        "# comment\nAPP_NAME=demo\nDEBUG=true\n",
		"sample.properties": "app.name=demo\napp.debug=true\n",
		"pom.xml":           "<?xml version=\"1.0\"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n</project>\n",
		"nginx.conf":        "user nginx;\nworker_processes 1;\n",
		"Jenkinsfile":       "pipeline {\n  agent any\n}\n",
		".dockerignore":     "node_modules\n.git\n",
		"two.yaml":          "--- just text\n--- more text\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := loader.Parse(t.Context(), name, []byte(data), loader.Options{})
			if err == nil || !strings.Contains(err.Error(), "plain text, not a YAML mapping or list") {
				t.Errorf("err = %v, want a plain-text input error", err)
			}
			doc, err := loader.Parse(t.Context(), name, []byte(data), loader.Options{Format: input.FormatYAML, KeepRaw: true})
			if err != nil || doc.Raw == nil {
				t.Errorf("forced yaml: %v", err)
			}
		})
	}
	for name, data := range map[string]string{
		"list.yaml":  "- a\n- b\n",
		"mixed.yaml": "--- text\n---\nkey: value\n",
	} {
		if _, err := loader.Parse(t.Context(), name, []byte(data), loader.Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
