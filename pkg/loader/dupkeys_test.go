package loader_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

func TestDuplicateKeys(t *testing.T) {
	t.Parallel()
	var wide strings.Builder
	wide.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&wide, `"k%d": %d, `, i, i)
	}
	tests := []struct {
		name string
		data string
		want string // the error; "" for none
	}{
		{name: "top level", data: `{"a": 1, "a": 2}`, want: `x.json:1:10: duplicate key "a" (first at line 1, column 2)`},
		{name: "nested", data: `{"a": {"b": 1, "c": {"d": 1, "d": 2}}}`, want: `x.json:1:30: duplicate key "d"`},
		{name: "multi-line", data: "{\n  \"a\": 1,\n  \"b\": {},\n  \"a\": 3\n}", want: `x.json:4:3: duplicate key "a" (first at line 2, column 3)`},
		{name: "same key in sibling objects", data: `{"a": {"x": 1}, "b": {"x": 1}, "x": 0}`},
		{name: "array of objects", data: `[{"a": 1}, {"a": 1}, {"a": [{"a": 1}]}]`},
		{name: "duplicate in an array of objects", data: `[{"a": 1}, {"b": 1, "b": 2}]`, want: `duplicate key "b"`},
		{name: "escaped key", data: `{"a": 1, "\u0061": 2}`, want: `duplicate key "a"`},
		{name: "escaped quote in key", data: `{"a\"b": 1, "a\"b": 2}`, want: `duplicate key "a\"b"`},
		{name: "escaped backslash then quote", data: `{"a\\": 1, "b": "c\\", "a\\": 2}`, want: `duplicate key "a\\"`},
		{name: "different escapes", data: `{"a\"b": 1, "a\\b": 2, "a/b": 3, "a\/c": 4}`},
		{name: "lone surrogates are refused before they decode alike", data: `{"\ud800": 1, "\udfff": 2}`, want: `x.json:1:3: lone UTF-16 surrogate \ud800`},
		{name: "values are not keys", data: `{"a": "a", "b": "a", "c": ["a", "a"]}`},
		{name: "keys inside string values", data: `{"a": "{\"a\": 1, \"a\": 2}", "b": "}]"}`},
		{name: "wide object", data: wide.String() + `"k39": 0}`, want: `duplicate key "k39"`},
		{name: "wide object without duplicates", data: wide.String() + `"last": 0}`},
		{name: "empty object", data: `{"a": {}, "b": {}}`},
		{name: "plan", data: `{"format_version": "1.2", "resource_changes": [{"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "change": {"actions": ["create"], "after": {"acl": "private", "acl": "public-read"}}}]}`, want: `duplicate key "acl"`},
		{name: "yaml flow mapping", data: "{a: 1, b: 2}"},
		{name: "not JSON", data: `{"a" "a"}`, want: "invalid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			name := "x.json"
			if strings.HasPrefix(tc.name, "yaml") {
				name = "x.yaml"
			}
			_, err := loader.Parse(t.Context(), name, []byte(tc.data), loader.Options{})
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("err = %v, want %q", err, tc.want)
			case tc.want != "" && strings.HasPrefix(tc.want, "duplicate") || strings.Contains(tc.want, ": duplicate"):
				if !errors.Is(err, loader.ErrDuplicateKey) {
					t.Errorf("err = %v, want ErrDuplicateKey", err)
				}
			}
		})
	}
}

// FuzzDuplicateKeys checks the byte-level checker against encoding/json's
// own tokens: for valid JSON, a file is refused for a duplicate key exactly
// when some object repeats a decoded key.
func FuzzDuplicateKeys(f *testing.F) {
	for _, s := range []string{
		`{"a": 1, "a": 2}`, `{"a": 1, "\u0061": 2}`, `[{"a": 1}, {"a": 1}]`, `{"a\"": {"b": [1, {"b": 2, "b\\": 3}]}}`,
		`{"\ud800": 1, "\udfff": 2}`, `{"a": "\"a\": 1"}`, `{}`, `[]`, `"a"`, `{"a": {"a": {"a": 1}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := loader.Parse(t.Context(), "f.json", data, loader.Options{Format: input.FormatJSON})
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("panic: %v", err) // Parse turns a panic into an error
		}
		// Invalid UTF-8 is refused before the duplicate check, while
		// encoding/json would read both "\xd6" and "\xa9" as U+FFFD: one key.
		if !json.Valid(data) || !utf8.Valid(data) {
			return
		}
		// A lone surrogate is refused first, wherever it is; it decodes
		// to U+FFFD, like a second one, and would make duplicates.
		if errors.Is(err, loader.ErrLoneSurrogate) {
			if !surrogateEscape.Match(data) {
				t.Errorf("lone surrogate reported in %q, which escapes none", data)
			}
			return
		}
		want := hasDuplicateKey(t, data)
		if got := errors.Is(err, loader.ErrDuplicateKey); got != want {
			t.Errorf("duplicate = %v, want %v (err %v) for %q", got, want, err, data)
		}
	})
}

// surrogateEscape matches the escape of a UTF-16 surrogate.
var surrogateEscape = regexp.MustCompile(`\\u[dD][89a-fA-F]`)

// hasDuplicateKey is the slow reference: encoding/json's tokenizer.
func hasDuplicateKey(t *testing.T, data []byte) bool {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	type level struct {
		keys      map[string]bool
		expectKey bool
	}
	var stack []*level
	for {
		tok, err := dec.Token()
		if err != nil {
			return false // io.EOF, or deeper than the decoder allows
		}
		top := (*level)(nil)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				if top != nil && top.keys != nil {
					top.expectKey = true
				}
				stack = append(stack, &level{keys: map[string]bool{}, expectKey: true})
			case '[':
				if top != nil && top.keys != nil {
					top.expectKey = true
				}
				stack = append(stack, &level{})
			default:
				stack = stack[:len(stack)-1]
			}
			continue
		case string:
			if top != nil && top.keys != nil && top.expectKey {
				if top.keys[v] {
					return true
				}
				top.keys[v] = true
				top.expectKey = false
				continue
			}
		}
		if top != nil && top.keys != nil {
			top.expectKey = true
		}
	}
}
