package report_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/test/golden"
)

// broadSample is sample() with a broad waiver in force, a broad annotation
// waiver that was refused, and one refused because annotation waivers
// were turned off.
func broadSample() *finding.Result {
	res := sample()
	res.Waivers = append(res.Waivers,
		finding.WaiverUse{Waiver: finding.Waiver{Rule: "*", Reason: "everything accepted", Source: "waivers.yaml:20"}, State: finding.WaiverActive, Matched: 4,
			Broad: true, Note: `rule "*" starts with a wildcard, so it covers every rule, including rules added later`},
		finding.WaiverUse{Waiver: finding.Waiver{Rule: "TST-*", Resource: "ci/Pod/miner", Input: "k8s.yaml", Reason: "trust me", Source: "k8s.yaml:1"}, State: finding.WaiverRefused, Matched: 2,
			Broad: true, Note: `a broad waiver in an annotation needs --allow-broad-waivers: rule "TST-*" covers 2 rule families (TST-A, TST-B)`},
		finding.WaiverUse{Waiver: finding.Waiver{Rule: "TST-A-002", Resource: "ops/Pod/debug", Input: "k8s.yaml", Reason: "debug", Source: "k8s.yaml:30"}, State: finding.WaiverRefused, Matched: 1,
			Note: "annotation waivers are turned off (--no-annotation-waivers)"},
	)
	return res
}

// TestBroadWaiversReported checks that broad and refused waivers are
// listed in every report that lists waivers, and valid in the JSON one.
func TestBroadWaiversReported(t *testing.T) {
	for _, format := range []string{"table", "markdown", "json", "html"} {
		t.Run(format, func(t *testing.T) {
			r, err := report.New(format, report.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.Write(&buf, broadSample()); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, format+"-broad-waivers", buf.Bytes())
			if format == "html" {
				return
			}
			if format != "json" {
				return
			}
			doc, err := jsonschema.UnmarshalJSON(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := compileSchema(t, "../../docs/schema/report-v1.json").Validate(doc); err != nil {
				t.Errorf("not valid against the report schema: %v", err)
			}
		})
	}
}

// TestWarnings checks the lines the CLI prints on standard error, whatever
// the output format: one for each broad or refused waiver.
func TestWarnings(t *testing.T) {
	want := []string{
		`broad waiver * (waivers.yaml:20): in force, 4 findings waived; rule "*" starts with a wildcard, so it covers every rule, including rules added later`,
		`refused waiver TST-* on ci/Pod/miner (k8s.yaml:1): not applied, a broad waiver in an annotation needs --allow-broad-waivers: rule "TST-*" covers 2 rule families (TST-A, TST-B) (it would have covered 2 findings)`,
		`refused waiver TST-A-002 on ops/Pod/debug (k8s.yaml:30): not applied, annotation waivers are turned off (--no-annotation-waivers) (it would have covered 1 finding)`,
	}
	if diff := cmp.Diff(want, report.Warnings(broadSample())); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	if got := report.Warnings(sample()); len(got) != 0 {
		t.Errorf("warnings without broad or refused waivers: %q", got)
	}
}
