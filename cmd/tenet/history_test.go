package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

// newHistory appends n runs to a history in a new directory.
func newHistory(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "h")
	s, err := history.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for range n {
		res := &finding.Result{Schema: finding.ResultSchema, Tool: finding.Tool{Name: "tenet", Version: "test"}}
		if _, err := s.Append(t.Context(), time.Now(), res); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// rewrite replaces record file name with rec, gzipped, as a crafted file.
func rewrite(t *testing.T, path string, edit func(map[string]any)) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.NewDecoder(zr).Decode(&rec); err != nil {
		t.Fatal(err)
	}
	edit(rec)
	plain, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(plain)
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(t.Context(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// TestHistoryShowShortHash: history show prints a crafted record whose
// hash is shorter than the 12 characters the table shows, instead of
// panicking (show does not check the chain; verify names the record).
func TestHistoryShowShortHash(t *testing.T) {
	dir := newHistory(t, 1)
	rewrite(t, filepath.Join(dir, "000001.json.gz"), func(r map[string]any) { r["hash"] = "abc" })
	code, out, stderr := runCLI(t, "history", "show", dir)
	if code != 0 || !strings.Contains(out, " abc\n") {
		t.Errorf("show: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	code, _, stderr = runCLI(t, "history", "verify", dir)
	if code != exitFailures || !strings.Contains(stderr, "000001.json.gz: content does not match its hash") {
		t.Errorf("verify: exit %d, stderr %q", code, stderr)
	}
}

// TestHistoryDamagedExitCodes: a damaged record (here zero bytes) is a
// broken history for verify (exit 1, naming the file), a record that
// cannot be read for show (exit 3, naming the file, as tenet diff does
// for a report), and an unreadable directory exit 3 for both.
func TestHistoryDamagedExitCodes(t *testing.T) {
	dir := newHistory(t, 2)
	rec := filepath.Join(dir, "000002.json.gz")
	if err := os.WriteFile(rec, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"history", "verify", dir}, exitFailures, "tenet: " + rec + ": not a valid record: empty file"},
		{[]string{"history", "show", dir}, exitLoadError, "tenet: " + rec + ": not a valid record: empty file"},
		{[]string{"history", "verify", dir + "-nope"}, exitLoadError, "tenet: history: stat " + dir + "-nope: no such file or directory"},
		{[]string{"history", "show", dir + "-nope"}, exitLoadError, "tenet: history: stat " + dir + "-nope: no such file or directory"},
	}
	for _, tc := range tests {
		code, _, stderr := runCLI(t, tc.args...)
		if code != tc.code || !strings.HasPrefix(stderr, tc.stderr) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want %d and one line starting %q", tc.args, code, stderr, tc.code, tc.stderr)
		}
	}
}
