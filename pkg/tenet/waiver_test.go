package tenet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// privilegedPod is a manifest whose Pod runs a privileged container
// (TNT-K8S-POD-001) and carries the waivers given in its own annotation.
func privilegedPod(t *testing.T, annotation string) string {
	t.Helper()
	notes := ""
	if annotation != "" {
		notes = "  annotations:\n    tenet.dev/waivers: |\n"
		for line := range strings.SplitSeq(strings.TrimSuffix(annotation, "\n"), "\n") {
			notes += "      " + line + "\n"
		}
	}
	body := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: miner\n  namespace: ci\n" + notes +
		"spec:\n  containers:\n    - name: x\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n"
	p := filepath.Join(t.TempDir(), "pod.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// writeWaivers writes a waiver file and returns its path.
func writeWaivers(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "waivers.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// waiverTestNow is inside every test waiver's dates.
var waiverTestNow = WithNow(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))

// privileged returns the TNT-K8S-POD-001 finding of a result.
func privileged(t *testing.T, res *finding.Result) finding.Finding {
	t.Helper()
	for _, f := range res.Findings {
		if f.RuleID == "TNT-K8S-POD-001" {
			return f
		}
	}
	t.Fatal("no TNT-K8S-POD-001 finding: the test checks nothing")
	return finding.Finding{}
}

// TestBroadWaiverFileRefused is the attack of a waiver file that waives
// every rule with rule "*": without the opt-in, the scanner refuses it
// with an error naming the file, the line and the waiver.
func TestBroadWaiverFileRefused(t *testing.T) {
	for name, body := range map[string]string{
		"every rule":               "waivers:\n  - rule: \"*\"\n    reason: everything is fine\n",
		"every rule, one resource": "waivers:\n  - rule: \"*\"\n    resource: ci/Pod/miner\n    reason: everything is fine\n",
		"several families":         "waivers:\n  - rule: TNT-K8S-*\n    resource: ci/Pod/miner\n    reason: everything is fine\n",
		"a family everywhere":      "waivers:\n  - rule: TNT-K8S-POD-*\n    reason: everything is fine\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := writeWaivers(t, body)
			res, err := Scan(t.Context(), []string{privilegedPod(t, "")}, WithWaiverFiles(path), waiverTestNow)
			if err == nil {
				t.Fatalf("broad waiver accepted: %d waived, failed %v", res.Summary.Waived, res.Summary.Failed)
			}
			msg := err.Error()
			if !strings.Contains(msg, filepath.ToSlash(path)+":2:") || !strings.Contains(msg, "broad waiver") {
				t.Errorf("error %q does not name %s:2 and the broad waiver", msg, path)
			}
		})
	}
}

// TestBroadAnnotationWaiverNotApplied is the attack of a manifest that
// waives its own privileged container with rule "*" in its annotation: the
// waiver is not applied, the finding still fails the run, and the report
// lists the refused waiver naming the object.
func TestBroadAnnotationWaiverNotApplied(t *testing.T) {
	pod := privilegedPod(t, "- rule: \"*\"\n  reason: trust me\n")
	res, err := Scan(t.Context(), []string{pod}, waiverTestNow)
	if err != nil {
		t.Fatal(err)
	}
	if f := privileged(t, res); f.Waived() || !res.Summary.Failed || res.Summary.Waived != 0 {
		t.Fatalf("broad annotation waiver applied: waived %d, failed %v", res.Summary.Waived, res.Summary.Failed)
	}
	if len(res.Waivers) != 1 {
		t.Fatalf("waivers = %+v, want the refused one", res.Waivers)
	}
	u := res.Waivers[0]
	if u.State != finding.WaiverRefused || !u.Broad || u.Waiver.Resource != "ci/Pod/miner" || u.Matched == 0 || u.Note == "" {
		t.Errorf("waiver use = %+v, want refused, broad, on ci/Pod/miner, with matches and a note", u)
	}
}

// TestBroadWaiverRefusedByNew checks that New, which a long-running
// scanner (tenet watch) builds once, refuses a broad waiver file before
// the first scan, as it does a waiver given in Go.
func TestBroadWaiverRefusedByNew(t *testing.T) {
	path := writeWaivers(t, "waivers:\n  - rule: \"*\"\n    reason: everything is fine\n")
	if _, err := New(t.Context(), WithWaiverFiles(path)); err == nil || !strings.Contains(err.Error(), filepath.ToSlash(path)+":2: broad waiver") {
		t.Errorf("New with a broad waiver file: %v, want an error naming %s:2", err, path)
	}
	_, err := New(t.Context(), WithWaivers(finding.Waiver{Rule: "TNT-K8S-*", Resource: "ci/Pod/miner", Reason: "r", Source: "policy.go:12"}))
	if err == nil || !strings.HasPrefix(err.Error(), "policy.go:12: broad waiver refused") {
		t.Errorf("New with a broad waiver: %v, want an error naming its source", err)
	}
}

// TestBroadWaiverOptIn checks that with WithBroadWaivers broad waivers,
// from a file or an annotation, apply and are marked broad in the report.
func TestBroadWaiverOptIn(t *testing.T) {
	tests := map[string]struct {
		annotation, file, source string
	}{
		"waiver file": {file: "waivers:\n  - rule: \"*\"\n    reason: everything is fine\n", source: "waivers.yaml:2"},
		"annotation":  {annotation: "- rule: \"*\"\n  reason: trust me\n", source: "pod.yaml:1"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			opts := []Option{WithBroadWaivers(true), waiverTestNow}
			if tc.file != "" {
				opts = append(opts, WithWaiverFiles(writeWaivers(t, tc.file)))
			}
			res, err := Scan(t.Context(), []string{privilegedPod(t, tc.annotation)}, opts...)
			if err != nil {
				t.Fatal(err)
			}
			if f := privileged(t, res); !f.Waived() || res.Summary.Failed {
				t.Errorf("broad waiver with the opt-in not applied: failed %v", res.Summary.Failed)
			}
			if len(res.Waivers) != 1 {
				t.Fatalf("waivers = %+v, want one", res.Waivers)
			}
			u := res.Waivers[0]
			if u.State != finding.WaiverActive || !u.Broad || !strings.Contains(u.Note, "starts with a wildcard") || !strings.HasSuffix(u.Waiver.Source, tc.source) {
				t.Errorf("waiver use = %+v, want active, broad, with why, from %s", u, tc.source)
			}
		})
	}
}

// TestAnnotationWaivers checks what becomes of the waiver a manifest
// writes for its own privileged container: a narrow one applies by
// default; WithoutAnnotationWaivers refuses it (and a broad one) and the
// finding fails; a malformed annotation is then ignored, not an error.
func TestAnnotationWaivers(t *testing.T) {
	const (
		narrow    = "- rule: TNT-K8S-POD-001\n  reason: needs the host\n"
		family    = "- rule: TNT-K8S-POD-*\n  reason: debug pod\n"
		broad     = "- rule: \"*\"\n  reason: trust me\n"
		malformed = "- rule: TNT-K8S-POD-001\n"
	)
	tests := []struct {
		name       string
		annotation string
		opts       []Option
		wantWaived bool
		wantState  finding.WaiverState // "" when no waiver is listed
		wantErrors int
	}{
		{name: "narrow applies", annotation: narrow, wantWaived: true, wantState: finding.WaiverActive},
		{name: "family on the object applies", annotation: family, wantWaived: true, wantState: finding.WaiverActive},
		{name: "broad refused", annotation: broad, wantState: finding.WaiverRefused},
		{name: "malformed is an input error", annotation: malformed, wantErrors: 1},
		{name: "off: narrow refused", annotation: narrow, opts: []Option{WithoutAnnotationWaivers()}, wantState: finding.WaiverRefused},
		{name: "off: broad refused even with the opt-in", annotation: broad, opts: []Option{WithoutAnnotationWaivers(), WithBroadWaivers(true)}, wantState: finding.WaiverRefused},
		{name: "off: malformed ignored", annotation: malformed, opts: []Option{WithoutAnnotationWaivers()}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := allowIncomplete(t)(Scan(t.Context(), []string{privilegedPod(t, tc.annotation)}, append(tc.opts, waiverTestNow)...))
			if len(res.Errors) != tc.wantErrors {
				t.Errorf("errors = %+v, want %d", res.Errors, tc.wantErrors)
			}
			if tc.wantErrors > 0 {
				return
			}
			if f := privileged(t, res); f.Waived() != tc.wantWaived || !tc.wantWaived && !res.Summary.Failed {
				t.Errorf("privileged finding waived %v, run failed %v; want waived %v", f.Waived(), res.Summary.Failed, tc.wantWaived)
			}
			state := finding.WaiverState("")
			if len(res.Waivers) > 0 {
				state = res.Waivers[0].State
			}
			if len(res.Waivers) > 1 || state != tc.wantState {
				t.Errorf("waivers = %+v, want one %q", res.Waivers, tc.wantState)
			}
			if state == finding.WaiverRefused && (res.Waivers[0].Note == "" || res.Waivers[0].Waiver.Resource != "ci/Pod/miner" || res.Waivers[0].Matched == 0) {
				t.Errorf("refused waiver %+v does not say why, name the object or count its findings", res.Waivers[0])
			}
		})
	}
}

// TestAnnotationWaiverCoversOnlyItsObject is the attack of a manifest that
// names its object "*" in namespace "*" and lives in a file named
// "*.yaml": its annotation waiver, meant for the object itself, must not
// cover the privileged Pod of another file (or of the same file).
func TestAnnotationWaiverCoversOnlyItsObject(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "a.yaml")
	body, err := os.ReadFile(privilegedPod(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(victim, body, 0o644); err != nil {
		t.Fatal(err)
	}
	attacker := filepath.Join(dir, "*.yaml")
	other := "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: other\n  namespace: ci\nspec:\n  containers:\n    - name: y\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n"
	manifest := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"*\"\n  namespace: \"*\"\n  annotations:\n    tenet.dev/waivers: |\n" +
		"      - rule: TNT-K8S-POD-001\n        reason: harmless\nspec:\n  containers: []\n" + other
	if err := os.WriteFile(attacker, []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Scan(t.Context(), []string{victim, attacker}, waiverTestNow)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range res.Findings {
		if f.RuleID != "TNT-K8S-POD-001" {
			continue
		}
		n++
		if f.Waived() {
			t.Errorf("%s in %s waived by the annotation of */Pod/* in %s", f.Resource, f.File, attacker)
		}
	}
	if n != 2 {
		t.Errorf("%d TNT-K8S-POD-001 findings, want 2 (ci/Pod/miner and ci/Pod/other): the test checks nothing", n)
	}
}
