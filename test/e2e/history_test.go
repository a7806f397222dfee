package e2e

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/test/golden"
)

// copyFile copies a file of testdata to dst.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// scanTwice scans pod.yaml in a temporary directory before and after a
// change that resolves three findings, adds one and flips twenty controls,
// writing old.json and new.json there.
func scanTwice(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, step := range []struct{ src, report string }{{"pod-old.yaml", "old.json"}, {"pod-new.yaml", "new.json"}} {
		copyFile(t, filepath.Join("testdata", "diff", step.src), filepath.Join(dir, "pod.yaml"))
		if got := runIn(t, dir, "", "test", "-o", "json="+step.report, "pod.yaml"); got.code != 1 {
			t.Fatalf("scan: exit %d: %s", got.code, got.stderr)
		}
	}
	return dir
}

func TestDiff(t *testing.T) {
	dir := scanTwice(t)
	for _, format := range []string{"table", "markdown", "json"} {
		t.Run(format, func(t *testing.T) {
			got := runIn(t, dir, "", "diff", "-o", format, "old.json", "new.json")
			if got.code != 0 || got.stderr != "" {
				t.Fatalf("exit %d: %s", got.code, got.stderr)
			}
			golden.Assert(t, "diff-"+format, []byte(got.stdout))
		})
	}
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"fail-on-new", []string{"diff", "--fail-on-new", "old.json", "new.json"}, 1, ""},
		{"fail-on-new, nothing new", []string{"diff", "--fail-on-new", "new.json", "new.json"}, 0, ""},
		{"missing report", []string{"diff", "old.json", "nope.json"}, 3, "nope.json"},
		{"not a report", []string{"diff", "old.json", "pod.yaml"}, 3, "pod.yaml: decode report"},
		{"bad format", []string{"diff", "-o", "sarif", "old.json", "new.json"}, 2, `unknown diff format "sarif"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := runIn(t, dir, "", tc.args...)
			if got.code != tc.wantCode || !strings.Contains(got.stderr, tc.wantErr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", got.code, got.stderr, tc.wantCode, tc.wantErr)
			}
		})
	}
}

func TestBaseline(t *testing.T) {
	dir := scanTwice(t) // pod.yaml is now the new version
	tests := []struct {
		name       string
		baseline   string
		wantCode   int
		wantStdout []string
	}{
		{"new finding fails", "old.json", 1, []string{
			"1 new, 9 existing, 3 resolved since baseline old.json",
			"Resolved since the baseline (3)",
			`TNT-K8S-POD-001 Pod/web (pod.yaml:1): container "app" runs privileged`,
		}},
		{"nothing new passes", "new.json", 0, []string{"PASS: ", "0 new, 10 existing, 0 resolved since baseline new.json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runIn(t, dir, "", "test", "--baseline", tc.baseline, "pod.yaml")
			if got.code != tc.wantCode {
				t.Errorf("exit %d, want %d: %s", got.code, tc.wantCode, got.stderr)
			}
			for _, s := range tc.wantStdout {
				if !strings.Contains(got.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, got.stdout)
				}
			}
		})
	}
	got := runIn(t, dir, "", "test", "--baseline", "old.json", "-o", "json", "pod.yaml")
	for _, s := range []string{`"baseline": "new"`, `"baseline": "existing"`, `"path": "old.json"`, `"resolved": [`} {
		if !strings.Contains(got.stdout, s) {
			t.Errorf("json report lacks %s", s)
		}
	}
	if got := runIn(t, dir, "", "test", "--baseline", "pod.yaml", "pod.yaml"); got.code != 2 || !strings.Contains(got.stderr, "baseline: pod.yaml") {
		t.Errorf("a baseline that is not a report: exit %d, %s", got.code, got.stderr)
	}
}

func TestHistory(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join("testdata", "diff", "pod-old.yaml"), filepath.Join(dir, "pod.yaml"))
	for range 2 {
		if got := runIn(t, dir, "", "test", "--history", "h", "-o", "json=/dev/null", "pod.yaml"); got.code != 1 {
			t.Fatalf("test --history: exit %d: %s", got.code, got.stderr)
		}
	}
	show := runIn(t, dir, "", "history", "show", "h")
	if show.code != 0 || strings.Count(show.stdout, "\n") != 3 || !strings.Contains(show.stdout, "2026-11-18T") {
		t.Errorf("history show: exit %d:\n%s%s", show.code, show.stdout, show.stderr)
	}
	verify := runIn(t, dir, "", "history", "verify", "h")
	if verify.code != 0 || !strings.Contains(verify.stdout, "h: intact, 2 records, head ") {
		t.Fatalf("history verify: exit %d: %s%s", verify.code, verify.stdout, verify.stderr)
	}
	head := strings.TrimSpace(verify.stdout[strings.LastIndex(verify.stdout, " ")+1:])

	// An edited record fails verification, naming the record.
	rec := filepath.Join(dir, "h", "000001.json.gz")
	data, err := os.ReadFile(rec)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var edited bytes.Buffer
	zw := gzip.NewWriter(&edited)
	zw.Write(regexp.MustCompile(`"deny":[0-9]+`).ReplaceAll(plain, []byte(`"deny":0`)))
	zw.Close()
	if err := os.WriteFile(rec, edited.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got := runIn(t, dir, "", "history", "verify", "h")
	if got.code != 1 || got.stderr != "tenet: "+filepath.Join("h", "000001.json.gz")+": content does not match its hash: the record was edited\n" {
		t.Errorf("tampered: exit %d, stderr %q", got.code, got.stderr)
	}
	if err := os.WriteFile(rec, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Deleting the newest record is caught with the anchor only.
	if err := os.Remove(filepath.Join(dir, "h", "000002.json.gz")); err != nil {
		t.Fatal(err)
	}
	if got := runIn(t, dir, "", "history", "verify", "h"); got.code != 0 {
		t.Errorf("restored: exit %d: %s", got.code, got.stderr)
	}
	if got := runIn(t, dir, "", "history", "verify", "--anchor", head, "h"); got.code != 1 || !strings.Contains(got.stderr, "no record has the anchor hash") {
		t.Errorf("anchored: exit %d: %s", got.code, got.stderr)
	}
	if got := runIn(t, dir, "", "history", "verify", "nope"); got.code != 3 {
		t.Errorf("missing directory: exit %d: %s", got.code, got.stderr)
	}
}

// TestHistorySigned: tenet history keygen makes a key pair; runs recorded
// with --history-signing-key verify with --verification-key and fail with
// another key; the unsigned chain alone says the signatures went unchecked.
func TestHistorySigned(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join("testdata", "diff", "pod-old.yaml"), filepath.Join(dir, "pod.yaml"))
	for _, pair := range [][]string{{"k", "k.pub"}, {"other", "other.pub"}} {
		if got := runIn(t, dir, "", "history", "keygen", pair[0], pair[1]); got.code != 0 || !strings.Contains(got.stdout, "key id ") {
			t.Fatalf("keygen: exit %d: %s%s", got.code, got.stdout, got.stderr)
		}
	}
	if info, err := os.Stat(filepath.Join(dir, "k")); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("private key file: %v, %v; want mode 0600", info, err)
	}
	for range 2 {
		if got := runIn(t, dir, "", "test", "--history", "h", "--history-signing-key", "k", "-o", "json=/dev/null", "pod.yaml"); got.code != 1 {
			t.Fatalf("test --history-signing-key: exit %d: %s", got.code, got.stderr)
		}
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		output string
	}{
		{"with its key", []string{"history", "verify", "--verification-key", "k.pub", "h"}, 0, "h: intact, 2 records, head "},
		{"without a key", []string{"history", "verify", "h"}, 0, "2 signed records (signatures not checked: pass --verification-key)"},
		{"with another key", []string{"history", "verify", "--verification-key", "other.pub", "h"}, 1, filepath.Join("h", "000001.json.gz") + ": signed with another key"},
		{"private key to verify", []string{"history", "verify", "--verification-key", "k", "h"}, 2, "this is a private key"},
		{"unsigned append to a signed history", []string{"test", "--history", "h", "-o", "json=/dev/null", "pod.yaml"}, 2, "append with its signing key"},
		{"signing key without history", []string{"test", "--history-signing-key", "k", "pod.yaml"}, 2, "--history-signing-key needs --history DIR"},
		{"keygen over a key", []string{"history", "keygen", "k", "new.pub"}, 2, "file exists"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runIn(t, dir, "", tc.args...)
			if got.code != tc.code || !strings.Contains(got.stdout+got.stderr, tc.output) {
				t.Errorf("exit %d, output %q; want %d and %q", got.code, got.stdout+got.stderr, tc.code, tc.output)
			}
		})
	}
	if got := runIn(t, dir, "", "history", "verify", "--verification-key", "k.pub", "h"); !strings.Contains(got.stdout, "every record signed by key ") {
		t.Errorf("verify after the refused append: %s%s", got.stdout, got.stderr)
	}
}
