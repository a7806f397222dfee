package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/test/xsd"
)

// sarifSchema is the official SARIF 2.1.0 schema in ../shared; tests that
// need it skip when it is absent.
const sarifSchema = "../../../shared/schemas/sarif-schema-2.1.0.json"

// oscalSchema is NIST's complete OSCAL 1.1.3 schema in ../shared.
const oscalSchema = "../../../shared/schemas/oscal_complete_schema-1-1-3.json"

func TestJSONValidatesAgainstSchema(t *testing.T) {
	assertValid(t, compileSchema(t, "../../docs/schema/report-v1.json"), report.JSON{})
}

func TestSchemaValidBrief(t *testing.T) {
	assertValid(t, compileSchema(t, "../../docs/schema/report-v1.json"), report.JSON{Brief: true})
}

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

// TestSARIFFingerprints checks that each result carries its finding's
// fingerprint (finding.Fingerprint is tested where it is defined).
func TestSARIFFingerprints(t *testing.T) {
	res := sample()
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
	var want, got []string
	for _, f := range res.Findings {
		want = append(want, f.Fingerprint)
	}
	for _, r := range doc.Runs[0].Results {
		got = append(got, r.PartialFingerprints["tenet/v2"])
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fingerprints (-want +got):\n%s", diff)
	}
}

// junitSchema is the JUnit schema of Jenkins' xUnit plugin in ../shared.
const junitSchema = "../../../shared/schemas/junit-jenkins-xunit-junit-10.xsd"

func TestJUnitValidatesAgainstSchema(t *testing.T) {
	if _, err := os.Stat(junitSchema); err != nil {
		t.Skipf("%s is not present", junitSchema)
	}
	s, err := xsd.Load(junitSchema)
	if err != nil {
		t.Fatal(err)
	}
	for _, byControl := range []bool{false, true} {
		var buf bytes.Buffer
		res := sample()
		for i := range res.Inputs {
			res.Inputs[i].Checked = map[string]int{"TST-A-001": 3}
		}
		if err := (report.JUnit{ByControl: byControl}).Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		for _, err := range s.Validate(&buf) {
			t.Errorf("by control %v: %v", byControl, err)
		}
	}
}

// TestJSONSchemaEveryFormatAndShard: a report of inputs of every format
// the loaders make, written by one shard of a run, is valid (the schema
// once knew only the first formats).
func TestJSONSchemaEveryFormatAndShard(t *testing.T) {
	schema := compileSchema(t, "../../docs/schema/report-v1.json")
	res := sample()
	for i, f := range input.Formats() {
		res.Inputs = append(res.Inputs, finding.Input{Path: string(f), Format: string(f), Status: finding.InputEvaluated, Order: i + 1,
			Counts: &finding.InputCounts{Checked: map[string]int{"TNT-X-001": 2}, Types: map[string]int{}}})
	}
	res.Errors = append(res.Errors, finding.InputError{Path: "bad.json", Message: "broken", Order: 9})
	res.Shard = &finding.Shard{Index: 2, Count: 8, Inputs: 9, Digest: "0123456789abcdef0123456789abcdef", Gate: finding.Gate{Unknown: "warn", FailOnWarn: true}}
	var buf bytes.Buffer
	if err := (report.JSON{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Error(err)
	}
}

// TestJSONSchemaRejects checks that the report schema is not vacuous.
func TestJSONSchemaRejects(t *testing.T) {
	schema := compileSchema(t, "../../docs/schema/report-v1.json")
	for name, change := range map[string]func(*finding.Result){
		"unknown status": func(r *finding.Result) { r.Rules[0].Status = "broken" },
		"bad kind":       func(r *finding.Result) { r.Findings[0].Kind = "oops" },
		"short print":    func(r *finding.Result) { r.Findings[0].Fingerprint = "abc" },
		"bad expiry":     func(r *finding.Result) { r.Waivers[0].Waiver.Expires = "soon" },
	} {
		res := sample()
		change(res)
		var buf bytes.Buffer
		if err := (report.JSON{}).Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(doc) == nil {
			t.Errorf("%s: the schema accepted it", name)
		}
	}
}

// TestBaselineValidates checks the baseline fields against the report
// schema and SARIF's baselineState against SARIF's.
func TestBaselineValidates(t *testing.T) {
	res := sample()
	res.Findings[0].Baseline = finding.BaselineNew
	res.Findings[1].Baseline = finding.BaselineExisting
	res.Baseline = &finding.Baseline{Path: "old.json", New: 1, Existing: 1, Resolved: []finding.Finding{res.Findings[2]}}
	for _, tc := range []struct {
		schema string
		r      report.Reporter
	}{{"../../docs/schema/report-v1.json", report.JSON{}}, {sarifSchema, report.SARIF{}}} {
		schema := compileSchema(t, tc.schema)
		var buf bytes.Buffer
		if err := tc.r.Write(&buf, res); err != nil {
			t.Fatal(err)
		}
		if tc.schema == sarifSchema && !bytes.Contains(buf.Bytes(), []byte(`"baselineState": "new"`)) {
			t.Error("SARIF has no baselineState")
		}
		doc, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%T: %v", tc.r, err)
		}
	}
}
