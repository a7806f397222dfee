package loader

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// allFields lets cmp read rawState's embedded, unexported head.
var allFields = cmp.Exporter(func(reflect.Type) bool { return true })

// genState writes a raw state of n resources in every shape the loader
// reads: modules, data sources, index keys of both kinds, deposed
// instances, sensitive attributes, numbers that a float would round.
func genState(n int) string {
	var b strings.Builder
	b.WriteString(`{"version": 4, "terraform_version": "1.9.5", "serial": 7, "lineage": "x", "outputs": {"o": {"value": [1, 2.5e3], "type": ["tuple", ["number", "number"]]}}, "resources": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		module, mode := "", "managed"
		if i%3 == 1 {
			module = fmt.Sprintf(`"module": "module.m%d", `, i%5)
		}
		if i%7 == 2 {
			mode = "data"
		}
		fmt.Fprintf(&b, `{%s"mode": %q, "type": "aws_s3_bucket", "name": "b%d", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]", "instances": [`, module, mode, i)
		fmt.Fprintf(&b, `{"index_key": %d, "schema_version": 0, "attributes": {"id": "b-%d", "size": 12345678901234567890%d, "tags": {"k": "v"}, "list": [1, null, true]}, "sensitive_attributes": [[{"type": "get_attr", "value": "tags"}]]}`, i, i, i%10)
		if i%4 == 0 {
			fmt.Fprintf(&b, `, {"index_key": "k%d", "deposed": "00ab", "attributes": {"id": "d-%d"}, "sensitive_attributes": []}`, i, i)
		}
		b.WriteString("]}")
	}
	b.WriteString("], \"check_results\": null}\n")
	return b.String()
}

// TestDecodeStateParallel checks that a raw state decoded side by side is
// the state decoded in one pass, and that errors name the same place.
func TestDecodeStateParallel(t *testing.T) {
	good := genState(700)
	want, got := decodeBothWays(t, good, decodeRawState)
	if len(want.Resources) != 700 || want.TerraformVersion != "1.9.5" || want.Version != "4" {
		t.Fatalf("%d resources, version %q of %q: the test checks too little", len(want.Resources), want.Version, want.TerraformVersion)
	}
	if diff := cmp.Diff(want, got, allFields); diff != "" {
		t.Errorf("side by side differs from one pass (-one +side by side):\n%s", diff)
	}
	// The state splits: the comparison above is of two ways.
	if _, spans, split, ok := splitDecode[rawResource]([]byte(good), "resources", 3, 1, func([2]int) bool { return true }); !split || !ok || len(spans) != 700 {
		t.Fatalf("the generated state does not split (split %v, ok %v, %d spans)", split, ok, len(spans))
	}

	first := strings.Index(good, `"mode"`)
	last := strings.LastIndex(good, `"mode"`)
	at := func(i int, text string) string { return good[:i] + text + good[i+len(`"mode"`):] }
	open := strings.TrimSuffix(strings.TrimSpace(good), "}")
	for name, bad := range map[string]string{
		"type error in a resource":   at(first, `"mode": 5, "x"`),
		"type error in a late one":   at(last, `"mode": 5, "x"`),
		"syntax error in a resource": at(first, `"mode" 5, "x"`),
		"type error after":           open + `, "terraform_version": 7}`,
		"syntax error after":         open + `, "terraform_version" 7}`,
		"cut short":                  open,
		"cut in a literal":           open + `, "x": tru`,
		"bad byte in a literal":      at(last, `"mode": nul, "x"`),
	} {
		_, want := decodeRawState([]byte(bad), 1, 1)
		_, got := decodeRawState([]byte(bad), 3, 1)
		if want == nil {
			t.Fatalf("%s: no error", name)
		}
		var fe *FileError
		if !errors.As(want, &fe) || got == nil || got.Error() != want.Error() {
			t.Errorf("%s: side by side: %v; one pass: %v", name, got, want)
		}
	}
	// A type error in the head names no place: the same error all the same.
	bad := []byte(open + `, "version": "four"}`)
	_, wantErr := decodeRawState(bad, 1, 1)
	_, gotErr := decodeRawState(bad, 3, 1)
	if wantErr == nil || gotErr == nil || gotErr.Error() != wantErr.Error() {
		t.Errorf("version not a number: side by side: %v; one pass: %v", gotErr, wantErr)
	}
}

// FuzzDecodeStateParallel checks that decoding a raw state side by side
// gives what one pass gives, result or error, on any input.
func FuzzDecodeStateParallel(f *testing.F) {
	for _, s := range []string{
		genState(3),
		`{"version": 4, "resources": [{"type": "a", "name": "b", "instances": [{"attributes": {"n": 1e400}}]}, {"type": "a"}]}`,
		`{"resources": [1, {"type": 2}], "version": "4"}`,
		`{"resources": [], "version": 4} {}`,
		// Repeated keys, in any case: encoding/json keeps the last.
		`{"resources": [{"name": "first"}], "resources": [{"name": "second"}]}`,
		`{"resources": [{"name": "first"}], "Resources": [{"name": "second"}]}`,
		`{"version": 3, "resources": [{"name": "a"}], "VERSION": 4, "terraform_version": "1.0"}`,
		`{"resources": [{"name": "a"}], "terr\u0061form_version": "1.0", "outputs": {"x": [1, "y"]}}`,
		`{"resources": [1,2]}`,
		`{"resources": [{"name":"a"},null,"x",{"instances":[{"sensitive_attributes":[[{"type":"get_attr"}]]}]},[],{}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { sameSideBySide(t, data, decodeRawState) })
}

// decodeBothWays decodes a file that must decode in one pass and side by
// side on three workers, and returns both results.
func decodeBothWays[T any](t *testing.T, data string, decode func([]byte, int, int) (T, error)) (one, side T) {
	t.Helper()
	one, err := decode([]byte(data), 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	side, err = decode([]byte(data), 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	return one, side
}

// sameSideBySide fails when decode gives data's result, or error, side by
// side (two goroutines) other than in one pass.
func sameSideBySide[T any](t *testing.T, data []byte, decode func([]byte, int, int) (T, error)) {
	t.Helper()
	want, wantErr := decode(data, 1, 1)
	got, gotErr := decode(data, 2, 1)
	if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
		t.Fatalf("errors differ on %q: one pass %v, side by side %v", data, wantErr, gotErr)
	}
	if wantErr == nil {
		if diff := cmp.Diff(want, got, allFields); diff != "" {
			t.Fatalf("results differ on %q (-one +side by side):\n%s", data, diff)
		}
	}
}

// TestSplitNestingLimit checks that a file nested near encoding/json's
// limit of 10,000 levels gets what one pass gives: its parts, decoded on
// their own a few levels up, would pass where the whole file is refused.
func TestSplitNestingLimit(t *testing.T) {
	for _, d := range []int{9980, 9995, 9996, 9997, 9998, 10010} {
		deep := strings.Repeat("[", d) + strings.Repeat("]", d)
		for name, file := range map[string]struct {
			data   string
			decode func([]byte, int) error
		}{
			"plan change": {
				`{"format_version": "1.2", "resource_changes": [{"address": "a.b", "change": {"actions": ["create"], "after": {"x": ` + deep + `}}}, {"address": "a.c"}]}`,
				func(b []byte, n int) error { _, err := decodePlan(b, n, 1); return err }},
			"plan head": {
				`{"format_version": "1.2", "resource_changes": [{"address": "a.b"}], "planned_values": {"x": ` + deep + `}}`,
				func(b []byte, n int) error { _, err := decodePlan(b, n, 1); return err }},
			"shown state resource": {
				`{"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "a.b", "values": {"x": ` + deep + `}}]}}}`,
				func(b []byte, n int) error { _, err := decodeShowState(b, n, 1); return err }},
			"state resource": {
				`{"version": 4, "resources": [{"type": "a", "instances": [{"attributes": {"x": ` + deep + `}}]}]}`,
				func(b []byte, n int) error { _, err := decodeRawState(b, n, 1); return err }},
		} {
			want, got := file.decode([]byte(file.data), 1), file.decode([]byte(file.data), 2)
			if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
				t.Errorf("%s nested %d deep: one pass %v, side by side %v", name, d, want, got)
			}
		}
	}
}
