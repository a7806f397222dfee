package catalog_test

import (
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
)

func builtinSources(t *testing.T) []catalog.Source {
	t.Helper()
	sources, err := bundles.Sources(true)
	if err != nil {
		t.Fatal(err)
	}
	return sources
}

// TestBuiltinCatalog checks the built-in bundles as a whole: they load
// (so every rule has complete METADATA and a unique id), every control id
// exists in its framework's catalog (Load refuses it otherwise; checked
// here as well, naming every one), every framework has a title and
// controls, every bundle has a revision, and every rule file has a test
// file with at least one denied and one allowed case.
func TestBuiltinCatalog(t *testing.T) {
	cat, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Rules) < 15 {
		t.Errorf("only %d built-in rules", len(cat.Rules))
	}
	for _, b := range cat.Bundles {
		if b.Revision == "" {
			t.Errorf("bundle %s has no revision in its .manifest", b.Name)
		}
	}
	for key, f := range cat.Frameworks {
		if f.Title == "" || len(f.Controls) == 0 {
			t.Errorf("framework %s: no title or no controls", key)
		}
		for id := range f.Controls {
			if id == "" || strings.TrimSpace(id) != id {
				t.Errorf("framework %s: control %q is blank or has spaces around it", key, id)
			}
		}
	}
	for _, r := range cat.Rules {
		for fw, ids := range r.Controls {
			f, ok := cat.Frameworks[fw]
			if !ok {
				t.Errorf("%s (%s): framework %q has no catalog in bundles/frameworks", r.ID, r.File, fw)
				continue
			}
			for _, id := range ids {
				if _, ok := f.Controls[id]; !ok {
					t.Errorf("%s (%s): control %s %q is not in the framework catalog", r.ID, r.File, fw, id)
				}
			}
		}
	}
	deny := regexp.MustCompile(`(?m)^test_deny_\w+ if`)
	allow := regexp.MustCompile(`(?m)^test_allow_\w+ if`)
	for _, r := range cat.Rules {
		rel := strings.TrimPrefix(r.File, "bundles/")
		testFile := strings.TrimSuffix(rel, ".rego") + "_test.rego"
		data, err := fs.ReadFile(bundles.FS, testFile)
		if err != nil {
			t.Errorf("%s: no test file %s", r.ID, path.Join("bundles", testFile))
			continue
		}
		if !deny.Match(data) || !allow.Match(data) {
			t.Errorf("%s: %s needs a test_deny_* and a test_allow_* case", r.ID, testFile)
		}
	}
}
