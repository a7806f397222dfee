// Package conftestfn gives policies conftest's built-ins for parsing
// configuration themselves: parse_config(parser, text),
// parse_config_file(path) and parse_combined_config_files(paths), with
// the parsers tenet has (json, yaml, hcl2, dockerfile), returning what
// conftest-style policies see of such a file.
//
// As in conftest, a path is relative to the directory of the policy file
// that calls the built-in (an absolute path too: it is joined to that
// directory). A policy is not trusted to read the machine: the file
// built-ins read only regular files under the working directory or the
// directory of an input being evaluated (no "..", no symbolic link out of
// it), at most MaxFileBytes each, as Terraform's file() is not evaluated
// for the same reason. Nor is a policy trusted with secrets: unless the
// Scope allows it, what they return has the sensitive values of the
// inputs, and of a Terraform plan or state they read, masked, as the
// policy's input has. A refused or failed call stops the evaluation of
// that input with an error, never a silent pass: an ordinary built-in
// error would make the call undefined and the rule quietly find nothing.
package conftestfn

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/pkg/tfconfig"
)

// MaxFileBytes bounds a file parse_config_file reads.
const MaxFileBytes = 16 << 20

// The declarations, as conftest declares them.
var (
	parseConfig = &ast.Builtin{
		Name: "parse_config",
		Decl: types.NewFunction(types.Args(types.Named("parser", types.S), types.Named("config", types.S)), types.A),
	}
	parseConfigFile = &ast.Builtin{
		Name: "parse_config_file",
		Decl: types.NewFunction(types.Args(types.Named("path", types.S)), types.A),
	}
	parseCombined = &ast.Builtin{
		Name: "parse_combined_config_files",
		Decl: types.NewFunction(types.Args(types.Named("paths", types.NewArray(nil, types.S))), types.A),
	}
)

// Decls are the declarations, for the compiler's capabilities.
func Decls() []*ast.Builtin { return []*ast.Builtin{parseConfig, parseConfigFile, parseCombined} }

// Functions are the implementations, for rego.New.
func Functions() []func(*rego.Rego) {
	return []func(*rego.Rego){
		rego.Function2(&rego.Function{Name: parseConfig.Name, Decl: parseConfig.Decl}, func(bctx rego.BuiltinContext, p, c *ast.Term) (*ast.Term, error) {
			v, err := callParse(bctx.Context, p, c)
			return halt(v, err)
		}),
		rego.Function1(&rego.Function{Name: parseConfigFile.Name, Decl: parseConfigFile.Decl}, func(bctx rego.BuiltinContext, p *ast.Term) (*ast.Term, error) {
			v, err := callFile(bctx, p)
			return halt(v, err)
		}),
		rego.Function1(&rego.Function{Name: parseCombined.Name, Decl: parseCombined.Decl}, func(bctx rego.BuiltinContext, ps *ast.Term) (*ast.Term, error) {
			v, err := callCombined(bctx, ps)
			return halt(v, err)
		}),
	}
}

// TesterBuiltins are Functions for OPA's test runner.
func TesterBuiltins() []*tester.Builtin {
	fns := Functions()
	out := make([]*tester.Builtin, len(fns))
	for i, d := range Decls() {
		out[i] = &tester.Builtin{Decl: d, Func: fns[i]}
	}
	return out
}

// halt turns an error into one that stops the evaluation; OPA's message
// names the built-in ("eval_builtin_error: parse_config_file: ...").
func halt(v any, err error) (*ast.Term, error) {
	if err == nil {
		var t ast.Value
		if t, err = ast.InterfaceToValue(v); err == nil {
			return ast.NewTerm(t), nil
		}
	}
	return nil, rego.NewHaltError(err)
}

func callParse(ctx context.Context, p, c *ast.Term) (any, error) {
	parser, ok1 := p.Value.(ast.String)
	config, ok2 := c.Value.(ast.String)
	if !ok1 || !ok2 {
		return nil, errors.New("want a parser name and a string")
	}
	return Parse(ctx, string(parser), "parse_config", []byte(config))
}

func callFile(bctx rego.BuiltinContext, p *ast.Term) (any, error) {
	path, ok := p.Value.(ast.String)
	if !ok {
		return nil, errors.New("want a path")
	}
	return ParseFile(bctx.Context, policyFile(bctx), string(path))
}

func callCombined(bctx rego.BuiltinContext, ps *ast.Term) (any, error) {
	arr, ok := ps.Value.(*ast.Array)
	if !ok {
		return nil, errors.New("want an array of paths")
	}
	type entry struct {
		path     string
		contents any
	}
	var entries []entry
	for i := range arr.Len() {
		path, ok := arr.Elem(i).Value.(ast.String)
		if !ok {
			return nil, errors.New("want an array of paths")
		}
		v, err := ParseFile(bctx.Context, policyFile(bctx), string(path))
		if err != nil {
			return nil, err
		}
		// A file of several documents gives one entry each, as conftest
		// --combine does, under the path that was read (joined to the
		// policy's directory), as conftest names it.
		docs, several := v.([]any)
		if !several {
			docs = []any{v}
		}
		for _, d := range docs {
			entries = append(entries, entry{path: filepath.Join(filepath.Dir(policyFile(bctx)), string(path)), contents: d})
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].path < entries[j].path })
	out := make([]any, len(entries))
	for i, e := range entries {
		out[i] = map[string]any{"path": e.path, "contents": e.contents}
	}
	return out, nil
}

// policyFile is the file of the policy that makes the call.
func policyFile(bctx rego.BuiltinContext) string {
	if bctx.Location == nil {
		return ""
	}
	return bctx.Location.File
}

// Parse parses data, named name in errors, with the parser conftest calls
// parser: json, yaml (or yml), hcl2 (or tf, hcl), dockerfile.
func Parse(ctx context.Context, parser, name string, data []byte) (any, error) {
	v, _, err := parse(ctx, parser, name, data)
	return v, err
}

// parse is Parse that also gives the sensitive values the parsed file
// holds itself: those of a Terraform plan or state, and the defaults of
// variables a configuration file declares sensitive.
func parse(ctx context.Context, parser, name string, data []byte) (any, []string, error) {
	switch strings.ToLower(parser) {
	case "hcl2", "hcl", "tf":
		raw, err := tfconfig.RawFile(name, data)
		if err != nil {
			return nil, nil, err
		}
		doc := input.Document{Source: input.Source{Path: name, Format: input.FormatTerraform}, Raw: raw}
		return raw, doc.SensitiveStrings(), nil
	case "json":
		return parseAs(ctx, input.FormatJSON, name, data)
	case "yaml", "yml":
		return parseAs(ctx, input.FormatYAML, name, data)
	case "dockerfile":
		return parseAs(ctx, input.FormatDockerfile, name, data)
	}
	return nil, nil, fmt.Errorf("parser %q: tenet parses json, yaml, hcl2 and dockerfile", parser)
}

// parseAs reads data with tenet's loader for format, as conftest-style
// policies see it (its raw form), within the loader's limits.
func parseAs(ctx context.Context, format input.Format, name string, data []byte) (any, []string, error) {
	doc, err := loader.Parse(ctx, name, data, loader.Options{Format: format, KeepRaw: true})
	if err != nil {
		return nil, nil, err
	}
	// A value decoded from JSON again, so that numbers are those of the
	// policies' own input.
	b, err := json.Marshal(doc.Raw)
	if err != nil {
		return nil, nil, err
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, nil, err
	}
	return v, doc.SensitiveStrings(), nil
}

// ParseFile reads path, relative to the directory of the policy file
// policy, which must lead to a regular file under the working directory
// or an input's directory (see WithScope), and parses it with the parser
// its name implies. Unless the scope lets policies see secrets, the
// inputs' sensitive values and the file's own are masked in the result.
func ParseFile(ctx context.Context, policy, path string) (any, error) {
	sc := scopeOf(ctx)
	full := filepath.Join(filepath.Dir(policy), path)
	data, err := readConfined(full, sc.roots())
	if err != nil {
		return nil, err
	}
	v, own, err := parse(ctx, parserFor(full), path, data)
	if err != nil || !sc.mask() {
		return v, err
	}
	return input.MaskSecrets(v, longestFirst(own, sc.secrets())), nil
}

// parserFor is the parser a file's name implies, as conftest picks it.
func parserFor(path string) string {
	base := strings.ToLower(filepath.Base(path))
	switch {
	case strings.HasSuffix(base, ".tf.json"), strings.HasSuffix(base, ".json"):
		return "json"
	case strings.HasSuffix(base, ".yaml"), strings.HasSuffix(base, ".yml"):
		return "yaml"
	case strings.HasSuffix(base, ".tf"), strings.HasSuffix(base, ".hcl"), strings.HasSuffix(base, ".tfvars"):
		return "hcl2"
	case base == "dockerfile", strings.HasPrefix(base, "dockerfile."), strings.HasSuffix(base, ".dockerfile"), base == "containerfile":
		return "dockerfile"
	}
	return filepath.Ext(base)
}
