package tenet

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/history"
	"github.com/tenet-dev/tenet/pkg/report"
)

const planPath = "../../test/examples/plan.json"

// TestOutputsAndHistory is what `tenet test -o ... --history DIR` does,
// through the library: the reports are written when the scan is done, also
// when an input failed, the run is recorded after them, and the next run's
// trends include it.
func TestOutputsAndHistory(t *testing.T) {
	dir := t.TempDir()
	hist := filepath.Join(dir, "history")
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"x":`), 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	var table bytes.Buffer
	sarif := filepath.Join(dir, "out.sarif")
	s, err := New(t.Context(), WithNow(now), WithHistory(hist), WithOutputs(
		Output{Format: "table", Writer: &table},
		Output{Format: "sarif", File: sarif},
		Output{Format: "html", File: filepath.Join(dir, "out.html")},
	))
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Scan(t.Context(), planPath, bad)
	var incomplete *IncompleteError
	if !errors.As(err, &incomplete) {
		t.Fatalf("err = %v, want an *IncompleteError", err)
	}
	if !strings.Contains(table.String(), "FAIL") || !strings.Contains(table.String(), "bad.json") {
		t.Errorf("table output lacks the verdict or the failed input:\n%.400s", table.String())
	}
	var want bytes.Buffer
	if err := (report.SARIF{}).Write(&want, res); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(sarif); err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the sarif file is not the report of the result (err %v)", err)
	}
	store, err := history.Open(hist)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := store.Records()
	if err != nil || len(recs) != 1 || !recs[0].Time.Equal(now) {
		t.Fatalf("history after one run: %d records (err %v), want one at %s", len(recs), err, now)
	}

	// The second run's html draws the trend from the first; the history
	// directory, inside the scanned one, is not scanned.
	var html bytes.Buffer
	s2, err := New(t.Context(), WithNow(now.Add(time.Hour)), WithHistory(hist), WithOutputs(Output{Format: "html", Writer: &html}))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(bad); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plan.json"), mustRead(t, planPath), 0o600); err != nil {
		t.Fatal(err)
	}
	res2, err := s2.Scan(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range res2.Inputs {
		if strings.Contains(in.Path, "history") {
			t.Errorf("the history directory was scanned: %s", in.Path)
		}
	}
	if !strings.Contains(html.String(), "<svg") {
		t.Errorf("the second run's html shows no trend from the first")
	}
	if recs, _ := store.Records(); len(recs) != 2 {
		t.Errorf("history after two runs: %d records", len(recs))
	}
}

// TestOutputsRefused: an output that cannot be written stops the run
// before it starts (New), or fails the scan (Scan), never silently.
func TestOutputsRefused(t *testing.T) {
	var w bytes.Buffer
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		outs []Output
		want string
	}{
		{"unknown format", []Output{{Format: "yaml", Writer: &w}}, `unknown output format "yaml"`},
		{"no destination", []Output{{Format: "json"}}, "output json: no file and no writer"},
		{"one writer twice", []Output{{Format: "json", Writer: &w}, {Format: "sarif", Writer: &w}}, "outputs json and sarif write to the same writer"},
		{"one file twice", []Output{{Format: "json", File: "r"}, {Format: "csv", File: "r"}}, "outputs json and csv both write r"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(t.Context(), WithOutputs(tc.outs...))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	t.Run("unwritable file", func(t *testing.T) {
		_, err := Scan(t.Context(), []string{planPath}, WithOutputs(Output{Format: "json", File: filepath.Join(dir, "missing", "r.json")}))
		if err == nil || !strings.Contains(err.Error(), "output json:") {
			t.Errorf("err = %v, want the output's error", err)
		}
	})
	t.Run("writer fails", func(t *testing.T) {
		_, err := Scan(t.Context(), []string{planPath}, WithOutputs(Output{Format: "json", Writer: failWriter{}}))
		if err == nil || !strings.Contains(err.Error(), "write json output") {
			t.Errorf("err = %v, want the write error", err)
		}
	})
	t.Run("damaged history", func(t *testing.T) {
		hist := filepath.Join(dir, "h")
		if err := os.MkdirAll(hist, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(hist, "000001.json.gz"), []byte("not gzip"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Scan(t.Context(), []string{planPath}, WithHistory(hist))
		if !errors.Is(err, history.ErrTampered) || !strings.Contains(err.Error(), "tenet history verify") {
			t.Errorf("err = %v, want the history's damage and how to find it", err)
		}
	})
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestOutputJSONIsTheResult: the json output decodes to the result Scan
// returns, so a program may read either.
func TestOutputJSONIsTheResult(t *testing.T) {
	var buf bytes.Buffer
	res, err := Scan(t.Context(), []string{planPath}, WithOutputs(Output{Format: "json", Writer: &buf}))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != len(res.Findings) {
		t.Errorf("json output has %d findings, the result %d", len(doc.Findings), len(res.Findings))
	}
}
