package catalog_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
)

// explodingRego is about n bytes of Rego that costs far more memory parsed
// than it takes on disk: an array of empty arrays, each an AST term with
// its location for three bytes of text (8 MiB took 2.3 GB in tenet rules).
func explodingRego(n int) []byte {
	return slices.Concat([]byte("package bomb\n\nx := ["), bytes.Repeat([]byte("[],"), n/3), []byte("[]]\n"))
}

// explodingMetadata hides the same in a METADATA comment, YAML that OPA
// decodes into the rule's annotations.
func explodingMetadata(n int) []byte {
	return slices.Concat([]byte("# METADATA\n# custom:\n#   a: ["), bytes.Repeat([]byte("[],"), n/3), []byte("[]]\npackage bomb\n"))
}

// explodingComments is one comment a line, each an AST node.
func explodingComments(n int) []byte {
	return append([]byte("package bomb\n"), bytes.Repeat([]byte("#\n"), n/2)...)
}

const regoOverLimit = "the Rego source is over the limit of 1000000 tokens (all policies together)"

// checkRefused requires err to be one line naming every string of want, and
// what the refusal allocated to be far below what the parse would.
func checkRefused(t *testing.T, err error, alloc uint64, want ...string) {
	t.Helper()
	t.Logf("allocated %d MB", alloc>>20)
	var pe *catalog.PolicyError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a PolicyError", err)
	}
	msg := err.Error()
	for _, w := range want {
		if !strings.Contains(msg, w) || strings.Contains(msg, "\n") {
			t.Errorf("err = %q, want one line containing %q", msg, w)
		}
	}
	if alloc > 256<<20 {
		t.Errorf("allocated %d MB refusing the policy, want under 256 MB", alloc>>20)
	}
}

// TestRegoBombArchive is a bundle inside every archive limit whose Rego
// would take gigabytes once parsed: an 8 KB archive holding 8 MiB of
// source. It must be refused, naming the archive and the entry, before OPA
// parses it.
func TestRegoBombArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes a 8 MB bomb: the plain pass bounds it; the race pass (-short) finds nothing to race in one decode")
	}
	// Not parallel: it measures allocations.
	tests := []struct {
		name  string
		entry string
		body  []byte
		opts  catalog.Options
	}{
		{"rule", "/x.rego", explodingRego(8 << 20), catalog.Options{}},
		{"rule in a subdirectory", "/a/b/x.rego", explodingRego(8 << 20), catalog.Options{}},
		// Test files are parsed for tenet verify and in signed bundles.
		{"test file", "/x_test.rego", explodingRego(8 << 20), catalog.Options{Tests: true}},
		{"metadata", "/x.rego", explodingMetadata(8 << 20), catalog.Options{}},
		{"comments", "/x.rego", explodingComments(8 << 20), catalog.Options{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path, size := craftArchive(t, []tarEntry{file("/.manifest", []byte(`{}`)), file(tc.entry, tc.body)})
			t.Logf("%d bytes compressed, %d uncompressed", size, len(tc.body))
			var err error
			alloc := allocDuring(func() {
				_, err = catalog.Load(t.Context(), []catalog.Source{{Path: path}}, tc.opts)
			})
			var pe *catalog.PolicyError
			if errors.As(err, &pe) && pe.File != path {
				t.Errorf("PolicyError names %s, want the archive", pe.File)
			}
			checkRefused(t, err, alloc, path+`: bundle entry "`+tc.entry+`": `+regoOverLimit)
		})
	}
}

// TestRegoBombDirectoryAndFile closes the same hole for a bundle directory,
// a single .rego file given as a policy (a pull request can add either) and
// tenet bundle build.
func TestRegoBombDirectoryAndFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "policy")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	bomb := filepath.Join(dir, "sub", "x.rego")
	if err := os.WriteFile(bomb, explodingRego(8<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		load func() error
	}{
		{"directory bundle", func() error {
			_, err := catalog.Load(t.Context(), []catalog.Source{{Path: dir}}, catalog.Options{})
			return err
		}},
		{"single file", func() error {
			_, err := catalog.Load(t.Context(), []catalog.Source{{Path: bomb}}, catalog.Options{})
			return err
		}},
		{"bundle build", func() error {
			_, err := catalog.Build(t.Context(), io.Discard, []string{dir}, catalog.BuildOptions{})
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := allocDuring(func() { err = tc.load() })
			checkRefused(t, err, alloc, bomb+": "+regoOverLimit)
		})
	}
}

func TestRegoLimits(t *testing.T) {
	t.Parallel()
	// "package a\n" is 2 tokens, and a file is charged 2 more.
	const pkgA = "package a\n"
	tests := []struct {
		name    string
		files   map[string]string // of a bundle directory
		single  bool              // load the one file as a single .rego source
		archive bool              // load the files as a bundle archive
		limits  catalog.RegoLimits
		want    string // "" loads
	}{
		{name: "at the token limit", files: map[string]string{"a.rego": pkgA}, limits: catalog.RegoLimits{MaxTokens: 4}},
		{name: "over the token limit", files: map[string]string{"a.rego": pkgA}, limits: catalog.RegoLimits{MaxTokens: 3}, want: "a.rego: the Rego source is over the limit of 3 tokens (all policies together)"},
		{name: "the limit is for all files together", files: map[string]string{"a.rego": pkgA, "b/b.rego": pkgA}, limits: catalog.RegoLimits{MaxTokens: 7}, want: "the Rego source is over the limit of 7 tokens (all policies together)"},
		// 4, the comment 1 and its 8 brackets, and x := "..." 4.
		{name: "a string is one token, a comment's words none", files: map[string]string{"a.rego": pkgA + "# [[[[]]]] is a YAML value in a comment\nx := \"[[[[]]]]\"\n"}, limits: catalog.RegoLimits{MaxTokens: 17}},
		{name: "punctuation in a comment counts", files: map[string]string{"a.rego": pkgA + "# [[[[]]]] is a YAML value in a comment\nx := \"[[[[]]]]\"\n"}, limits: catalog.RegoLimits{MaxTokens: 16}, want: "the Rego source is over the limit of 16 tokens"},
		{name: "test files count", files: map[string]string{"a.rego": pkgA, "a_test.rego": pkgA}, limits: catalog.RegoLimits{MaxTokens: 7}, want: "a_test.rego: the Rego source is over the limit of 7 tokens"},
		{name: "other files do not count", files: map[string]string{"a.rego": pkgA, "notes.txt": "[[[[[[[[[[]]]]]]]]]]"}, limits: catalog.RegoLimits{MaxTokens: 4}},
		{name: "bytes of all files", files: map[string]string{"a.rego": pkgA, "b/b.rego": pkgA}, limits: catalog.RegoLimits{MaxBytes: 19}, want: "the Rego source is over the limit of 19 bytes (all policies together)"},
		{name: "single file over the token limit", files: map[string]string{"a.rego": pkgA}, single: true, limits: catalog.RegoLimits{MaxTokens: 3}, want: "a.rego: the Rego source is over the limit of 3 tokens"},
		{name: "single file over the bytes limit", files: map[string]string{"a.rego": pkgA}, single: true, limits: catalog.RegoLimits{MaxBytes: 9}, want: "a.rego: the Rego source is over the limit of 9 bytes"},
		{name: "single file at the limits", files: map[string]string{"a.rego": pkgA}, single: true, limits: catalog.RegoLimits{MaxTokens: 4, MaxBytes: 10}},
		{name: "archive over the token limit", files: map[string]string{"/a.rego": pkgA}, archive: true, limits: catalog.RegoLimits{MaxTokens: 3}, want: `bundle entry "/a.rego": the Rego source is over the limit of 3 tokens`},
		{name: "archive at the limits", files: map[string]string{"/a.rego": pkgA}, archive: true, limits: catalog.RegoLimits{MaxTokens: 4, MaxBytes: 10}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var src catalog.Source
			switch {
			case tc.archive:
				src.Path = writeArchive(t, tc.files)
			default:
				dir := t.TempDir()
				for name, body := range tc.files {
					p := filepath.Join(dir, filepath.FromSlash(name))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
						t.Fatal(err)
					}
					if tc.single {
						src.Path = p
					}
				}
				if !tc.single {
					src.Path = dir
				}
			}
			_, err := catalog.Load(t.Context(), []catalog.Source{src}, catalog.Options{RegoLimits: tc.limits})
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Rego within the limits: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestRegoLimitsBuiltinExempt: the built-in bundles are compiled into the
// binary and not counted, so a tight limit still loads them.
func TestRegoLimitsBuiltinExempt(t *testing.T) {
	t.Parallel()
	if _, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{RegoLimits: catalog.RegoLimits{MaxTokens: 1, MaxBytes: 1}}); err != nil {
		t.Fatalf("built-ins under a limit of one token: %v", err)
	}
}

// TestRegoLimitsLoadRealPolicies loads the repository's policies from disk,
// as --policy would, under the default limits: the built-in bundles as one
// run (tests included) and the example and end-to-end test policies.
func TestRegoLimitsLoadRealPolicies(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", "..")) // ".." in a policy path is refused
	if err != nil {
		t.Fatal(err)
	}
	var builtin []catalog.Source
	entries, err := os.ReadDir(filepath.Join(root, "bundles"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && e.Name() != "frameworks" {
			builtin = append(builtin, catalog.Source{Path: filepath.Join(root, "bundles", e.Name())})
		}
	}
	runs := map[string][]catalog.Source{
		"built-in bundles": append([]catalog.Source{{Path: filepath.Join(root, "rego")}}, builtin...),
		"examples":         {{Path: filepath.Join(root, "test", "examples", "policy")}},
	}
	e2e, err := filepath.Glob(filepath.Join(root, "test", "e2e", "testdata", "policy-*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range e2e {
		if filepath.Base(dir) != "policy-broken" { // a parse error on purpose
			runs[filepath.Base(dir)] = []catalog.Source{{Path: dir}}
		}
	}
	frameworks, err := fs.Sub(bundles.FS, "frameworks")
	if err != nil {
		t.Fatal(err)
	}
	for name, sources := range runs {
		// The framework catalogs, which the control mappings are checked
		// against, are embedded: no Rego to budget.
		sources = append(sources, catalog.Source{Path: "bundles/frameworks", FS: frameworks, Builtin: true})
		if _, err := catalog.Load(t.Context(), sources, catalog.Options{Tests: true}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
