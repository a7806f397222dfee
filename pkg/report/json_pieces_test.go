package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

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
		var compact, want, got bytes.Buffer
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			t.Fatal(err)
		}
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if err := (report.JSON{}).Write(&got, res); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: got\n%s\nwant\n%s", name, got.Bytes(), want.Bytes())
		}
	}
}
