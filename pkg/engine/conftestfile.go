package engine

import (
	"fmt"
	"path/filepath"

	"github.com/open-policy-agent/opa/v1/ast"
)

// rawWith makes the conftest-style rules see, as in conftest,
// data.conftest.file: the name and directory of the file being checked.
// The store is shared by every evaluation, so the query takes them from
// its input, {"doc": <raw document>, "file": {...}}, and gives the rules
// the document as their input.
const rawWith = " with data.conftest.file as input.file with input as input.doc"

// rawInput is the input of the raw query for one raw document of the file
// at path. The name and directory are those conftest writes: of the
// absolute path ("Combined" for a combined run, "-" for standard input).
func rawInput(raw any, path string) (ast.Value, error) {
	file := map[string]any{"name": path, "dir": ""}
	if abs, err := filepath.Abs(path); err == nil {
		file = map[string]any{"name": filepath.Base(abs), "dir": filepath.Dir(abs)}
	}
	val, err := ast.InterfaceToValue(map[string]any{"doc": raw, "file": file})
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	return val, nil
}
