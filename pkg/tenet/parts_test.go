package tenet

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestPartsRoundTrip: a shard entry gives back the parts written, with
// every field of every finding set (a field added to finding.Finding and
// not to the entry's form fails here), with empty and nil ones, and no
// finding at all; a damaged entry is an error, never other findings.
func TestPartsRoundTrip(t *testing.T) {
	full := finding.Finding{Line: 7, Metadata: map[string]any{"k": "v", "n": 1.5, "l": []any{true, nil}},
		Waiver: &finding.Waiver{Rule: "TNT-*", Reason: "accepted"}}
	v := reflect.ValueOf(&full).Elem()
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.String {
			f.SetString(v.Type().Field(i).Name + " \x00 é")
		}
		if v.Field(i).IsZero() {
			t.Fatalf("field %s left unset: the test checks too little", v.Type().Field(i).Name)
		}
	}
	parts := engine.Parts{
		"":  {full, {RuleID: "TNT-AWS-S3-001", Kind: finding.KindDeny, Metadata: map[string]any{}}},
		"a": {},
		"b": nil,
	}
	data, err := encodeParts(parts)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeParts(data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(parts, got, cmp.Comparer(func(a, b []finding.Finding) bool {
		return cmp.Equal(a, b, cmp.AllowUnexported()) || len(a) == 0 && len(b) == 0
	})); diff != "" {
		t.Errorf("round trip (-wrote +read):\n%s", diff)
	}
	for n := range len(data) {
		if _, err := decodeParts(data[:n]); err == nil {
			t.Errorf("an entry cut to %d of %d bytes decoded", n, len(data))
		}
	}
	if _, err := decodeParts(append(data, 0)); err == nil {
		t.Error("an entry with a byte after its end decoded")
	}
}

// FuzzDecodeParts: no entry, however damaged, panics or allocates beyond
// its size; what decodes encodes again.
func FuzzDecodeParts(f *testing.F) {
	data, err := encodeParts(engine.Parts{"k": {{RuleID: "R", Message: "m", Line: 3, Metadata: map[string]any{"a": "b"}}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		parts, err := decodeParts(data)
		if err != nil {
			return
		}
		if _, err := encodeParts(parts); err != nil {
			t.Fatal(err)
		}
	})
}
