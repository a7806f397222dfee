package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestWriteIndented checks the indenter against json.Indent, byte for byte.
func TestWriteIndented(t *testing.T) {
	golden, err := os.ReadFile("testdata/json.golden")
	if err != nil {
		t.Fatal(err)
	}
	var compactGolden bytes.Buffer
	if err := json.Compact(&compactGolden, golden); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		in   string
	}{
		{"golden report", compactGolden.String() + "\n"},
		{"scalars", `[1,-2.5e3,true,false,null,"s"]` + "\n"},
		{"empty containers", `{"a":[],"b":{},"c":[{},[]],"d":[[{}]]}` + "\n"},
		{"strings with structure", `{"k,:{}[]":"a \"quoted\" ,:{}[] \\\\ \\\" \u00e9 \\u2028","":""}` + "\n"},
		{"nested", `{"a":{"b":{"c":[1,{"d":[2,3]}]}},"e":"f"}` + "\n"},
		{"top-level string", `"x"` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want, got bytes.Buffer
			if err := json.Indent(&want, []byte(tc.in), "", "  "); err != nil {
				t.Fatalf("test input is not JSON: %v", err)
			}
			if err := writeIndented(&got, []byte(tc.in)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("got\n%s\nwant\n%s", got.Bytes(), want.Bytes())
			}
		})
	}
}

// TestLocationFields: the evidence findings JSON writes itself are
// encoding/json's encoding of Location, on one line, with every field set
// (by reflection, so that a field added to Location and not written fails
// here), none, and strings the encoder escapes.
func TestLocationFields(t *testing.T) {
	var full finding.Location
	v := reflect.ValueOf(&full).Elem()
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			f.SetString("v" + strconv.Itoa(i))
		case reflect.Int:
			f.SetInt(int64(i + 1))
		case reflect.Bool:
			f.SetBool(true)
		default:
			t.Fatalf("Location.%s: a field of kind %s: teach jsonStream.locations to write it", v.Type().Field(i).Name, f.Kind())
		}
	}
	locs := []finding.Location{full, {}, {Kind: finding.KindWarn, File: "f.yaml", Line: -3}}
	for _, str := range []string{"plain.address[0]", `m["k\"q"]`, "tab\tnl\ncr\r\b\f\x00\x1f\x7f", "<&> é \u2028\u2029", "bad \xff\xfe utf-8", ""} {
		locs = append(locs, finding.Location{Kind: finding.KindDeny, Resource: str, File: str})
	}
	var got bytes.Buffer
	s := &jsonStream{ind: newIndenter(&got)}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	if err := s.locations(locs); err != nil {
		t.Fatal(err)
	}
	if err := s.ind.flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(got.String(), "\n")
	if len(lines) != len(locs)+2 || lines[0] != "[" || lines[len(lines)-1] != "]" {
		t.Fatalf("not one line per finding:\n%s", got.String())
	}
	for i, l := range locs {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(l); err != nil {
			t.Fatal(err)
		}
		var compactGot bytes.Buffer
		if err := json.Compact(&compactGot, []byte(strings.TrimSuffix(lines[i+1], ","))); err != nil {
			t.Fatalf("line %d is not JSON: %v: %s", i+1, err, lines[i+1])
		}
		if compactGot.String() != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("line %d: got %s, want %s", i+1, compactGot.String(), want.String())
		}
	}
}

// BenchmarkJSONIndent compares the indenter with json.Indent on a large
// report-shaped document.
func BenchmarkJSONIndent(b *testing.B) {
	type f struct {
		Rule, Resource, Message string
		Controls                []string
		Line                    int
	}
	fs := make([]f, 80000)
	for i := range fs {
		fs[i] = f{"aws.s3.encryption", "module.m.aws_s3_bucket.b", "bucket \"b\" has no default encryption", []string{"cis-aws/2.1.1", "nist/SC-28"}, i}
	}
	src, err := json.Marshal(fs)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json.Indent", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := json.Indent(&buf, src, "", "  "); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("writeIndented", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := writeIndented(&buf, src); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkJSONWrite writes a report of 100,000 findings, with a framework
// whose controls list them as evidence, a piece at a time (JSON.Write) and
// encoded whole then laid out (as JSON.Write did before).
func BenchmarkJSONWrite(b *testing.B) {
	res := &finding.Result{Schema: "tenet.report/v1"}
	fw := finding.Framework{ID: "nist-800-53-r5", Title: "NIST"}
	for c := range 200 {
		ctl := finding.Control{ID: fmt.Sprintf("SC-%d", c), Status: finding.StatusFail, Rules: []string{"TNT-AWS-S3-001"}}
		ev := finding.Evidence{Rule: "TNT-AWS-S3-001", Status: finding.StatusFail, Checked: 500}
		for i := range 500 {
			ev.Findings = append(ev.Findings, finding.Location{Kind: finding.KindDeny, Resource: fmt.Sprintf("module.m.aws_s3_bucket.b[%d]", i), File: "plan.json"})
		}
		ctl.Evidence = []finding.Evidence{ev}
		fw.Controls = append(fw.Controls, ctl)
	}
	res.Frameworks = []finding.Framework{fw}
	for i := range 100000 {
		res.Findings = append(res.Findings, finding.Finding{RuleID: "TNT-AWS-S3-001", Kind: finding.KindDeny, Message: "bucket \"b\" has no default encryption",
			Resource: fmt.Sprintf("module.m.aws_s3_bucket.b[%d]", i), File: "plan.json", Fingerprint: "0123456789abcdef"})
	}
	b.Run("pieces", func(b *testing.B) {
		for b.Loop() {
			if err := (JSON{}).Write(io.Discard, res); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("whole", func(b *testing.B) {
		for b.Loop() {
			var compact bytes.Buffer
			enc := json.NewEncoder(&compact)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(res); err != nil {
				b.Fatal(err)
			}
			if err := writeIndented(io.Discard, compact.Bytes()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// writeIndented writes src, compact JSON, laid out (see indenter).
func writeIndented(w io.Writer, src []byte) error {
	ind := newIndenter(w)
	if err := ind.write(src); err != nil {
		return err
	}
	return ind.flush()
}

// TestWriteJSON: writeJSON, which SARIF, OSCAL and the catalog formats
// write with, writes what encoding/json's Encoder writes with an indent of
// two spaces and HTML left unescaped.
func TestWriteJSON(t *testing.T) {
	golden, err := os.ReadFile("testdata/json.golden")
	if err != nil {
		t.Fatal(err)
	}
	var res finding.Result
	if err := json.Unmarshal(golden, &res); err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{
		&res,
		map[string]any{"html": "<a href=\"x\">&</a>", "sep": "\u2028\u2029", "empty": []any{}, "obj": map[string]any{}, "nil": nil},
		[]string{},
		"top",
		struct {
			A []int          `json:"a"`
			B map[string]int `json:"b,omitempty"`
			C *int           `json:"c"`
		}{A: []int{1, 2}},
	} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&got, v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%T: got\n%s\nwant\n%s", v, got.Bytes(), want.Bytes())
		}
	}
}
