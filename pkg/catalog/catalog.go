package catalog

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Catalog is the loaded policy: rules, modules, data and frameworks.
type Catalog struct {
	// Bundles lists every bundle loaded, built-ins first.
	Bundles []finding.Bundle
	// Rules is sorted by ID.
	Rules []finding.Rule
	// Modules holds every policy module (tests excluded) keyed by a unique
	// name: "<bundle source>/<path in bundle>". With Options.Lazy, an
	// embedded module is held by its head alone: its package clause and
	// METADATA, without rules; Parsed and AllParsed give it whole.
	Modules map[string]*ast.Module
	// Builtin marks the Modules that come from a Builtin source.
	Builtin map[string]bool
	// Data is the merged data of all bundles and --data files.
	Data map[string]any
	// Frameworks maps a framework key to its catalog of controls.
	Frameworks map[string]Framework
	// Evals lists the Rego rules the engine evaluates, sorted by rule id
	// then name.
	Evals []Eval

	// lazy holds the text of the Modules that Options.Lazy left unparsed.
	lazy map[string]*lazyModule
	// capabilities are OPA's for Rego v1, which the embedded modules are
	// parsed with (parserOptions).
	capabilities *ast.Capabilities
}

// Eval is one Rego rule to evaluate: a rule of the catalog may have several
// (deny, warn and unknown of one package).
type Eval struct {
	RuleID string
	// Ref is the rule's path, e.g. "data.tenet.aws.s3.encryption.deny".
	Ref string
	// Kind is what the rule's findings are (deny, warn, unknown); empty for
	// an exception.
	Kind finding.Kind
	// Exception marks a conftest-style package's exception rule: its value
	// names the rules whose findings it excepts, and it yields no finding.
	Exception bool
	// Raw is true for conftest-style rules, which read the raw file as input.
	Raw bool
	// PerResource is custom.input.per_resource of the rule's METADATA: in a
	// Terraform document, the rule's findings on a resource depend only on
	// that resource and on the resources that lib/terraform's joins
	// (referencing, referenced) can connect it to, directly or through
	// others. Its findings on a large plan may then be cached per group of
	// connected resources (pkg/engine/components.go), not only per shard.
	// A rule that counts, lists or tests the existence of resources it does
	// not join that way (an account-wide condition) must not declare it.
	PerResource bool
}

// Framework is the catalog of one framework version, from bundles/frameworks.
type Framework struct {
	Title    string                 `json:"title"`
	Version  string                 `json:"version,omitempty"`
	URL      string                 `json:"url,omitempty"`
	Controls map[string]ControlInfo `json:"controls"`
	// Partial is true when the catalog lists only the controls that rules
	// map to, not the whole framework, so its coverage says little.
	Partial bool `json:"partial,omitempty"`
	// Description says what the catalog is and, for a derived framework,
	// how its coverage is derived.
	Description string `json:"description,omitempty"`
	// Source records where a generated or derived catalog comes from.
	Source *FrameworkSource `json:"source,omitempty"`
	// ProfileOf names the framework this one is a profile of (a baseline:
	// a selection of its controls); Select lists the ids selected. A
	// profile has no controls of its own: Load fills Controls from the
	// base catalog. See derived.go.
	ProfileOf string   `json:"profile_of,omitempty"`
	Select    []string `json:"select,omitempty"`
	// DerivedFrom, for a framework of its own (its own ids and titles),
	// says through which crosswalk its coverage comes from another
	// framework's mappings. See derived.go.
	DerivedFrom *Crosswalk `json:"derived_from,omitempty"`

	// file is where the catalog was read, for errors.
	file string
}

// FrameworkSource is where a catalog's control list was taken from.
type FrameworkSource struct {
	Title      string `json:"title,omitempty"`
	Repository string `json:"repository,omitempty"`
	Path       string `json:"path,omitempty"`
	Commit     string `json:"commit,omitempty"`
	URL        string `json:"url,omitempty"`
	SHA256     string `json:"sha256,omitempty"`
	Version    string `json:"version,omitempty"`
}

// Crosswalk relates the controls of a derived framework to those of its
// base framework: Map[derived id] lists the base ids related to it.
type Crosswalk struct {
	Framework string              `json:"framework"`
	Map       map[string][]string `json:"map"`
	Source    *FrameworkSource    `json:"source,omitempty"`
}

// ControlInfo names one control; titles of copyrighted standards are our
// own words.
type ControlInfo struct {
	Title  string `json:"title"`
	Family string `json:"family,omitempty"`
}

// Options tunes which custom policies run.
type Options struct {
	// Namespaces are the packages whose conftest-style rules run, as with
	// conftest --namespace: names, or glob patterns (path.Match, where *
	// crosses dots) when one of them holds *, ? or [; nil means ["main"].
	// With policies from outside the built-ins, a namespace that matches no
	// package with deny, warn or violation rules is a *PolicyError, and so
	// is the default when such rules exist only outside package main.
	Namespaces []string
	// AllNamespaces runs the conftest-style rules of every package.
	AllNamespaces bool
	// DataPaths are JSON/YAML files or directories loaded as data, as with
	// conftest --data.
	DataPaths []string
	// Tests keeps the *_test.rego modules in Modules, for running the
	// policies' own tests; the engine never compiles them.
	Tests bool
	// Verify, when set, requires every source that is not embedded in the
	// binary to be a bundle signed with this key.
	Verify *VerificationKey
	// ArchiveLimits bounds .tar.gz bundles; zero fields mean the defaults.
	ArchiveLimits ArchiveLimits
	// DataLimits bounds the decoded data of bundles and DataPaths; zero
	// fields mean the defaults.
	DataLimits DataLimits
	// RegoLimits bounds the Rego source of the policies before it is
	// parsed; zero fields mean the defaults.
	RegoLimits RegoLimits
	// RegoVersion is the Rego syntax of the policies from outside the
	// built-ins (conftest's --rego-version): ast.RegoV0 for policies
	// written before OPA 1.0; zero means v1. A bundle whose .manifest
	// names its rego_version keeps it. The built-ins are always v1.
	RegoVersion ast.RegoVersion
	// MetadataOnly reads of the embedded bundles only what lists their
	// rules: each module's package and the comments above it (its
	// METADATA), not its rules, which parsing would take most of the
	// load's time for. The catalog's Rules, Frameworks and Bundles are
	// those of a full load; its Evals and Modules lack the embedded
	// rules', so it must not be compiled. Other sources load in full.
	MetadataOnly bool
	// Lazy reads the embedded bundles as MetadataOnly does, and the rule
	// names of each module from its text, so that the catalog's Rules and
	// Evals are those of a full load; each module is parsed when first
	// asked for (Catalog.Parsed). A run that evaluates one target then
	// parses only the modules its rules need.
	Lazy bool
}

// regoVersion is the syntax policies from outside the built-ins are
// parsed with.
func (b *builder) regoVersion() ast.RegoVersion {
	if b.opts.RegoVersion == ast.RegoUndefined {
		return ast.RegoV1
	}
	return b.opts.RegoVersion
}

// Load reads every source and builds the catalog.
func Load(ctx context.Context, sources []Source, opts Options) (*Catalog, error) {
	c := &Catalog{
		lazy:         map[string]*lazyModule{},
		capabilities: ast.CapabilitiesForThisVersion(ast.CapabilitiesRegoVersion(ast.RegoV1)),
		Modules:      map[string]*ast.Module{},
		Builtin:      map[string]bool{},
		Data:         map[string]any{},
		Frameworks:   map[string]Framework{},
	}
	vc, err := opts.Verify.config()
	if err != nil {
		return nil, &PolicyError{Err: err}
	}
	b := builder{cat: c, opts: opts, pkgs: map[string]*pkgInfo{}, verify: vc, limits: opts.ArchiveLimits.withDefaults(), budget: newDataBudget(opts.DataLimits), rego: newRegoBudget(opts.RegoLimits)}
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := b.add(src); err != nil {
			return nil, err
		}
	}
	if err := b.data(); err != nil {
		return nil, err
	}
	if err := b.rules(); err != nil {
		return nil, err
	}
	c.markOff()
	// Every source is read first: a mapping may name a framework whose
	// catalog comes from a bundle loaded after the rule's.
	if err := c.resolveDerived(); err != nil {
		return nil, err
	}
	if err := c.checkControls(); err != nil {
		return nil, err
	}
	c.expandDerived()
	return c, nil
}

// markOff sets Off on the rules that require a parameter that the data
// leaves unset or empty (null, "", [] or {}).
func (c *Catalog) markOff() {
	params, _ := c.Data["tenet"].(map[string]any)
	params, _ = params["params"].(map[string]any)
	for i := range c.Rules {
		r := &c.Rules[i]
		for _, name := range r.Requires {
			if emptyParam(params[name]) {
				r.Off = fmt.Sprintf("parameter %s is not set (tenet.params.%s in a --data file)", name, name)
				break
			}
		}
	}
}

func emptyParam(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}

// builder collects modules per package before rules are derived, since a
// conftest-style package may span several files.
type builder struct {
	cat    *Catalog
	opts   Options
	pkgs   map[string]*pkgInfo
	verify *bundle.VerificationConfig // nil: signatures are not checked
	limits ArchiveLimits
	budget *dataBudget
	rego   *regoBudget
	custom bool // a source outside the built-ins was added
}

// origin is where a rule is defined.
type origin struct{ bundle, file string }

type pkgInfo struct {
	path    string // without "data."
	builtin bool
	bundle  string
	file    string
	meta    *ast.Annotations  // package-scope METADATA with custom.id or library
	names   map[string]origin // rule names defined in the package, where first defined
}

func (b *builder) add(src Source) error {
	bdl, err := b.readBundle(src)
	if err != nil {
		pe := &PolicyError{File: src.Path, Err: err}
		if b.regoVersion() == ast.RegoV1 && v0Syntax(err) {
			pe.Hint = "written for Rego v0? --rego-version v0 reads it"
		}
		return pe
	}
	name := bundleName(src, bdl)
	b.custom = b.custom || !src.Builtin
	b.cat.Bundles = append(b.cat.Bundles, finding.Bundle{Name: name, Revision: bdl.Manifest.Revision, Source: sourceLabel(src)})
	if err := mergeData(b.cat.Data, bdl.Data); err != nil {
		return &PolicyError{File: src.Path, Err: err}
	}
	if src.FS != nil {
		if err := b.frameworks(src.Path, src.FS); err != nil {
			return &PolicyError{File: src.Path, Err: err}
		}
	}
	// A policy path that holds no policy would otherwise add nothing and
	// let the run pass on the built-ins alone (or on nothing at all), as a
	// mistyped directory does; conftest refuses it too.
	if src.FS == nil && !hasPolicy(bdl, b.opts.Tests) && len(bdl.Data) == 0 {
		return &PolicyError{File: src.Path, Err: errors.New("no Rego policy found (no .rego file other than *_test.rego, and no data)")}
	}
	for _, mf := range bdl.Modules {
		if slices.Contains(strings.Split(filepath.ToSlash(mf.Path), "/"), "..") {
			return &PolicyError{File: src.Path, Err: fmt.Errorf("bundle entry %q points outside the bundle (\"..\" in its path)", mf.Path)}
		}
		if mf.Parsed == nil || !b.opts.Tests && strings.HasSuffix(mf.Path, "_test.rego") {
			continue
		}
		file := moduleName(src, mf.Path)
		if _, dup := b.cat.Modules[file]; dup {
			return &PolicyError{File: file, Err: errors.New("module loaded twice")}
		}
		m := mf.Parsed
		if src.FS != nil {
			// Locations (in errors, coverage and annotations) should say
			// bundles/aws/..., not a path inside the bundle.
			relocate(m, file)
		}
		b.cat.Modules[file] = m
		b.cat.Builtin[file] = src.Builtin
		if err := b.addModule(src, name, file, m); err != nil {
			return err
		}
		if src.FS != nil && b.opts.Lazy && !b.opts.MetadataOnly && !b.opts.Tests {
			b.cat.lazy[file] = &lazyModule{text: mf.Raw}
			b.addNames(name, file, m, ruleNames(mf.Raw))
		}
	}
	return nil
}

// hasPolicy tells whether a bundle holds a Rego module that is not a test
// (or any module, when tests are wanted).
func hasPolicy(bdl *bundle.Bundle, tests bool) bool {
	for _, mf := range bdl.Modules {
		if mf.Parsed != nil && (tests || !strings.HasSuffix(mf.Path, "_test.rego")) {
			return true
		}
	}
	return false
}

func (b *builder) addModule(src Source, bundleName, file string, m *ast.Module) error {
	pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
	p := b.pkgs[pkg]
	if p == nil {
		p = &pkgInfo{path: pkg, builtin: src.Builtin, bundle: bundleName, file: file, names: map[string]origin{}}
		b.pkgs[pkg] = p
	}
	for _, a := range m.Annotations {
		if a.Scope != "package" {
			continue
		}
		if _, ok := a.Custom["id"]; ok || a.Custom["library"] == true {
			if p.meta != nil {
				return &PolicyError{File: file, Err: fmt.Errorf("package %s has METADATA in two files", pkg)}
			}
			p.meta, p.file = a, file
		}
	}
	for _, r := range m.Rules {
		if name := ruleName(r); name != "" {
			if _, seen := p.names[name]; !seen {
				// A conftest-style package may span bundles: each rule
				// reports the bundle and file that define it.
				p.names[name] = origin{bundle: bundleName, file: file}
			}
		}
	}
	return nil
}

// relocate points every location of a parsed module at file: cheaper than
// parsing the module again under that name.
func relocate(m *ast.Module, file string) {
	set := func(l *ast.Location) {
		if l != nil {
			l.File = file
		}
	}
	ast.WalkNodes(m, func(n ast.Node) bool {
		set(n.Loc())
		return false
	})
	for _, c := range m.Comments {
		set(c.Location)
	}
	for _, a := range m.Annotations {
		set(a.Location)
	}
	for _, r := range m.Rules {
		for _, a := range r.Annotations {
			set(a.Location)
		}
	}
}

func ruleName(r *ast.Rule) string {
	ref := r.Head.Ref()
	if len(ref) == 0 {
		return ""
	}
	if v, ok := ref[0].Value.(ast.Var); ok {
		return string(v)
	}
	return ""
}

// frameworks reads the framework catalogs: *.json files at the bundle root,
// each {"<framework key>": {...}}.
func (b *builder) frameworks(src string, fsys fs.FS) error {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return err
		}
		var fws map[string]Framework
		if err := decodeStrict(data, &fws); err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		for k, f := range fws {
			if _, dup := b.cat.Frameworks[k]; dup {
				return fmt.Errorf("%s: framework %q defined twice", n, k)
			}
			f.file = path.Join(src, n)
			b.cat.Frameworks[k] = f
		}
	}
	return nil
}

// mergeData deep-merges src into dst; two different values at one path are
// an error, as OPA's own bundle activation treats them.
func mergeData(dst, src map[string]any) error {
	for k, v := range src {
		cur, ok := dst[k]
		if !ok {
			dst[k] = v
			continue
		}
		cm, ok1 := cur.(map[string]any)
		vm, ok2 := v.(map[string]any)
		if !ok1 || !ok2 {
			return fmt.Errorf("data conflict at %q", k)
		}
		if err := mergeData(cm, vm); err != nil {
			return fmt.Errorf("%s.%w", k, err)
		}
	}
	return nil
}
