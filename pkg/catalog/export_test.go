package catalog

import (
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

// RuleNames exports ruleNames to the tests.
var RuleNames = ruleNames

// HeadsTable is heads.json as the parser makes it from the built-in
// sources' modules.
func HeadsTable(sources []Source) ([]byte, error) {
	var digests []string
	var entries []headEntry
	for _, src := range sources {
		d, e, err := headEntries(src.FS, src.Path)
		if err != nil {
			return nil, err
		}
		digests, entries = append(digests, d...), append(entries, e...)
	}
	return writeHeadsTable(digests, entries)
}

// ParseHead parses a module's head, from the table unless parse.
func ParseHead(name string, head []byte, parse bool) (*ast.Module, error) {
	opts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}
	if parse {
		return ast.ParseModuleWithOpts(name, string(head), opts)
	}
	if m := tableHead(name, head); m != nil {
		return m, nil
	}
	return nil, fmt.Errorf("%s: not in the table", name)
}

// PackageHead exports packageHead to the tests.
var PackageHead = packageHead
