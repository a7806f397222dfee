package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

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

// RegoModules exports regoModules to the tests.
var RegoModules = regoModules

// writeHeadsTable writes entries, by the digest of each head's text, as
// heads.json holds them: in the order of their files, one to a line.
func writeHeadsTable(digests []string, entries []headEntry) ([]byte, error) {
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(entries[a].File, entries[b].File) })
	var buf bytes.Buffer
	buf.WriteString("{\n")
	for n, i := range order {
		line, err := json.Marshal(entries[i])
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&buf, "%q: %s", digests[i], line)
		if n < len(order)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}

// headEntries parses the head of each module (but tests) of fsys, named
// under prefix, as addHeads does without the table: the entries the table
// can hold and the digests of their heads.
func headEntries(fsys fs.FS, prefix string) (digests []string, entries []headEntry, err error) {
	opts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}
	names, err := regoModules(fsys)
	if err != nil {
		return nil, nil, err
	}
	for _, name := range names {
		_, head, err := readHead(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		m, err := ast.ParseModuleWithOpts("/"+name, string(head), opts)
		if err != nil {
			return nil, nil, err
		}
		if e, ok := newHeadEntry(path.Join(prefix, name), m); ok {
			digests, entries = append(digests, headDigest(head)), append(entries, e)
		}
	}
	return digests, entries, nil
}
