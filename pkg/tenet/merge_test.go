package tenet_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/pkg/tenet"
	"github.com/tenet-dev/tenet/test/bench"
)

var mergeNow = time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)

// orgEstate writes n generated inputs: plans of a few resources of
// varied types, Kubernetes manifests, a file that does not parse and one
// that no rule checks, some in subdirectories; and a waiver file with a
// waiver that covers findings of a few manifests only, one of a plan and
// one that covers nothing.
func orgEstate(t testing.TB, n int) (dir, waivers string) {
	t.Helper()
	s, err := tenet.Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	types := bench.ResourceTypes(s.Rules(), "terraform")
	dir = t.TempDir()
	plans := n / 5
	for i := range plans {
		var b bytes.Buffer
		lo := (i * 7) % len(types)
		if err := bench.WritePlan(&b, 12, types[lo:min(lo+9, len(types))], uint64(i+1)); err != nil {
			t.Fatal(err)
		}
		sub := filepath.Join(dir, fmt.Sprintf("account-%02d", i%13))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("plan-%04d.json", i)), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := bench.WriteManifests(filepath.Join(dir, "clusters"), n-plans-2, 11); err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A finding that the waiver file waives, whatever the generated
	// inputs hold.
	write("debug-pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug-1\nspec:\n  containers:\n    - name: shell\n      image: busybox:1.37\n      securityContext:\n        privileged: true\n")
	write("broken.json", `{"resource_changes": [`)
	write("settings.json", `{"retries": 3}`)
	waivers = filepath.Join(t.TempDir(), "waivers.yaml")
	body := "waivers:\n" +
		"  - rule: TNT-K8S-POD-001\n    resource: \"Pod/*1\"\n    reason: debug pods\n" +
		"  - rule: TNT-AWS-S3-001\n    resource: module.team2.*\n    reason: sandbox team\n" +
		"  - rule: TNT-GCP-IAM-001\n    resource: nothing.matches\n    reason: stale\n"
	if err := os.WriteFile(waivers, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, waivers
}

// TestMergeEqualsSingleRun is the organisation simulation: 1,000
// generated inputs checked in 8 shards, whose json reports merge into
// the report one run over all of them writes, byte for byte, in every
// format; the merge refuses a missing shard.
func TestMergeEqualsSingleRun(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 120
	}
	dir, waivers := orgEstate(t, n)
	gate := []tenet.Option{tenet.WithNow(mergeNow), tenet.WithWaiverFiles(waivers), tenet.WithFailOnStaleWaivers(true), tenet.WithUnknown(tenet.UnknownFail)}
	single, err := tenet.Scan(t.Context(), []string{dir}, gate...)
	var incomplete *tenet.IncompleteError
	if err != nil && !errors.As(err, &incomplete) {
		t.Fatal(err)
	}
	if len(single.Inputs) < n-1 || len(single.Errors) == 0 || single.Summary.NotEvaluated == 0 || single.Summary.Waived == 0 {
		t.Fatalf("the estate misses a case: %d inputs, %d errors, %d not evaluated, %d waived", len(single.Inputs), len(single.Errors), single.Summary.NotEvaluated, single.Summary.Waived)
	}
	const shards = 8
	out := t.TempDir()
	var parts []string
	for k := range shards {
		part := filepath.Join(out, fmt.Sprintf("shard-%d.json", k))
		opts := append([]tenet.Option{tenet.WithShard(k, shards), tenet.WithOutputs(tenet.Output{Format: "json", File: part})}, gate...)
		res, err := tenet.Scan(t.Context(), []string{dir}, opts...)
		if err != nil && !errors.As(err, &incomplete) {
			t.Fatal(err)
		}
		if len(res.Inputs) == 0 || len(res.Inputs) > len(single.Inputs)/2 {
			t.Errorf("shard %d holds %d of %d inputs", k, len(res.Inputs), len(single.Inputs))
		}
		parts = append(parts, part)
	}
	merged, err := tenet.Merge(t.Context(), []string{out}, tenet.WithNow(mergeNow))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range report.Formats() {
		want, got := render(t, format, single), render(t, format, merged)
		if !bytes.Equal(want, got) {
			t.Errorf("%s: the merged report differs from the single run's (%d and %d bytes)\n%s", format, len(want), len(got), firstDifference(want, got))
		}
	}
	if _, err := tenet.Merge(t.Context(), parts[1:]); err == nil || !strings.Contains(err.Error(), "shard 0 of 8 is missing") {
		t.Errorf("merge without shard 0: err = %v", err)
	}
}

func render(t *testing.T, format string, res *finding.Result) []byte {
	t.Helper()
	rep, err := report.New(format, report.Options{Timestamp: mergeNow})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.Write(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// firstDifference shows the lines around the first byte where a and b
// differ.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(bytes.LastIndexByte(a[:i], '\n')-200, 0)
	return fmt.Sprintf("want …%s…\ngot  …%s…", a[from:min(i+200, len(a))], b[from:min(i+200, len(b))])
}

// BenchmarkMerge measures tenet merge on 1,000 reports: the single run
// over a generated estate of 1,000 inputs, cut into one report per input
// as 1,000 shards would write them, read back from disk and merged.
// docs/scale.md quotes it.
func BenchmarkMerge(b *testing.B) {
	dir, _ := orgEstate(b, 1000)
	single, err := tenet.Scan(b.Context(), []string{dir}, tenet.WithNow(mergeNow))
	var incomplete *tenet.IncompleteError
	if err != nil && !errors.As(err, &incomplete) {
		b.Fatal(err)
	}
	out := b.TempDir()
	parts := perInput(single)
	var size int64
	for i, p := range parts {
		path := filepath.Join(out, fmt.Sprintf("shard-%04d.json", i))
		if err := writeJSON(path, p); err != nil {
			b.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		size += info.Size()
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := tenet.Merge(b.Context(), []string{out})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Findings) != len(single.Findings) {
			b.Fatalf("%d findings merged, %d in the run", len(res.Findings), len(single.Findings))
		}
	}
	b.ReportMetric(float64(len(parts)), "reports")
	b.ReportMetric(float64(size)/float64(len(parts))/1e6, "MB/report")
}

// perInput cuts the result of a run into the reports of shards of one
// input each (the files that do not parse go with the first), each with
// the rule and control views of its own findings, as a shard writes them.
func perInput(res *finding.Result) []*finding.Result {
	n := len(res.Inputs)
	rules := make([]finding.Rule, len(res.Rules))
	for i, rr := range res.Rules {
		rules[i] = rr.Rule
	}
	info := report.FrameworkInfoOf(res.Frameworks)
	var parts []*finding.Result
	for i, in := range res.Inputs {
		p := *res
		in.Order, in.Counts = i+2, &finding.InputCounts{Checked: in.Checked, Types: in.Types}
		p.Inputs = []finding.Input{in}
		p.Errors = []finding.InputError{}
		if i == 0 {
			for _, e := range res.Errors {
				e.Order = 1
				p.Errors = append(p.Errors, e)
			}
		}
		p.Findings = []finding.Finding{}
		for _, f := range res.Findings {
			if f.File == in.Path {
				p.Findings = append(p.Findings, f)
			}
		}
		p.Rules = report.RuleResults(rules, p.Findings, in.Checked)
		p.Frameworks = report.FrameworksOf(p.Rules, p.Findings, info, p.Inputs)
		p.Summary = finding.Summary{Resources: in.Resources}
		if in.Status == finding.InputNotEvaluated {
			p.Summary.NotEvaluated = 1
		}
		p.Shard = &finding.Shard{Index: i, Count: n, Inputs: n + 1, Digest: "0123456789abcdef0123456789abcdef", Gate: finding.Gate{Unknown: "warn"}}
		parts = append(parts, &p)
	}
	return parts
}

func writeJSON(path string, res *finding.Result) error {
	var b bytes.Buffer
	if err := (report.JSON{}).Write(&b, res); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
