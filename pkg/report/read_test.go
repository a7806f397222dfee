package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

// reportWith is a json report whose fingerprint_version field is version
// (none when 0), with one finding holding fingerprint fp.
func reportWith(version int, fp string) string {
	v := ""
	if version > 0 {
		v = `"fingerprint_version": ` + strconv.Itoa(version) + `,`
	}
	return `{"schema": "tenet.report/v1", "tool": {"name": "tenet", "version": "0.9.0"}, ` + v + `
		"bundles": [], "inputs": [], "errors": [], "rules": [], "frameworks": [], "summary": {},
		"findings": [{"rule_id": "main.deny", "kind": "deny", "message": "app: privileged", "file": "./k8s/app.yaml", "fingerprint": "` + fp + `"}],
		"baseline": {"path": "b.json", "new": 0, "existing": 0, "resolved": [{"rule_id": "main.deny", "kind": "deny", "message": "gone", "file": "k8s/app.yaml", "fingerprint": "` + fp + `"}]}}`
}

// TestReadJSONFingerprintVersions: a report of fingerprint version 1 (no
// version field) is read with its fingerprints computed again, so that it
// compares with new reports; a report of a newer version is refused in one
// line; a report of this version keeps its fingerprints.
func TestReadJSONFingerprintVersions(t *testing.T) {
	const stored = "0123456789abcdef0123456789abcdef"
	want := finding.Fingerprint(finding.Finding{RuleID: "main.deny", Message: "app: privileged"}, "k8s/app.yaml")
	wantResolved := finding.Fingerprint(finding.Finding{RuleID: "main.deny", Message: "gone"}, "k8s/app.yaml")
	tests := []struct {
		name             string
		version          int
		wantFP, wantGone string
		wantErr          string
	}{
		{name: "version 1", wantFP: want, wantGone: wantResolved},
		{name: "this version", version: finding.FingerprintVersion, wantFP: stored, wantGone: stored},
		{name: "newer", version: finding.FingerprintVersion + 1, wantErr: "fingerprint version 3 is newer than this tenet's (2)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := report.ReadJSON(strings.NewReader(reportWith(tc.version, stored)))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || strings.Contains(err.Error(), "\n") {
					t.Errorf("error %v, want one line with %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Findings[0].Fingerprint; got != tc.wantFP {
				t.Errorf("fingerprint %s, want %s", got, tc.wantFP)
			}
			if got := res.Baseline.Resolved[0].Fingerprint; got != tc.wantGone {
				t.Errorf("resolved fingerprint %s, want %s", got, tc.wantGone)
			}
			if res.FingerprintVersion != finding.FingerprintVersion {
				t.Errorf("fingerprint version %d after reading", res.FingerprintVersion)
			}
		})
	}
}

// TestReadJSONFileLean: the lean reader gives what ReadJSONFile gives but
// the frameworks, still refuses a section that is not JSON, and names the
// file in its errors.
func TestReadJSONFileLean(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shard-0.json")
	var b bytes.Buffer
	if err := (report.JSON{}).Write(&b, sample()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	full, err := report.ReadJSONFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := report.ReadJSONFileLean(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Frameworks) == 0 || lean.Frameworks != nil {
		t.Fatalf("frameworks: %d in the full read, %v in the lean one", len(full.Frameworks), lean.Frameworks)
	}
	full.Frameworks = nil
	if !reflect.DeepEqual(full, lean) {
		t.Errorf("the lean read differs from the full one but for its frameworks")
	}
	bad := bytes.Replace(b.Bytes(), []byte(`"frameworks": [`), []byte(`"frameworks": [}`), 1)
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := report.ReadJSONFileLean(path); err == nil || !strings.HasPrefix(err.Error(), path+": decode report") {
		t.Errorf("broken frameworks: %v", err)
	}
}
