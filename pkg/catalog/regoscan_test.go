package catalog

import (
	"io/fs"
	"path/filepath"
	"testing"
)

// TestRegoScannerCount checks the token count on inputs where a scanner
// could lose its place: what is code, string or comment. Each case is also
// fed one byte at a time, as a reader may hand it over.
func TestRegoScannerCount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want int
	}{
		{"empty", "", 0},
		{"whitespace", " \t\r\n\n", 0},
		{"words and numbers", "package a.b_2\nx := 12.5e3", 10}, // package a . b_2 x : = 12 . 5e3
		{"every punctuation byte", "a[_] == {1, 2}; !=", 14},
		{"string holding brackets", `x := "[[[{{(,,,]]]"`, 4},
		{"string with escaped quotes", `x := "a\"]]\"[" + 1`, 6},
		{"string with escaped backslash", `x := "a\\" + [1]`, 8},
		{"string with an illegal escape", `"\q" + 1`, 3},
		{"unicode escape", `"\u0041" [`, 2},
		{"unicode escape skips quotes", `"\u"""" [`, 2},                         // three quotes skipped, the fourth ends it
		{"unicode escape skips a newline", "\"\\u\n\"\"\" [", 2},                // as OPA: the skip runs over the newline
		{"unicode escape skips whole characters", "\"\\u\u00e9\u00e9\"\" [", 2}, // é é " skipped (5 bytes), then "
		{"unicode escape skips bytes invalid as UTF-8", "\"\\u\x80\x80\"\" [", 2},
		{"unicode escape at the end", `"\u`, 1},
		{"unterminated string ends at the newline", "x := \"[[[\n[]", 6},
		{"raw string holding brackets and quotes", "x := `[[\"#]]\n]]` + 1", 6},
		{"raw string has no escapes", "`a\\` + [1]", 5},
		{"comment holding brackets", "x := 1 # [[[]]]\ny", 12}, // x : = 1, # and 6, y
		{"comment holding quotes", "# don't \"[\ny", 5},
		{"comment words are free", "# just some words here\n", 1},
		{"hash in a string is no comment", `"#" [`, 2},
		{"metadata yaml", "# METADATA\n# custom:\n#  a: [[], []]\n", 12},
		{"template string", `$"a [b] {x} c"`, 4}, // $ { x }
		{"template string object in expression", `$"{ {"a": 1}["a"] }" [`, 12},
		{"template string nested", `$"{ $"{ x }" }" [`, 8},
		{"template string escaped brace", `$"\{ [[ }" [`, 2},
		{"template string ends at newline", "$\"{x}\n[", 5},
		{"raw template string", "$`a\n{x}\\{[`[", 5},
		{"lone dollar", "$x", 2},
		{"dollar before a raw string", "$`[`", 1},
		{"non-ASCII in code counts each byte", "\u00e9", 2},
		{"bom", "\ufeffpackage a", 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var whole regoScanner
			_, _ = whole.Write([]byte(tc.src))
			if whole.tokens != tc.want {
				t.Errorf("count of %q = %d, want %d", tc.src, whole.tokens, tc.want)
			}
			var bytewise regoScanner
			for i := range len(tc.src) {
				_, _ = bytewise.Write([]byte{tc.src[i]})
			}
			if bytewise.tokens != whole.tokens {
				t.Errorf("count of %q byte by byte = %d, whole = %d", tc.src, bytewise.tokens, whole.tokens)
			}
		})
	}
}

// TestRegoLimitsFitRealPolicies counts the real policies of the repository
// (the built-in bundles, tests included, the examples and the end-to-end
// test policies, broken ones too) as one run's Rego and requires them to
// take at most half of the default budget, so that the whole library,
// tests included, loads as --policy (as policy authors and an OCI copy of
// it do) with room to grow: it fails when the default gets too tight for a
// library of their size, or they outgrow it.
func TestRegoLimitsFitRealPolicies(t *testing.T) {
	t.Parallel()
	b := newRegoBudget(RegoLimits{})
	files := 0
	for _, dir := range []string{"rego", "bundles", "test/examples/policy", "test/e2e/testdata"} {
		root := filepath.Join("..", "..", filepath.FromSlash(dir))
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && isRego(d.Name()) {
				files++
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.chargeDir(root); err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
	}
	t.Logf("%d files, %d tokens, %d bytes", files, b.tokens, b.bytes)
	if files < 400 {
		t.Fatalf("only %d .rego files found: the test lost its corpus", files)
	}
	if 2*b.tokens > DefaultMaxRegoTokens {
		t.Errorf("the repository's policies are %d tokens, over half of the default limit %d", b.tokens, DefaultMaxRegoTokens)
	}
	if 2*b.bytes > DefaultMaxRegoBytes {
		t.Errorf("the repository's policies are %d bytes, over half of the default limit %d", b.bytes, DefaultMaxRegoBytes)
	}
}
