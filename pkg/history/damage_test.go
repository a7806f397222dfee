package history_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

func copyRecord(n int) func(t *testing.T, s *history.Store, path string) {
	return func(t *testing.T, s *history.Store, path string) {
		data, err := os.ReadFile(filepath.Join(s.Dir(), []string{"", "000001.json.gz", "000002.json.gz", "000003.json.gz"}[n]))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func writeBytes(data string) func(t *testing.T, s *history.Store, path string) {
	return func(t *testing.T, _ *history.Store, path string) {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDamagedNextRecord: a file at the next record's name that is not that
// record (empty, garbage, a copy of another record, a directory, a
// symbolic link) makes Append fail at once, naming the file and what to
// do, instead of retrying for many seconds or chaining onto it; verify
// names the same file with exit-1 tampering, not an I/O error.
func TestDamagedNextRecord(t *testing.T) {
	tests := map[string]struct {
		make    func(t *testing.T, s *history.Store, path string)
		problem string
	}{
		"zero bytes":     {writeBytes(""), "empty file"},
		"garbage":        {writeBytes("not gzip at all"), "not a valid record"},
		"copy of record": {copyRecord(3), "holds record 3"},
		"directory": {func(t *testing.T, _ *history.Store, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
		"symlink to a record": {func(t *testing.T, s *history.Store, path string) {
			if err := os.Symlink(filepath.Join(s.Dir(), "000003.json.gz"), path); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s := fill(t, 3)
			path := filepath.Join(s.Dir(), "000004.json.gz")
			tc.make(t, s, path)

			start := time.Now()
			_, err := s.Append(t.Context(), time.Now(), result(finding.StatusPass, "-"))
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.problem) || !strings.Contains(err.Error(), "move it out") {
				t.Errorf("append = %v; want an error naming %s, %q and what to do", err, path, tc.problem)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("append took %s to give up", d)
			}

			_, err = s.Verify("")
			var te *history.TamperError
			if !errors.As(err, &te) || te.File != path || !strings.Contains(te.Problem, tc.problem) {
				t.Errorf("verify = %v; want a TamperError for %s: %s", err, path, tc.problem)
			}
			if _, err := s.Records(); !errors.Is(err, history.ErrTampered) || !strings.Contains(err.Error(), path) {
				t.Errorf("records = %v; want the damaged file named", err)
			}

			// Moving the file out is the whole repair.
			if err := os.RemoveAll(path); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Append(t.Context(), time.Now(), result(finding.StatusPass, "-")); err != nil {
				t.Fatalf("append after the repair: %v", err)
			}
			if v, err := s.Verify(""); err != nil || v.Records != 4 {
				t.Errorf("verify after the repair = %+v, %v", v, err)
			}
		})
	}
}

// TestStrayFiles: files whose names look like records but are not record
// names (seven digits for a six-digit number, record 0) are never read as
// part of the chain: appends go on, and verify names each of them.
func TestStrayFiles(t *testing.T) {
	for _, name := range []string{"0000002.json.gz", "000000.json.gz", "00000001.json.gz"} {
		t.Run(name, func(t *testing.T) {
			s := fill(t, 2)
			path := filepath.Join(s.Dir(), name)
			copyRecord(2)(t, s, path)
			rec, err := s.Append(t.Context(), time.Now(), result(finding.StatusPass, "-"))
			if err != nil || rec.Seq != 3 {
				t.Fatalf("append = %+v, %v; want record 3", rec, err)
			}
			if recs, err := s.Records(); err != nil || len(recs) != 3 {
				t.Errorf("records = %d, %v; want 3", len(recs), err)
			}
			_, err = s.Verify("")
			var te *history.TamperError
			if !errors.As(err, &te) || te.File != path || !strings.Contains(te.Problem, "not a record name") {
				t.Errorf("verify = %v; want %s named as a stray file", err, path)
			}
			os.Remove(path)
			if v, err := s.Verify(""); err != nil || v.Records != 3 {
				t.Errorf("verify without the stray = %+v, %v", v, err)
			}
		})
	}
	t.Run("other files are ignored", func(t *testing.T) {
		s := fill(t, 1)
		for _, name := range []string{"notes.txt", "000001.json", ".tmp-123", "keys"} {
			if err := os.WriteFile(filepath.Join(s.Dir(), name), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Mkdir(filepath.Join(s.Dir(), "outbox"), 0o755); err != nil {
			t.Fatal(err)
		}
		if v, err := s.Verify(""); err != nil || v.Records != 1 {
			t.Errorf("verify = %+v, %v", v, err)
		}
	})
}

// TestGapStillAppends: a gap in the numbers (a record deleted) does not
// stop appends; verify names the missing record.
func TestGapStillAppends(t *testing.T) {
	s := fill(t, 3)
	if err := os.Remove(filepath.Join(s.Dir(), "000002.json.gz")); err != nil {
		t.Fatal(err)
	}
	if rec, err := s.Append(t.Context(), time.Now(), result(finding.StatusPass, "-")); err != nil || rec.Seq != 4 {
		t.Fatalf("append = %+v, %v; want record 4", rec, err)
	}
	var te *history.TamperError
	if _, err := s.Verify(""); !errors.As(err, &te) || !strings.Contains(te.Problem, "record 2 is missing") {
		t.Errorf("verify = %v; want record 2 missing", err)
	}
}

// TestUnreadableDirectory: a store whose directory is gone is an I/O
// error, not tampering.
func TestUnreadableDirectory(t *testing.T) {
	s := fill(t, 1)
	if err := os.RemoveAll(s.Dir()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Verify(""); err == nil || errors.Is(err, history.ErrTampered) {
		t.Errorf("verify = %v; want an I/O error", err)
	}
}
