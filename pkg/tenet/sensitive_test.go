package tenet

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/report"
)

// TestNoSensitiveValueInReports scans plans (testdata/sensitive-plan.json,
// whose values several rules print, the example plan and every plan of
// ../shared/data when present) in which every planned value is
// marked sensitive (after_sensitive and before_sensitive mirror the values)
// with all built-in rules, renders every output format, and checks that no
// value appears in any output unless the same text is also in the catalog
// (titles, remediation, controls) or in the resource addresses and paths,
// where it may appear legitimately. As a control it checks that the same
// plans unmarked do print values, so that the test proves the redaction
// rather than rules that happen never to print a value.
func TestNoSensitiveValueInReports(t *testing.T) {
	plans := []string{"testdata/sensitive-plan.json", "../../test/examples/plan.json"}
	if !testing.Short() { // the race pass (-short) keeps to the two above
		shared, _ := filepath.Glob("../../../shared/data/terraform/plans/*.json") // a bad pattern is impossible here
		plans = append(plans, shared...)
	}
	dir := t.TempDir()
	var marked []string
	secrets := map[string]bool{}
	for i, p := range plans {
		m, ok := markSensitive(t, p, secrets)
		if !ok {
			continue
		}
		out := filepath.Join(dir, filepath.Base(p))
		if _, dup := os.Stat(out); dup == nil {
			out = filepath.Join(dir, string(rune('a'+i%26))+filepath.Base(p))
		}
		if err := os.WriteFile(out, m, 0o644); err != nil {
			t.Fatal(err)
		}
		marked = append(marked, out)
	}
	s, err := New(t.Context(), WithVersion("test"), WithParallel(2))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := s.Scan(t.Context(), plans...)
	if err != nil {
		t.Fatal(err)
	}
	red, err := s.Scan(t.Context(), marked...)
	if err != nil {
		t.Fatal(err)
	}
	if len(red.Errors) > 0 {
		t.Fatalf("marked plans did not load: %+v", red.Errors)
	}
	allowed := allowedText(t, plain, red)
	var checked []string
	for s := range secrets {
		if len(s) >= 4 && strings.IndexFunc(s, unicode.IsLetter) >= 0 && !strings.Contains(allowed, s) {
			checked = append(checked, s)
		}
	}
	sort.Strings(checked)

	// Control: unmarked, rules print some of these values.
	printed := 0
	for _, f := range plain.Findings {
		for _, s := range checked {
			if strings.Contains(f.Message, s) {
				printed++
				break
			}
		}
	}
	if printed == 0 {
		t.Fatal("no finding of the unmarked plans prints a value: the test would prove nothing")
	}
	t.Logf("%d plans, %d findings, %d distinct values checked; unmarked, %d findings print one", len(marked), len(red.Findings), len(checked), printed)

	for _, f := range red.Findings {
		msg := strings.ReplaceAll(f.Message, input.Redacted, "")
		for _, s := range checked {
			if strings.Contains(msg, s) || strings.Contains(f.Attribute, s) {
				t.Errorf("%s %s: finding prints the sensitive value %q: %q", f.RuleID, f.Resource, s, f.Message)
			}
		}
	}
	ts := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, format := range report.Formats() {
		rep, err := report.New(format, report.Options{Timestamp: ts})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := rep.Write(&buf, red); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		out := strings.ReplaceAll(buf.String(), input.Redacted, "")
		for _, s := range checked {
			if strings.Contains(out, s) {
				t.Errorf("%s output holds the sensitive value %q", format, s)
			}
		}
	}

	// The evaluation cache holds no more than the reports do.
	cacheDir := t.TempDir()
	cs, err := New(t.Context(), WithVersion("test"), WithParallel(2), WithCache(cacheDir, 0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cs.Scan(t.Context(), marked...); err != nil {
		t.Fatal(err)
	}
	if st := cs.CacheStats(); st.Misses+st.Uncached != int64(len(marked)) || st.Misses == 0 || st.Errors != 0 {
		t.Fatalf("cache: %+v", st)
	}
	err = filepath.WalkDir(cacheDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out := strings.ReplaceAll(string(data), input.Redacted, "")
		for _, s := range checked {
			if strings.Contains(out, s) {
				t.Errorf("cache entry %s holds the sensitive value %q", p, s)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// markSensitive returns the plan with every value of every resource change
// marked sensitive, adding the values' text to secrets.
func markSensitive(t *testing.T, path string, secrets map[string]bool) ([]byte, bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var plan map[string]any
	if json.Unmarshal(data, &plan) != nil {
		return nil, false
	}
	changes, _ := plan["resource_changes"].([]any)
	if len(changes) == 0 {
		return nil, false
	}
	for _, c := range changes {
		rc, _ := c.(map[string]any)
		change, _ := rc["change"].(map[string]any)
		if change == nil {
			continue
		}
		for _, side := range []string{"after", "before"} {
			v := change[side]
			change[side+"_sensitive"] = mirror(v)
			collect(v, secrets)
		}
	}
	out, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	return out, true
}

// mirror is Terraform's sensitivity mark for v: true at every leaf.
func mirror(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = mirror(x)
		}
		return m
	case []any:
		a := make([]any, len(t))
		for i, x := range t {
			a[i] = mirror(x)
		}
		return a
	case nil:
		return false
	}
	return true
}

func collect(v any, secrets map[string]bool) {
	switch t := v.(type) {
	case string:
		secrets[t] = true
	case map[string]any:
		for _, x := range t {
			collect(x, secrets)
		}
	case []any:
		for _, x := range t {
			collect(x, secrets)
		}
	}
}

// allowedText is what may appear in a report whatever the input's values:
// the catalog (rules, frameworks and controls) and the inputs' paths,
// resource addresses and types.
func allowedText(t *testing.T, results ...*finding.Result) string {
	t.Helper()
	var b strings.Builder
	for _, res := range results {
		for _, part := range []any{res.Rules, res.Frameworks, res.Inputs, res.Bundles} {
			data, err := json.Marshal(part)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(data)
			b.WriteByte('\n')
		}
		for _, f := range res.Findings {
			b.WriteString(f.Resource + "\n" + f.File + "\n")
		}
	}
	return b.String()
}
