package tenet

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScanExclude: a history directory inside a scanned directory (tenet
// watch --history under a watched path) is left out of the walk: its alert
// outbox holds JSON files that would otherwise be scanned as inputs. It is
// left out however the paths are spelled, through a symbolic link too.
func TestScanExclude(t *testing.T) {
	dir := t.TempDir()
	input := plan(t, dir, "plan.json", bucket("a", `{"encrypted": true, "tags": {"x": "y"}}`, `{}`))
	outbox := filepath.Join(dir, "history", "outbox")
	if err := os.MkdirAll(outbox, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outbox, "000002-000.json"), []byte(`{"text": "tenet: 1 control changed", "changes": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "history", "broken.yaml"), []byte("a: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, filepath.Join(dir, "history"))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		scan    []string
		exclude []string
		want    []string
	}{
		"not excluded":        {[]string{dir}, nil, []string{filepath.Join(dir, "history", "broken.yaml"), filepath.Join(outbox, "000002-000.json"), input}},
		"excluded":            {[]string{dir}, []string{filepath.Join(dir, "history")}, []string{input}},
		"relative exclude":    {[]string{dir}, []string{rel}, []string{input}},
		"through a link":      {[]string{dir}, []string{filepath.Join(link, "history")}, []string{input}},
		"named, not walked":   {[]string{input, filepath.Join(outbox, "000002-000.json")}, []string{filepath.Join(dir, "history")}, []string{input}},
		"outbox only":         {[]string{dir}, []string{outbox}, []string{filepath.Join(dir, "history", "broken.yaml"), input}},
		"empty exclude":       {[]string{dir}, []string{""}, []string{filepath.Join(dir, "history", "broken.yaml"), filepath.Join(outbox, "000002-000.json"), input}},
		"exclude what is not": {[]string{dir}, []string{filepath.Join(dir, "nope")}, []string{filepath.Join(dir, "history", "broken.yaml"), filepath.Join(outbox, "000002-000.json"), input}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			s, err := New(t.Context(), WithoutBuiltins(), withBundleFS(testBundle()), WithExclude(tc.exclude...))
			if err != nil {
				t.Fatal(err)
			}
			res := allowIncomplete(t)(s.Scan(t.Context(), tc.scan...))
			var got []string
			for _, in := range res.Inputs {
				got = append(got, in.Path)
			}
			for _, e := range res.Errors {
				got = append(got, e.Path)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("inputs and errors (-want +got):\n%s", diff)
			}
		})
	}
}
