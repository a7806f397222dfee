package loader

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// genShowState writes the JSON of `terraform show -json` of a state of n
// resources, spread over the root module and nested child modules, with
// the keys of each module in both orders.
func genShowState(n int) string {
	resource := func(b *strings.Builder, i int, module string) {
		addr := fmt.Sprintf("aws_s3_bucket.b%d", i)
		if module != "" {
			addr = module + "." + addr
		}
		fmt.Fprintf(b, `{"address": %q, "mode": "managed", "type": "aws_s3_bucket", "name": "b%d", "index": %d, "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0, "values": {"id": "b-%d", "size": 12345678901234567890%d, "tags": {"k": "v"}}, "sensitive_values": {"tags": {}}, "depends_on": ["aws_kms_key.k"]}`, addr, i, i, i, i%10)
	}
	var b strings.Builder
	b.WriteString(`{"format_version": "1.0", "terraform_version": "1.9.5", "values": {"outputs": {"o": {"sensitive": false, "value": 1.5e3}}, "root_module": {"resources": [`)
	i := 0
	for ; i < n/3; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		resource(&b, i, "")
	}
	b.WriteString(`], "child_modules": [`)
	for m := range 3 {
		if m > 0 {
			b.WriteString(", ")
		}
		module := fmt.Sprintf("module.m%d", m)
		fmt.Fprintf(&b, `{"child_modules": [{"address": "%s.module.inner", "resources": [`, module)
		for j := 0; j < n/9 && i < n; j, i = j+1, i+1 {
			if j > 0 {
				b.WriteString(",\n")
			}
			resource(&b, i, module+".module.inner")
		}
		fmt.Fprintf(&b, `]}], "address": %q, "resources": [`, module)
		for j := 0; (j < n/9 || m == 2) && i < n; j, i = j+1, i+1 {
			if j > 0 {
				b.WriteString(",\n")
			}
			resource(&b, i, module)
		}
		b.WriteString("]}")
	}
	b.WriteString(`]}}, "checks": null}`)
	return b.String()
}

// TestDecodeShowStateParallel checks that a shown state decoded side by
// side is the state decoded in one pass, and that errors are the same.
func TestDecodeShowStateParallel(t *testing.T) {
	good := genShowState(900)
	want, got := decodeBothWays(t, good, decodeShowState)
	if _, ok := decodeShowSplit([]byte(good), 3, 1); !ok {
		t.Fatal("the generated state does not split")
	}
	root := want.Values.RootModule
	if len(root.Resources) != 300 || len(root.ChildModules) != 3 || len(root.ChildModules[2].Resources) == 0 || len(root.ChildModules[0].ChildModules[0].Resources) != 100 {
		t.Fatalf("the generated state changed shape: the test checks too little")
	}
	if diff := cmp.Diff(want, got, allFields); diff != "" {
		t.Errorf("side by side differs from one pass (-one +side by side):\n%s", diff)
	}

	first := strings.Index(good, `"mode"`)
	last := strings.LastIndex(good, `"mode"`)
	at := func(i int, text string) string { return good[:i] + text + good[i+len(`"mode"`):] }
	open := strings.TrimSuffix(good, "}")
	for name, bad := range map[string]string{
		"type error in a resource":   at(first, `"mode": 5, "x"`),
		"type error in a late one":   at(last, `"mode": 5, "x"`),
		"syntax error in a resource": at(first, `"mode" 5, "x"`),
		"type error after":           open + `, "terraform_version": 7}`,
		"syntax error after":         open + `, "terraform_version" 7}`,
		"unsupported version":        open + `, "format_version": "9.0"}`,
		"cut short":                  open,
		"trailing data":              good + `{}`,
		"bad byte in a literal":      at(last, `"mode": nul, "x"`),
	} {
		_, want := decodeShowState([]byte(bad), 1, 1)
		_, got := decodeShowState([]byte(bad), 3, 1)
		if want == nil {
			t.Fatalf("%s: no error", name)
		}
		if got == nil || got.Error() != want.Error() {
			t.Errorf("%s: side by side: %v; one pass: %v", name, got, want)
		}
	}
}

// FuzzDecodeShowStateParallel checks that decoding a shown state side by
// side gives what one pass gives, result or error, on any input.
func FuzzDecodeShowStateParallel(f *testing.F) {
	for _, s := range []string{
		genShowState(7),
		`{"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "a.b", "values": {"n": 1e400}}, null, 1]}}}`,
		`{"format_version": "1.0", "values": {"root_module": {"resources": null, "child_modules": [{"resources": [{"address": "a.b"}]}, null]}}}`,
		`{"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "a"}], "Resources": [{"address": "b"}]}}}`,
		`{"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "a"}]}, "root_module": {"resources": []}}}`,
		`{"format_version": "1.0", "Values": {"root_module": {"resources": [{"address": "a"}]}}}`,
		`{"format_version": "1.0", "values": {"root_modul\u0065": {"resources": [{"address": "a"}]}}}`,
		`{"format_version": "1.0", "values": {"root_module": {"child_modules": [{"child_modules": [{"resources": [{"address": "deep"}]}], "resources": []}]}}}`,
		`{"format_version": "0.1", "values": {"root_module": {"resources": [{"address": "a"}]}}} x`,
		`{"values": {"root_module": {"resources": [{"address": "a"}]}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { sameSideBySide(t, data, decodeShowState) })
}

// TestShowStateDeepModules checks that a shown state whose modules nest
// deeper than maxModuleDepth is decoded in one pass, with the same result:
// scanning every level's subtree again would cost a crafted file of
// thousands of levels thousands of scans.
func TestShowStateDeepModules(t *testing.T) {
	nest := func(levels int) []byte {
		var b strings.Builder
		b.WriteString(`{"format_version": "1.0", "values": {"root_module": `)
		for range levels {
			b.WriteString(`{"child_modules": [`)
		}
		b.WriteString(`{"resources": [{"address": "a.b"}, {"address": "a.c"}]}`)
		for range levels {
			b.WriteString(`]}`)
		}
		b.WriteString(`}}`)
		return []byte(b.String())
	}
	// Each level scans its subtree again: the bound is what a crafted file
	// can multiply the scan by.
	if maxModuleDepth > 32 {
		t.Errorf("maxModuleDepth is %d: a crafted state could make the scan that many times the file", maxModuleDepth)
	}
	if _, ok := decodeShowSplit(nest(maxModuleDepth), 2, 1); !ok {
		t.Errorf("modules %d deep do not split", maxModuleDepth)
	}
	deep := nest(maxModuleDepth + 1)
	if _, ok := decodeShowSplit(deep, 2, 1); ok {
		t.Errorf("modules %d deep split", maxModuleDepth+1)
	}
	// reflect.DeepEqual: cmp's diff of nested one-element slices takes
	// seconds at this depth.
	want, wantErr := decodeShowState(deep, 1, 1)
	got, gotErr := decodeShowState(deep, 2, 1)
	if wantErr != nil || gotErr != nil || !reflect.DeepEqual(want, got) {
		t.Errorf("one pass %v, side by side %v: the states differ", wantErr, gotErr)
	}
}
