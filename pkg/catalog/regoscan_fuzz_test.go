package catalog

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// astNodes counts the nodes of the module OPA parses from src (every value
// its generic visitor reaches, and the comments), or -1 when OPA refuses
// it.
func astNodes(src []byte) int {
	m, err := ast.ParseModuleWithOpts("fuzz.rego", string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
	if err != nil {
		return -1
	}
	n := len(m.Comments)
	ast.NewGenericVisitor(func(any) bool {
		n++
		return false
	}).Walk(m)
	return n
}

// FuzzRegoTokens checks the Rego token count on arbitrary bytes: it never
// panics; it does not depend on how the bytes are split into writes; it
// never falls when bytes are appended; and for a module that OPA parses,
// the AST has at most 4 nodes a token plus 8 (the module and its package),
// which is what makes the count a bound on the memory a parse takes (the
// costliest measured, "p if q" and "package a", have 3.2 and 3.5).
func FuzzRegoTokens(f *testing.F) {
	for _, seed := range []string{
		"package a\n\nimport rego.v1\n\ndeny contains msg if {\n\tsome r in input.resources\n\tmsg := sprintf(\"%s\", [r.id])\n}\n",
		"package a\n# METADATA\n# custom:\n#   a: [[], {}]\np := 1\n",
		"package a\nx := `raw [[ string`\ny := \"\\u00e9 \\\" [\"\n",
		"package a\nx := $\"a {y} b {$\"{ {\"k\": 1}[\"k\"] }\"} c\"\n",
		"package a\nx := $`multi\nline {y} \\{`\n",
		"package a\nx := \"\\u\x80\x80\"\" [",
		"package a\np if q\n",
	} {
		f.Add([]byte(seed), uint(len(seed)/2))
	}
	f.Fuzz(func(t *testing.T, src []byte, split uint) {
		var whole regoScanner
		_, _ = whole.Write(src)
		i := int(split % uint(len(src)+1))
		var parts regoScanner
		_, _ = parts.Write(src[:i])
		prefix := parts.tokens
		_, _ = parts.Write(src[i:])
		if parts.tokens != whole.tokens {
			t.Fatalf("%q: %d tokens written whole, %d split at %d", src, whole.tokens, parts.tokens, i)
		}
		if prefix > whole.tokens {
			t.Fatalf("%q: %d tokens in its first %d bytes, %d in all", src, prefix, i, whole.tokens)
		}
		if n := astNodes(src); n > 4*whole.tokens+8 {
			t.Fatalf("%q: %d AST nodes for %d tokens", src, n, whole.tokens)
		}
	})
}
