package conftestfn

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		parser, text, want string
	}{
		{"json", `{"a": [1, "x"]}`, `{"a":[1,"x"]}`},
		{"yaml", "a: 1\nb: [x]\n", `{"a":1,"b":["x"]}`},
		{"yml", "a: 1\n---\na: 2\n", `[{"a":1},{"a":2}]`},
		{"hcl2", "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"private\"\n}\n", `{"resource":{"aws_s3_bucket":{"b":[{"acl":"private"}]}}}`},
		{"dockerfile", "FROM alpine:3\nUSER app\n", `"Cmd":"from"`},
		// conftest's parser: an instruction without flags has [], not null.
		{"dockerfile", "FROM alpine:3\n", `"Flags":[]`},
	} {
		v, err := Parse(t.Context(), tc.parser, "text", []byte(tc.text))
		if err != nil {
			t.Errorf("%s: %v", tc.parser, err)
			continue
		}
		got, _ := json.Marshal(v)
		if !strings.Contains(string(got), tc.want) {
			t.Errorf("%s: %s, want %s", tc.parser, got, tc.want)
		}
	}
	if _, err := Parse(t.Context(), "toml", "x", []byte("a = 1")); err == nil || !strings.Contains(err.Error(), `parser "toml"`) {
		t.Errorf("toml: %v", err)
	}
	if _, err := Parse(t.Context(), "json", "x", []byte(`{"a": `)); err == nil {
		t.Error("bad JSON parsed")
	}
}

// TestParseFileConfined: a path is relative to the policy's directory, as
// in conftest, and only regular files under the working directory are
// read: not /etc/passwd, not through "..", not through a link out, not a
// named pipe (without blocking), not a huge file.
func TestParseFileConfined(t *testing.T) {
	wd := t.TempDir()
	t.Chdir(wd)
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("policy/settings.yaml", "debug: true\n")
	write("config/app.json", `{"port": 80}`)
	const policy = "policy/p.rego"
	v, err := ParseFile(t.Context(), policy, "settings.yaml")
	if err != nil || v.(map[string]any)["debug"] != true {
		t.Fatalf("settings.yaml = %v, %v", v, err)
	}
	if v, err := ParseFile(t.Context(), policy, "../config/app.json"); err != nil || v.(map[string]any)["port"] == nil {
		t.Errorf("../config/app.json (inside the working directory) = %v, %v", v, err)
	}
	outside := filepath.Join(t.TempDir(), "secret.json")
	if err := os.WriteFile(outside, []byte(`{"token": "s3cr3t"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, "policy/link.json"); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("policy/pipe.json", 0o644); err != nil {
		t.Fatal(err)
	}
	escape, err := filepath.Rel(filepath.Join(wd, "policy"), outside)
	if err != nil {
		t.Fatal(err)
	}
	write("policy/huge.json", `"`+strings.Repeat("x", MaxFileBytes)+`"`)
	for path, want := range map[string]string{
		"/etc/passwd":         "no such file", // joined to the policy's directory, as conftest does
		"../../../etc/passwd": "under the working directory",
		"../" + outside:       "no such file", // joined too
		escape:                "under the working directory",
		"link.json":           "under the working directory",
		"pipe.json":           "not a regular file",
		"huge.json":           "larger than",
		"settings.toml":       "no such file",
	} {
		v, err := ParseFile(t.Context(), policy, path)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s = %v, %v; want an error with %q", path, v, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "s3cr3t") {
			t.Errorf("%s: the error shows the file's content", path)
		}
	}
}
