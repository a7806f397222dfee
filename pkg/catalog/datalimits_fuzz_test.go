package catalog

import (
	"bytes"
	"encoding/json"
	"testing"
)

// decodedValues counts the values of a decoded JSON document the slow way.
func decodedValues(v any) int {
	n := 1
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			n += decodedValues(e)
		}
	case []any:
		for _, e := range v {
			n += decodedValues(e)
		}
	}
	return n
}

// FuzzDataValues checks the data counters on arbitrary bytes: they never
// panic, and for valid JSON the streaming count is the number of values
// the document decodes to.
func FuzzDataValues(f *testing.F) {
	for _, seed := range []string{
		`{"a": {"b": [1, "x"]}, "c": null}`, `[[], {}, [[]]]`, `"x"`, `{"a":`, "a:\n  b: [1, x]\n",
		"l0: &l0 [x, x]\nl1: [*l0, *l0]\n", "a: &a\n  b: *a\n", `{"a": 1} {"b": 2}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, kind := range []dataKind{jsonData, yamlData} {
			b := newDataBudget(DataLimits{MaxValues: 1 << 20})
			_ = b.charge(bytes.NewReader(data), int64(len(data)), kind) // must not panic
		}
		if !json.Valid(data) {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("valid JSON does not decode: %v", err)
		}
		// Count the document re-encoded: duplicate keys decode to one
		// entry but are read twice.
		clean, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		b := newDataBudget(DataLimits{MaxValues: 1 << 20})
		if err := b.charge(bytes.NewReader(clean), int64(len(clean)), jsonData); err != nil {
			return // over a limit
		}
		if want := decodedValues(v); b.values != want {
			t.Errorf("counted %d values in %s, want %d", b.values, clean, want)
		}
	})
}
