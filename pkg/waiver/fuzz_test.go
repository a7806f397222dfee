package waiver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that any waiver file is read or refused with one line
// that names the file, never a panic.
func FuzzParse(f *testing.F) {
	seeds, err := filepath.Glob("../../test/e2e/testdata/waivers/*.yaml")
	if err != nil {
		f.Fatal(err)
	}
	seeds = append(seeds, "../../test/examples/waivers.yaml")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("waivers:\n  - rule: X\n    reason: r\n    rule: Y\n"))
	f.Add([]byte("waivers:\n  - {rule: X, reason: &r r}\n  - {rule: Y, reason: *r, expires: 2027-01-01}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse("w.yaml", data)
		if err == nil {
			return
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "w.yaml") || strings.Contains(msg, "\n") {
			t.Fatalf("error does not name the file on one line: %q", msg)
		}
	})
}
