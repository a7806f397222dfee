package history_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

// result is a small report whose one framework control has status st.
func result(st finding.Status, input string) *finding.Result {
	return &finding.Result{
		Schema:  finding.ResultSchema,
		Tool:    finding.Tool{Name: "tenet", Version: "test"},
		Bundles: []finding.Bundle{{Name: "tenet-aws", Revision: "1.0.0", Source: "builtin"}},
		Inputs:  []finding.Input{{Path: input, Format: "tfplan"}},
		Frameworks: []finding.Framework{{
			ID: "nist-800-53-r5", Controls: []finding.Control{{ID: "SC-28", Status: st}},
			Counts: map[finding.Status]int{st: 1},
		}},
	}
}

// fill appends n runs to a new store and returns it.
func fill(t *testing.T, n int) *history.Store {
	t.Helper()
	dir := t.TempDir()
	input := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(input, []byte(`{"format_version":"1.2"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := history.Open(filepath.Join(dir, "history"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		st := finding.StatusPass
		if i%2 == 1 {
			st = finding.StatusFail
		}
		if _, err := s.Append(t.Context(), start.Add(time.Duration(i)*time.Hour), result(st, input)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestAppendVerify(t *testing.T) {
	s := fill(t, 3)
	v, err := s.Verify("")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := s.Records()
	if err != nil {
		t.Fatal(err)
	}
	if v.Records != 3 || v.Head != recs[2].Hash {
		t.Errorf("verify = %+v, want 3 records with head %s", v, recs[2].Hash)
	}
	if recs[0].PrevHash != "" || recs[1].PrevHash != recs[0].Hash || recs[2].PrevHash != recs[1].Hash {
		t.Error("records are not chained")
	}
	if len(recs[0].Inputs) != 1 || len(recs[0].Inputs[0].SHA256) != 64 {
		t.Errorf("inputs = %+v, want one with a sha256", recs[0].Inputs)
	}
	if recs[0].Bundles[0].Revision != "1.0.0" || recs[0].Tool.Version != "test" {
		t.Errorf("record lacks the bundle revision or tool version: %+v", recs[0])
	}
	sums, err := s.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, sm := range sums {
		got = append(got, sm.Frameworks["nist-800-53-r5"][finding.StatusFail])
	}
	if diff := cmp.Diff([]int{0, 1, 0}, got); diff != "" {
		t.Errorf("fail counts per run (-want +got):\n%s", diff)
	}
	if _, err := s.Verify(recs[1].Hash); err != nil {
		t.Errorf("anchor on an older record: %v", err)
	}
}

func TestVerifyTampered(t *testing.T) {
	file := func(s *history.Store, n int) string {
		return filepath.Join(s.Dir(), []string{"", "000001.json.gz", "000002.json.gz", "000003.json.gz", "000004.json.gz"}[n])
	}
	read := func(t *testing.T, path string) string {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	write := func(t *testing.T, path, data string) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(data))
		zw.Close()
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := map[string]struct {
		tamper  func(t *testing.T, s *history.Store)
		badFile int
		problem string
	}{
		"edited report": {func(t *testing.T, s *history.Store) {
			write(t, file(s, 2), strings.Replace(read(t, file(s, 2)), `"status":"fail"`, `"status":"pass"`, 1))
		}, 2, "does not match its hash"},
		"edited and rehashed": {func(t *testing.T, s *history.Store) {
			// An attacker who recomputes the edited record's own hash
			// still breaks the link from the next record.
			var r history.Record
			if err := json.Unmarshal([]byte(read(t, file(s, 2))), &r); err != nil {
				t.Fatal(err)
			}
			r.Report = json.RawMessage(strings.Replace(string(r.Report), `"status":"fail"`, `"status":"pass"`, 1))
			r.Hash = ""
			canon, _ := json.Marshal(&r)
			sum := sha256.Sum256(canon)
			r.Hash = hex.EncodeToString(sum[:])
			data, _ := json.Marshal(&r)
			write(t, file(s, 2), string(data)+"\n")
		}, 3, "prev_hash does not match"},
		"added field": {func(t *testing.T, s *history.Store) {
			write(t, file(s, 1), strings.Replace(read(t, file(s, 1)), `{"seq":1,`, `{"seq":1,"note":"x",`, 1))
		}, 1, "not a valid record"},
		"not gzipped": {func(t *testing.T, s *history.Store) {
			if err := os.WriteFile(file(s, 2), []byte(read(t, file(s, 2))), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 2, "not a valid record"},
		"deleted": {func(t *testing.T, s *history.Store) {
			os.Remove(file(s, 2))
		}, 2, "record 2 is missing"},
		"reordered": {func(t *testing.T, s *history.Store) {
			a, b := read(t, file(s, 2)), read(t, file(s, 3))
			write(t, file(s, 2), b)
			write(t, file(s, 3), a)
		}, 2, "moved or reordered"},
		"inserted": {func(t *testing.T, s *history.Store) {
			// Shift 2 and 3 up, renumbered, and put a forged record 2 in.
			for _, n := range []int{3, 2} {
				write(t, file(s, n+1), strings.Replace(read(t, file(s, n)), `"seq":`+string(rune('0'+n)), `"seq":`+string(rune('1'+n)), 1))
			}
			write(t, file(s, 2), strings.Replace(read(t, file(s, 1)), `"seq":1`, `"seq":2`, 1))
		}, 2, "does not match its hash"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s := fill(t, 3)
			tc.tamper(t, s)
			_, err := s.Verify("")
			var te *history.TamperError
			if !errors.As(err, &te) || !errors.Is(err, history.ErrTampered) {
				t.Fatalf("verify = %v, want a TamperError", err)
			}
			if te.File != file(s, tc.badFile) || !strings.Contains(te.Problem, tc.problem) {
				t.Errorf("verify = %v, want %s: ...%s...", err, file(s, tc.badFile), tc.problem)
			}
		})
	}
	t.Run("newest deleted, anchored", func(t *testing.T) {
		s := fill(t, 3)
		v, err := s.Verify("")
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(file(s, 3))
		if _, err := s.Verify(""); err != nil {
			t.Errorf("without an anchor the chain still verifies: %v", err)
		}
		if _, err := s.Verify(v.Head); !errors.Is(err, history.ErrTampered) {
			t.Errorf("verify with the old head = %v, want tampered", err)
		}
	})
}

// TestAppendConcurrent: runs appending at once each get their own
// sequence number and the chain stays intact.
func TestAppendConcurrent(t *testing.T) {
	s := fill(t, 0)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := s.Append(t.Context(), time.Now(), result(finding.StatusPass, "-")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	v, err := s.Verify("")
	if err != nil {
		t.Fatal(err)
	}
	if v.Records != 8 {
		t.Errorf("records = %d, want 8", v.Records)
	}
}
