package engine

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/tenet-dev/tenet/pkg/conftestfn"
)

// restricted lists the built-in functions that policies may not call unless
// allowed by name: they reach the network or leak the environment of the
// machine running tenet, and a compliance check needs neither.
var restricted = []string{"http.send", "net.lookup_ip_addr", "opa.runtime"}

// Restricted returns the built-in functions that policies may not call
// unless allowed by name (a copy: the list is not the caller's to change).
func Restricted() []string { return slices.Clone(restricted) }

// networkBuiltins are the Restricted built-ins that reach the network:
// allowing one of them lifts allow_net.
var networkBuiltins = []string{"http.send", "net.lookup_ip_addr"}

// Capabilities returns OPA's capabilities without the Restricted built-ins,
// except those named in allow, with tenet's JSON-schema built-ins beside
// OPA's (see SandboxModules). Names that are not restricted are ignored.
//
// allow_net is an empty list, no host: OPA reads an unset allow_net as
// "any host", and it is what OPA's JSON-schema $ref loading and the
// compile-time schema checks consult. Allowing http.send or
// net.lookup_ip_addr by name is asking for the network, and leaves it unset.
func Capabilities(allow []string) *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if slices.Contains(restricted, b.Name) && !slices.Contains(allow, b.Name) {
			continue
		}
		kept = append(kept, b)
	}
	for _, name := range slices.Sorted(maps.Keys(schemaBuiltins)) {
		kept = append(kept, safeDecl(name))
	}
	kept = append(kept, conftestfn.Decls()...)
	caps.Builtins = kept
	caps.AllowNet = []string{}
	if slices.ContainsFunc(networkBuiltins, func(n string) bool { return slices.Contains(allow, n) }) {
		caps.AllowNet = nil
	}
	return caps
}

// explainRestricted adds to the compiler's "undefined function" errors for
// restricted built-ins why they are missing and how to allow them.
func explainRestricted(errs ast.Errors) ast.Errors {
	for _, e := range errs {
		for _, name := range restricted {
			if strings.Contains(e.Message, "undefined function "+name) {
				e.Message += fmt.Sprintf(" (tenet runs policies without network access or runtime information; allow it with --allow-builtin %s)", name)
			}
		}
	}
	return errs
}

// schemaBuiltins are OPA's JSON-schema built-ins and the position of their
// schema argument. OPA resolves a schema's "$ref" to another document by
// reading it: file:// references from the local disk whatever the
// capabilities say, URLs from any host allow_net admits. A policy could
// read a local file, or send what it knows (a password in a plan) to any
// host in the URL of a reference. The evaluator always runs OPA's own
// implementation for a built-in's name, so policies call tenet's versions
// instead, under another name (SandboxModules rewrites the calls): they
// refuse a schema that refers outside itself, then call OPA's.
var schemaBuiltins = map[string]struct {
	decl   *ast.Builtin
	schema int
}{
	"json.match_schema":  {ast.JSONMatchSchema, 1},
	"json.verify_schema": {ast.JSONSchemaVerify, 0},
}

// safeName is the name tenet's version of an OPA built-in is called by.
func safeName(name string) string { return "tenet_sandbox." + strings.ReplaceAll(name, ".", "_") }

func safeDecl(name string) *ast.Builtin {
	b := *schemaBuiltins[name].decl
	b.Name = safeName(name)
	return &b
}

// SandboxModules returns modules with every reference to a JSON-schema
// built-in replaced by tenet's version; modules without one are returned
// as they are, the others as copies.
func SandboxModules(modules map[string]*ast.Module) map[string]*ast.Module {
	out := make(map[string]*ast.Module, len(modules))
	for name, m := range modules {
		out[name] = sandboxModule(m)
	}
	return out
}

func sandboxModule(m *ast.Module) *ast.Module {
	found := false
	ast.WalkRefs(m, func(r ast.Ref) bool {
		if _, ok := schemaCall(r); ok {
			found = true
		}
		return found
	})
	if !found {
		return m
	}
	c := m.Copy()
	// The visitor cannot fail.
	_, _ = ast.TransformRefs(c, func(r ast.Ref) (ast.Value, error) {
		if name, ok := schemaCall(r); ok {
			return ast.MustParseRef(safeName(name)), nil
		}
		return r, nil
	})
	return c
}

// schemaCall tells whether r names one of schemaBuiltins, and which.
func schemaCall(r ast.Ref) (string, bool) {
	if len(r) != 2 {
		return "", false
	}
	name := r.String()
	_, ok := schemaBuiltins[name]
	return name, ok
}

// SandboxFunctions are the implementations of tenet's versions of OPA's
// built-ins, and of conftest's parse_config built-ins, for rego.New.
func SandboxFunctions() []func(*rego.Rego) {
	var out []func(*rego.Rego)
	for _, name := range slices.Sorted(maps.Keys(schemaBuiltins)) {
		out = append(out, safeFunction(name))
	}
	return append(out, conftestfn.Functions()...)
}

// SandboxTesterBuiltins are SandboxFunctions for OPA's test runner.
func SandboxTesterBuiltins() []*tester.Builtin {
	var out []*tester.Builtin
	for _, name := range slices.Sorted(maps.Keys(schemaBuiltins)) {
		out = append(out, &tester.Builtin{Decl: safeDecl(name), Func: safeFunction(name)})
	}
	return append(out, conftestfn.TesterBuiltins()...)
}

func safeFunction(name string) func(*rego.Rego) {
	sb := schemaBuiltins[name]
	decl := &rego.Function{Name: safeName(name), Decl: sb.decl.Decl}
	impl := topdown.GetBuiltin(name)
	call := func(bctx rego.BuiltinContext, terms []*ast.Term) (*ast.Term, error) {
		if err := checkSchemaRefs(terms[sb.schema].Value); err != nil {
			// A halt, not an ordinary built-in error: those make the call
			// undefined, and a policy that refused to run must not pass.
			return nil, rego.NewHaltError(fmt.Errorf("%w (%s)", err, name))
		}
		var out *ast.Term
		err := impl(bctx, terms, func(t *ast.Term) error { out = t; return nil })
		return out, err
	}
	if len(sb.decl.Decl.FuncArgs().Args) == 1 {
		return rego.Function1(decl, func(bctx rego.BuiltinContext, a *ast.Term) (*ast.Term, error) {
			return call(bctx, []*ast.Term{a})
		})
	}
	return rego.Function2(decl, func(bctx rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
		return call(bctx, []*ast.Term{a, b})
	})
}

// errSchemaRef is the error of a schema that refers outside itself. It
// does not quote the reference: a URL can carry what the policy wanted to
// send, a secret among others, and errors go to CI logs.
var errSchemaRef = errors.New("tenet loads no schema by file or network access; inline the referenced schema")

// checkSchemaRefs refuses a schema (an object, or its JSON text) with a
// "$ref" that is not a fragment of the schema itself ("#/definitions/x"),
// or an "$id" or draft-4 "id" that is a URI: a base URI is what turns a
// fragment into a reference to another document. Values of keywords that
// hold data, not schemas (const, enum, default, examples), are not read.
// Text that is not JSON is left to OPA, which reports it.
func checkSchemaRefs(v ast.Value) error {
	if s, ok := v.(ast.String); ok {
		var doc any
		if err := util.UnmarshalJSON([]byte(s), &doc); err != nil {
			return nil
		}
		parsed, err := ast.InterfaceToValue(doc)
		if err != nil {
			return nil
		}
		v = parsed
	}
	var bad error
	walkSchema(v, func(key string, val ast.Value) {
		s, ok := val.(ast.String)
		if !ok || bad != nil {
			return
		}
		switch key {
		case "$ref":
			if !strings.HasPrefix(string(s), "#") {
				bad = fmt.Errorf(`schema reference "$ref" outside the schema: %w`, errSchemaRef)
			}
		case "$id", "id":
			if strings.Contains(string(s), ":") {
				bad = fmt.Errorf(`schema reference base %q is a URI: %w`, key, errSchemaRef)
			}
		}
	})
	return bad
}

// walkSchema calls f on every member of every object in v, except inside
// the keywords whose values are data.
func walkSchema(v ast.Value, f func(key string, val ast.Value)) {
	switch x := v.(type) {
	case ast.Object:
		x.Foreach(func(k, val *ast.Term) {
			key, ok := k.Value.(ast.String)
			if !ok {
				return
			}
			f(string(key), val.Value)
			switch key {
			case "const", "enum", "default", "examples":
				return
			}
			walkSchema(val.Value, f)
		})
	case *ast.Array:
		x.Foreach(func(t *ast.Term) { walkSchema(t.Value, f) })
	}
}
