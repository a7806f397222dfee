package loader_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// utf16File encodes s as UTF-16 with a byte order mark, putting units
// (which may be lone surrogates) where s has "@".
func utf16File(s string, bigEndian bool, units ...uint16) []byte {
	before, after, _ := strings.Cut(s, "@")
	u := utf16.Encode([]rune(before))
	u = append(u, units...)
	u = append(u, utf16.Encode([]rune(after))...)
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, c := range u {
		if bigEndian {
			out = append(out, byte(c>>8), byte(c))
		} else {
			out = append(out, byte(c), byte(c>>8))
		}
	}
	return out
}

// TestLoneSurrogate checks that half of a UTF-16 surrogate pair, escaped
// in JSON ("\ud800") or as a code unit of a UTF-16 file, is an input error
// at its line and column. encoding/json and unicode/utf16 silently read it
// as U+FFFD, so a rule comparing the text would not see what was written.
func TestLoneSurrogate(t *testing.T) {
	t.Parallel()
	const plan = "{\"format_version\":\"1.2\",\n\"resource_changes\":[{\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\",\"change\":{\"actions\":[\"create\"],\n\"after\":{\"name\":\"@\"}}}]}"
	inPlan := func(s string) []byte { return []byte(strings.Replace(plan, "@", s, 1)) }
	tests := []struct {
		name, path string
		format     input.Format
		data       []byte
		want       string // "" for no error
	}{
		{name: "high surrogate in a plan value", data: inPlan(`x\ud800y`), want: `plan.json:3:19: lone UTF-16 surrogate \ud800 in a JSON string`},
		{name: "low surrogate alone", data: inPlan(`\uDC00`), want: `plan.json:3:18: lone UTF-16 surrogate \uDC00`},
		{name: "high then not low", data: inPlan(`\ud800\u0041`), want: `plan.json:3:18: lone UTF-16 surrogate \ud800`},
		{name: "pair in the wrong order", data: inPlan(`\udc00\ud800`), want: `plan.json:3:18: lone UTF-16 surrogate \udc00`},
		{name: "high at the end", data: inPlan(`\ud83d`), want: `plan.json:3:18: lone UTF-16 surrogate \ud83d`},
		{name: "in a key", path: "x.json", data: []byte(`{"a": {"\ud800": 1}}`), want: `x.json:1:9: lone UTF-16 surrogate \ud800`},
		{name: "in an array", path: "x.json", data: []byte(`[1, "\udfff"]`), want: `x.json:1:6: lone UTF-16 surrogate \udfff`},
		{name: "in a top-level string", path: "x.json", format: input.FormatJSON, data: []byte(`"\udfff"`), want: `x.json:1:2: lone UTF-16 surrogate \udfff`},
		{name: "in a state", path: "terraform.tfstate", data: []byte(`{"version":4,"lineage":"x","resources":[{"type":"a","name":"b","instances":[{"attributes":{"x":"\ud800"}}]}]}`), want: "lone UTF-16 surrogate"},
		{name: "valid pair", data: inPlan(`\ud83d\ude00`)},
		{name: "escaped backslash", data: inPlan(`\\ud800`)},
		{name: "escaped backslash then pair", data: inPlan(`\\\ud83d\ude00`)},
		{
			name: "UTF-16LE lone high surrogate", data: utf16File("{\"format_version\":\"1.2\",\r\n\"resource_changes\":[], \"x\": \"ab@\"}", false, 0xD800),
			want: "plan.json:2:32: lone UTF-16 surrogate: invalid UTF-16: code unit 0xD800 is not part of a surrogate pair",
		},
		{
			name: "UTF-16BE lone low surrogate", data: utf16File("{\"format_version\":\"1.2\",\"resource_changes\":[],\"x\":\"@\"}", true, 0xDC01),
			want: "plan.json:1:52: lone UTF-16 surrogate: invalid UTF-16: code unit 0xDC01",
		},
		{
			name: "UTF-16LE high surrogate last", data: utf16File("{\"format_version\":\"1.2\",\"resource_changes\":[]}@", false, 0xDBFF),
			want: "lone UTF-16 surrogate",
		},
		{name: "UTF-16LE pair", data: utf16File("{\"format_version\":\"1.2\",\"resource_changes\":[],\"x\":\"@\"}", false, 0xD83D, 0xDE00)},
		{name: "YAML refuses surrogate escapes itself", path: "x.yaml", data: []byte("a: \"\\ud800\"\n"), want: "x.yaml: invalid YAML: found invalid Unicode character escape code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := tc.path
			if path == "" {
				path = "plan.json"
			}
			doc, err := loader.Parse(t.Context(), path, tc.data, loader.Options{KeepRaw: true, Format: tc.format})
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if strings.ContainsRune(fmtRaw(doc.Raw), '\uFFFD') {
					t.Errorf("raw = %v has U+FFFD", doc.Raw)
				}
				return
			}
			var fe *loader.FileError
			if !errors.As(err, &fe) || fe.Path != path || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want a FileError containing %q", err, tc.want)
			}
			if !strings.HasPrefix(tc.name, "YAML") && !errors.Is(err, loader.ErrLoneSurrogate) {
				t.Errorf("err = %v, want ErrLoneSurrogate", err)
			}
		})
	}
}

func fmtRaw(v any) string { return fmt.Sprint(v) }
