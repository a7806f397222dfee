package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tenet-dev/tenet/pkg/report"
)

// sarifSchema is the official SARIF 2.1.0 schema in ../shared; tests that
// need it skip when it is absent.
const sarifSchema = "../../../shared/schemas/sarif-schema-2.1.0.json"

// oscalSchema is NIST's complete OSCAL 1.1.3 schema in ../shared.
const oscalSchema = "../../../shared/schemas/oscal_complete_schema-1-1-3.json"

func TestOSCALValidatesAgainstSchema(t *testing.T) {
	assertValid(t, compileSchema(t, oscalSchema), report.OSCAL{Timestamp: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)})
}

// assertValid renders the sample result with r and validates it.
func assertValid(t *testing.T, schema *jsonschema.Schema, r report.Reporter) {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("%T output is not valid against its schema: %v", r, err)
	}
}

// compileSchema loads a JSON schema file, skipping the test when absent.
func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s is not present", path)
	}
	c := jsonschema.NewCompiler()
	s, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	assertValid(t, compileSchema(t, sarifSchema), report.SARIF{})
}

// TestSARIFFingerprintsStable checks that a finding keeps its fingerprint
// when its message changes, and that two findings do not share one.
func TestSARIFFingerprintsStable(t *testing.T) {
	fingerprints := func(msg string) []string {
		res := sample()
		res.Findings[1].Message = msg
		var buf bytes.Buffer
		if err := (report.SARIF{}).Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Runs []struct {
				Results []struct {
					PartialFingerprints map[string]string `json:"partialFingerprints"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range doc.Runs[0].Results {
			out = append(out, r.PartialFingerprints["tenet/v1"])
		}
		return out
	}
	a, b := fingerprints("one wording"), fingerprints("another wording")
	if len(a) != 3 || a[0] != b[0] || a[1] != b[1] || a[2] != b[2] {
		t.Errorf("fingerprints changed with the message: %v vs %v", a, b)
	}
	if a[0] == a[1] || a[1] == a[2] {
		t.Errorf("fingerprints collide: %v", a)
	}
}
