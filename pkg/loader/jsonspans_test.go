package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/test/bench"
)

func TestArraySpans(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		want   []string // the elements' text; nil when not ok
		wantOK bool
	}{
		{name: "elements", data: `{"a": 1, "rc": [{"x": "]}"}, 2 , "s\"]", [[]], null]}`,
			want: []string{`{"x": "]}"}`, `2`, `"s\"]"`, `[[]]`, `null`}, wantOK: true},
		{name: "empty", data: ` { "rc" : [ ] } `, want: []string{}, wantOK: true},
		{name: "escaped key", data: `{"\u0072c": [1]}`, want: []string{`1`}, wantOK: true},
		{name: "after nested values", data: `{"b": {"rc": [9]}, "c": ["rc"], "rc": [3]}`, want: []string{`3`}, wantOK: true},
		{name: "absent", data: `{"a": [1]}`},
		{name: "not an array", data: `{"rc": "x"}`},
		{name: "not an object", data: `[{"rc": [1]}]`},
		{name: "unclosed array", data: `{"rc": [1, 2`},
		{name: "unclosed string", data: `{"rc": ["abc]}`},
		{name: "missing comma", data: `{"rc": [1 2]}`},
		{name: "empty input", data: ``},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, spans, ok := arraySpans([]byte(tc.data), "rc")
			if ok != tc.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tc.wantOK)
			}
			if !ok {
				return
			}
			got := []string{}
			for _, s := range spans {
				got = append(got, tc.data[s[0]:s[1]])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("elements (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzArraySpans checks arraySpans against encoding/json: whenever it
// finds the array of a valid document, its spans are exactly the elements.
func FuzzArraySpans(f *testing.F) {
	for _, s := range []string{`{"rc": [1, {"a": "]"}, []]}`, `{"x": {}, "rc": []}`, `{"rc": ["\\\""]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		array, spans, ok := arraySpans(data, "rc")
		var doc map[string]json.RawMessage
		if !ok || json.Unmarshal(data, &doc) != nil || checkDuplicateKeys(data) != nil {
			return
		}
		var elems []json.RawMessage
		if err := json.Unmarshal(doc["rc"], &elems); err != nil {
			t.Fatalf("arraySpans found an array in %q, encoding/json does not: %v", data, err)
		}
		if !bytes.Equal(bytes.TrimSpace(doc["rc"]), data[array[0]:array[1]]) {
			t.Fatalf("array %q, encoding/json %q", data[array[0]:array[1]], doc["rc"])
		}
		if len(elems) != len(spans) {
			t.Fatalf("%d spans, %d elements in %q", len(spans), len(elems), data)
		}
		for i, e := range elems {
			if !bytes.Equal(bytes.TrimSpace(e), data[spans[i][0]:spans[i][1]]) {
				t.Fatalf("element %d: span %q, encoding/json %q", i, data[spans[i][0]:spans[i][1]], e)
			}
		}
	})
}

// TestDecodePlanParallel checks that a plan decoded side by side is the
// plan decoded in one pass, and that errors name the same place.
func TestDecodePlanParallel(t *testing.T) {
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, 700, []string{"aws_s3_bucket", "aws_security_group", "aws_db_instance", "aws_kms_key"}, 3); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	want, err := decodePlan(good, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodePlan(good, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.ResourceChanges) != 700 || want.Config == nil {
		t.Fatalf("%d changes, config %v: the test checks too little", len(want.ResourceChanges), want.Config)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("side by side differs from one pass (-one +side by side):\n%s", diff)
	}

	s := string(good)
	rc := strings.Index(s, `"resource_changes"`)
	first := rc + strings.Index(s[rc:], `"address"`)
	last := strings.LastIndex(s, `"address"`)
	if first < rc || last < rc {
		t.Fatal("the generated plan changed shape: update the test")
	}
	at := func(i int, text string) string { return s[:i] + text + s[i+len(`"address"`):] }
	open := strings.TrimSuffix(strings.TrimSpace(s), "}") // after the changes
	for name, bad := range map[string]string{
		"type error in a change":   at(first, `"address": 5, "x"`),
		"type error in a late one": at(last, `"address": 5, "x"`),
		"syntax error in a change": at(first, `"address" 5, "x"`),
		"type error after":         open + `, "terraform_version": 7}`,
		"syntax error after":       open + `, "terraform_version" 7}`,
		"trailing data":            s + `{}`,
		// A malformed plan is scanned for its syntax error (syntaxError):
		// the input cut short reads as the Decoder says it.
		"cut short":             open,
		"cut in a literal":      open + `, "x": tru`,
		"cut after a space":     open + `, "x": nul `,
		"bad last byte":         open + `, "x": 1x`,
		"bad byte in a literal": at(last, `"address": nul, "x"`),
	} {
		_, want := decodePlan([]byte(bad), 1, 1)
		_, got := decodePlan([]byte(bad), 3, 1)
		if want == nil {
			t.Fatalf("%s: no error", name)
		}
		var fe *FileError
		if !errors.As(want, &fe) || got == nil || got.Error() != want.Error() {
			t.Errorf("%s: side by side: %v; one pass: %v", name, got, want)
		}
	}
}

// TestDecodeHeadInPlace checks that the head of a plan decoded where it
// lies (decodeHead) is what one pass gives, result or error, where
// encoding/json matches keys in more ways than one and where the head is
// malformed around the resource changes.
func TestDecodeHeadInPlace(t *testing.T) {
	const changes = `"resource_changes": [{"address": "a.b", "change": {"actions": ["create"]}}]`
	const config = `{"root_module": {"resources": [{"address": "a.b", "expressions": {"x": {"references": ["a.c.id"]}}}]}}`
	const other = `{"root_module": {"resources": [{"address": "a.other", "expressions": {"y": {"references": ["a.d"]}}}]}}`
	for name, plan := range map[string]string{
		"plain":                 `{"format_version": "1.2", ` + changes + `, "configuration": ` + config + `}`,
		"configuration twice":   `{"configuration": ` + config + `, ` + changes + `, "configuration": ` + other + `}`,
		"configuration in case": `{` + changes + `, "Configuration": ` + config + `}`,
		"both cases":            `{"configuration": ` + config + `, ` + changes + `, "CONFIGURATION": ` + other + `}`,
		"escaped key":           `{` + changes + `, "configur\u0061tion": ` + config + `}`,
		"version twice":         `{"format_version": "1.0", ` + changes + `, "format_version": "1.2"}`,
		"null configuration":    `{` + changes + `, "configuration": null}`,
		"configuration not obj": `{` + changes + `, "configuration": [1]}`,
		"version not a string":  `{"terraform_version": 1, ` + changes + `}`,
		"bad planned values":    `{` + changes + `, "planned_values": {"a": [1,}}`,
		"bad number":            `{` + changes + `, "planned_values": 01}`,
		"bad key":               `{` + changes + `, "pl\anned": {}}`,
		"control in string":     `{` + changes + `, "planned_values": "a` + "\x01" + `"}`,
		"control in key":        `{` + changes + `, "planned` + "\x01" + `": 1}`,
		"missing comma":         `{"format_version": "1.2" ` + changes + `}`,
		"missing comma after":   `{` + changes + ` "format_version": "1.2"}`,
		"missing colon":         `{` + changes + `, "format_version" "1.2"}`,
		"trailing comma":        `{` + changes + `, "format_version": "1.2",}`,
		"trailing data":         `{` + changes + `} x`,
		"unclosed":              `{` + changes + `, "format_version": "1.2"`,
		"unknown members":       `{"planned_values": {"root_module": {}}, "prior_state": null, ` + changes + `, "variables": {"v": {"value": [1, 2.5e3, true]}}}`,
	} {
		want, wantErr := decodePlan([]byte(plan), 1, 1)
		got, gotErr := decodePlan([]byte(plan), 2, 1)
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Errorf("%s: errors differ: one pass %v, side by side %v", name, wantErr, gotErr)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: plans differ (-one +side by side):\n%s", name, diff)
		}
	}
}

// FuzzDecodePlanParallel checks that decoding side by side gives what one
// pass gives, result or error, on any input.
func FuzzDecodePlanParallel(f *testing.F) {
	for _, s := range []string{
		`{"format_version": "1.2", "resource_changes": [{"address": "a.b", "type": "a", "change": {"actions": ["create"]}}, {"address": "a.c"}], "configuration": {"root_module": {"resources": [{"address": "a.b", "expressions": {"x": {"references": ["a.c.id", "a.c"]}, "y": [{"z": {"constant_value": 1}}]}}]}}}`,
		`{"resource_changes": [1, {"address": 2}], "configuration": {"root_module": {"module_calls": {"m": {"expressions": {"v": {"references": ["var.x"]}}, "module": {"outputs": {"o": {"expression": {"references": ["a.b"]}}}}}}}}}`,
		`{"resource_changes": [], "configuration": null} {}`,
		// Repeated keys, in any case: encoding/json keeps the last.
		`{"resource_changes": [{"address": "a.first"}], "resource_changes": [{"address": "a.second"}]}`,
		`{"resource_changes": [{"address": "a.first"}], "Resource_Changes": [{"address": "a.second"}]}`,
		`{"configuration": {"root_module": {}}, "resource_changes": [{"address": "a.b"}], "Configuration": null, "format_version": "1.0"}`,
		`{"resource_changes": [{"address": "a.b"}], "configur\u0061tion": {"root_module": null}, "planned_values": {"x": [1, "y"]}}`,
		// One Decoder reads a part's changes in turn (spanReader): values
		// that would run together, nulls, and changes of other types.
		`{"resource_changes": [1,2]}`,
		`{"resource_changes": [{"address":"a.b"},null,"x",{"address":"a.c","change":{"after":{"n":12345678901234567890}}},[],{}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { sameSideBySide(t, data, decodePlan) })
}
