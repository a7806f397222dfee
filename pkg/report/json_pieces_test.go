package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

// TestJSONPieces checks that the report written a piece at a time is
// encoding/json's encoding of the whole, indented, with and without the
// optional parts, with empty and absent lists.
func TestJSONPieces(t *testing.T) {
	full := sample()
	full.Waivers = []finding.WaiverUse{{Waiver: finding.Waiver{Rule: "R-1", Reason: "accepted"}, Matched: 2}}
	full.Baseline = &finding.Baseline{Path: "base.json"}
	empty := sample()
	empty.Findings, empty.Rules, empty.Errors = []finding.Finding{}, nil, []finding.InputError{}
	for name, res := range map[string]*finding.Result{"sample": sample(), "full": full, "empty lists": empty, "zero": {}} {
		checkPieces(t, name, res)
	}
}

// TestJSONPiecesLarge: long lists, more than one chunk of output, with
// elements that hold brackets, quotes and commas in strings and nested
// lists, give the same bytes.
func TestJSONPiecesLarge(t *testing.T) {
	res := largeResult(2500, func(j int) []finding.Evidence {
		var evidence []finding.Evidence
		for k := range j % 5 {
			evidence = append(evidence, finding.Evidence{Rule: "TST-A-001", Status: finding.StatusFail, Checked: k,
				Findings: []finding.Location{{Kind: finding.KindDeny, Resource: fmt.Sprintf("r[%d]", k), File: "plan.json", Line: k}}})
		}
		return evidence
	})
	checkPieces(t, "large", res)
}

// checkPieces compares JSON's bytes for res with encoding/json's encoding
// of the whole, indented, with each evidence finding on one line
// (rowsLayout).
func checkPieces(t *testing.T, name string, res *finding.Result) {
	t.Helper()
	var compact, want, got bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		t.Fatal(err)
	}
	if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	want = *bytes.NewBuffer(rowsLayout(want.Bytes()))
	// One writer, and workers laying out long lists side by side
	// (json_parallel.go), whatever the machine's cores.
	for _, workers := range []int{1, 2, 5} {
		got.Reset()
		if err := report.JSONWithWorkers(false, workers).Write(&got, res); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			g, w := got.Bytes(), want.Bytes()
			i := 0
			for i < min(len(g), len(w)) && g[i] == w[i] {
				i++
			}
			t.Errorf("%s, %d workers: differs from byte %d of %d: got\n%s\nwant\n%s", name, workers, i, len(w), g[max(0, i-200):min(len(g), i+200)], w[max(0, i-200):min(len(w), i+200)])
		}
	}
}

// rowsLayout joins the lines of each element of the "findings" arrays of
// json.Indent's layout that are not the report's own (those are indented
// deeper than its top level): each evidence finding on one line, a space
// after each of its colons and commas.
func rowsLayout(indented []byte) []byte {
	lines := strings.Split(string(indented), "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		out = append(out, line)
		if !strings.HasSuffix(line, `"findings": [`) || strings.HasPrefix(line, `  "findings"`) {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " ")) + 2
		for i+1 < len(lines) && len(lines[i+1]) > indent && lines[i+1][indent] != ' ' && lines[i+1][indent] != ']' {
			// An element: "{", its members a level deeper, "}" or "},".
			i++
			row := lines[i]
			var members []string
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], strings.Repeat(" ", indent+1)) {
				i++
				members = append(members, strings.TrimSpace(lines[i]))
			}
			i++
			out = append(out, row+strings.Join(members, " ")+strings.TrimSpace(lines[i]))
		}
	}
	return []byte(strings.Join(out, "\n"))
}

// failAfter fails every write once n bytes were written.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestJSONWriteError: a writer that fails partway through a long list
// fails the report, with or without workers, and no worker is left
// running.
func TestJSONWriteError(t *testing.T) {
	res := sample()
	var findings []finding.Finding
	for i := range 5000 {
		for _, f := range res.Findings {
			f.Line = i
			findings = append(findings, f)
		}
	}
	res.Findings = findings
	before := runtime.NumGoroutine()
	for _, workers := range []int{1, 3} {
		for _, at := range []int{0, 100 << 10, 1 << 20} {
			if err := report.JSONWithWorkers(false, workers).Write(&failAfter{n: at}, res); err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Errorf("%d workers, failing after %d bytes: error %v, want disk full", workers, at, err)
			}
		}
	}
	// Write returns once its workers have stopped; a worker left blocked
	// would stay. (A moment for goroutines other tests left, exiting.)
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(time.Second); n > before && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(10 * time.Millisecond)
	}
	if n > before {
		t.Errorf("%d goroutines after the writes, %d before", n, before)
	}
}

// BenchmarkJSON writes a report of 40,000 findings and frameworks of 700
// controls of 1,000 evidence findings each, with one writer and with a
// worker a core (155 MB).
func BenchmarkJSON(b *testing.B) {
	res := largeResult(20000, func(int) []finding.Evidence {
		var evidence []finding.Evidence
		for k := range 20 {
			ev := finding.Evidence{Rule: "TST-A-001", Status: finding.StatusFail, Checked: k}
			for l := range 50 {
				ev.Findings = append(ev.Findings, finding.Location{Kind: finding.KindDeny, Resource: fmt.Sprintf("r[%d]", l), File: "plan.json", Line: l})
			}
			evidence = append(evidence, ev)
		}
		return evidence
	})
	for _, workers := range []int{1, 0} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var n countWriter
			for b.Loop() {
				if err := report.JSONWithWorkers(false, workers).Write(&n, res); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/float64(b.N), "bytes/op")
		})
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// largeResult is sample() with its findings copied copies times (each
// copy's resources holding brackets, quotes and commas) and 700 controls a
// framework, control j with evidence(j).
func largeResult(copies int, evidence func(j int) []finding.Evidence) *finding.Result {
	res := sample()
	var findings []finding.Finding
	for i := range copies {
		for _, f := range res.Findings {
			f.Resource = fmt.Sprintf(`%s["k\"%d,[{<&>}]"]`, f.Resource, i)
			f.Line = i
			findings = append(findings, f)
		}
	}
	res.Findings = findings
	for i := range res.Frameworks {
		fw := &res.Frameworks[i]
		var controls []finding.Control
		for j := range 700 {
			c := fw.Controls[j%len(fw.Controls)]
			c.ID = fmt.Sprintf("%s-%d", c.ID, j)
			c.Evidence = append(c.Evidence, evidence(j)...)
			controls = append(controls, c)
		}
		fw.Controls = controls
	}
	return res
}
