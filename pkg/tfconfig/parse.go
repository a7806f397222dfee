package tfconfig

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

// module is one directory of configuration files, parsed but not
// evaluated: a module is evaluated once per instance (each caller, each
// count or for_each key).
type module struct {
	dir       string
	variables map[string]*variable
	locals    map[string]*hcl.Attribute
	outputs   map[string]*hcl.Attribute
	calls     map[string]*call
	resources []*resourceBlock
	providers map[string]hcl.Body // "aws", "aws.west"
	// sources maps a provider's local name to its source address, from
	// required_providers.
	sources map[string]string
}

type variable struct {
	name      string
	typeExpr  hcl.Expression // nil when the type is not constrained
	def       hcl.Expression // nil when there is no default
	sensitive bool
	nullable  bool
}

type call struct {
	name      string
	source    string
	count     hcl.Expression
	forEach   hcl.Expression
	providers hcl.Expression
	args      map[string]*hcl.Attribute
	rng       hcl.Range
}

type resourceBlock struct {
	mode, typ, name string
	count, forEach  hcl.Expression
	provider        string // "aws.west"; "" for the default of the type
	body            hcl.Body
	rng             hcl.Range
}

var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "ephemeral", LabelNames: []string{"type", "name"}},
	{Type: "moved"}, {Type: "import"}, {Type: "removed"},
	{Type: "check", LabelNames: []string{"name"}},
}}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "type"}, {Name: "default"}, {Name: "description"}, {Name: "sensitive"}, {Name: "nullable"}, {Name: "ephemeral"},
}, Blocks: []hcl.BlockHeaderSchema{{Type: "validation"}}}

var resourceMeta = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "count"}, {Name: "for_each"}, {Name: "provider"}, {Name: "depends_on"},
}, Blocks: []hcl.BlockHeaderSchema{
	{Type: "lifecycle"}, {Type: "provisioner", LabelNames: []string{"type"}}, {Type: "connection"},
}}

var callMeta = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "source", Required: true}, {Name: "version"}, {Name: "count"}, {Name: "for_each"},
	{Name: "providers"}, {Name: "depends_on"},
}}

var terraformSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "required_providers"}}}

// configFiles lists the configuration files of dir, sorted, as Terraform
// reads them: *.tf and *.tf.json, and apart, sorted, the override files,
// which Terraform merges into the others.
func configFiles(dir string) (files, overrides []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".tf") && !strings.HasSuffix(name, ".tf.json") {
			continue
		}
		if strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		base := strings.TrimSuffix(strings.TrimSuffix(name, ".json"), ".tf")
		p := filepath.Join(dir, name)
		if base == "override" || strings.HasSuffix(base, "_override") {
			overrides = append(overrides, p)
			continue
		}
		files = append(files, p)
	}
	sort.Strings(files)
	return files, overrides, nil
}

// parseModule parses the configuration files of dir.
func (l *loader) parseModule(dir string) (*module, error) {
	files, overrides, err := configFiles(dir)
	if err != nil {
		return nil, &Error{File: dir, Msg: readError(err)}
	}
	if len(files) == 0 && len(overrides) == 0 {
		return nil, &Error{File: dir, Msg: "no Terraform configuration files (.tf, .tf.json) in the directory"}
	}
	m := &module{dir: dir, variables: map[string]*variable{}, locals: map[string]*hcl.Attribute{},
		outputs: map[string]*hcl.Attribute{}, calls: map[string]*call{}, providers: map[string]hcl.Body{},
		sources: map[string]string{}}
	for _, path := range files {
		body, err := l.parseFile(path)
		if err != nil {
			return nil, err
		}
		if err := m.add(body); err != nil {
			return nil, err
		}
	}
	if err := l.applyOverrides(m, overrides); err != nil {
		return nil, err
	}
	return m, nil
}

// parseFile reads and parses one file, native syntax or JSON.
func (l *loader) parseFile(path string) (hcl.Body, error) {
	data, err := l.read(path)
	if err != nil {
		return nil, &Error{File: path, Msg: readError(err)}
	}
	l.files++
	if l.files > maxFiles {
		return nil, &Error{File: path, Msg: fmt.Sprintf("more than %d configuration files in the modules of one directory", maxFiles)}
	}
	f, diags := parseSource(path, data)
	if diags.HasErrors() {
		return nil, diagError(diags)
	}
	return f.Body, nil
}

// parseSource parses data, read from path: JSON syntax for a .json file,
// native syntax otherwise.
func parseSource(path string, data []byte) (*hcl.File, hcl.Diagnostics) {
	if strings.HasSuffix(path, ".json") {
		return hclparse.NewParser().ParseJSON(data, path)
	}
	return hclparse.NewParser().ParseHCL(data, path)
}

// add adds the blocks of one file to m.
func (m *module) add(body hcl.Body) error {
	content, diags := body.Content(fileSchema)
	if diags.HasErrors() {
		return diagError(diags)
	}
	for _, b := range content.Blocks {
		var err error
		switch b.Type {
		case "variable":
			err = m.addVariable(b)
		case "locals":
			err = m.addLocals(b)
		case "output":
			err = m.addOutput(b)
		case "module":
			err = m.addCall(b)
		case "resource", "data":
			err = m.addResource(b)
		case "provider":
			key := b.Labels[0]
			attrs, _ := b.Body.JustAttributes()
			if alias, ok := attrs["alias"]; ok {
				if v, d := alias.Expr.Value(nil); !d.HasErrors() && v.Type().FriendlyName() == "string" && v.IsKnown() && !v.IsNull() {
					key += "." + v.AsString()
				}
			}
			m.providers[key] = b.Body
		case "terraform":
			m.addRequiredProviders(b.Body)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (m *module) addVariable(b *hcl.Block) error {
	name := b.Labels[0]
	if _, dup := m.variables[name]; dup {
		return rangeError(b.DefRange, fmt.Sprintf("duplicate variable %q", name))
	}
	content, diags := b.Body.Content(variableSchema)
	if diags.HasErrors() {
		return diagError(diags)
	}
	v := &variable{name: name, nullable: true}
	if a, ok := content.Attributes["type"]; ok {
		v.typeExpr = a.Expr
	}
	if a, ok := content.Attributes["default"]; ok {
		v.def = a.Expr
	}
	v.sensitive = constBool(content.Attributes["sensitive"], false)
	v.nullable = constBool(content.Attributes["nullable"], true)
	m.variables[name] = v
	return nil
}

func (m *module) addLocals(b *hcl.Block) error {
	attrs, diags := b.Body.JustAttributes()
	if diags.HasErrors() {
		return diagError(diags)
	}
	for name, a := range attrs {
		if prev, dup := m.locals[name]; dup {
			return rangeError(a.NameRange, fmt.Sprintf("duplicate local value %q (first at %s)", name, prev.NameRange))
		}
		m.locals[name] = a
	}
	return nil
}

func (m *module) addOutput(b *hcl.Block) error {
	name := b.Labels[0]
	attrs, _ := b.Body.JustAttributes() // precondition blocks are not read
	if a, ok := attrs["value"]; ok {
		m.outputs[name] = a
	}
	return nil
}

func (m *module) addCall(b *hcl.Block) error {
	name := b.Labels[0]
	if _, dup := m.calls[name]; dup {
		return rangeError(b.DefRange, fmt.Sprintf("duplicate module call %q", name))
	}
	content, rest, diags := b.Body.PartialContent(callMeta)
	if diags.HasErrors() {
		return diagError(diags)
	}
	src, d := content.Attributes["source"].Expr.Value(nil)
	if d.HasErrors() || !src.IsKnown() || src.IsNull() || src.Type().FriendlyName() != "string" {
		return rangeError(content.Attributes["source"].Expr.Range(), "a module source must be a literal string")
	}
	args, diags := rest.JustAttributes()
	if diags.HasErrors() {
		return diagError(diags)
	}
	c := &call{name: name, source: src.AsString(), args: args, rng: b.DefRange}
	c.count = attrExpr(content, "count")
	c.forEach = attrExpr(content, "for_each")
	c.providers = attrExpr(content, "providers")
	m.calls[name] = c
	return nil
}

func (m *module) addResource(b *hcl.Block) error {
	content, rest, diags := b.Body.PartialContent(resourceMeta)
	if diags.HasErrors() {
		return diagError(diags)
	}
	r := &resourceBlock{mode: "managed", typ: b.Labels[0], name: b.Labels[1], body: rest, rng: b.DefRange}
	if b.Type == "data" {
		r.mode = "data"
	}
	r.count = attrExpr(content, "count")
	r.forEach = attrExpr(content, "for_each")
	if a, ok := content.Attributes["provider"]; ok {
		if t, d := hcl.AbsTraversalForExpr(a.Expr); !d.HasErrors() {
			r.provider = traversalString(t)
		}
	}
	for _, other := range m.resources {
		if other.mode == r.mode && other.typ == r.typ && other.name == r.name {
			return rangeError(b.DefRange, fmt.Sprintf("duplicate resource %s.%s (first at %s)", r.typ, r.name, other.rng))
		}
	}
	m.resources = append(m.resources, r)
	return nil
}

// addRequiredProviders records the source address of each provider that
// required_providers names.
func (m *module) addRequiredProviders(body hcl.Body) {
	content, _, _ := body.PartialContent(terraformSchema)
	for _, b := range content.Blocks {
		attrs, _ := b.Body.JustAttributes()
		for name, a := range attrs {
			v, d := a.Expr.Value(nil)
			if d.HasErrors() || !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute("source") {
				continue
			}
			if s := v.GetAttr("source"); s.IsKnown() && !s.IsNull() && s.Type().FriendlyName() == "string" {
				m.sources[name] = s.AsString()
			}
		}
	}
}

func attrExpr(c *hcl.BodyContent, name string) hcl.Expression {
	if a, ok := c.Attributes[name]; ok {
		return a.Expr
	}
	return nil
}

// constBool is the value of a, a constant boolean, or def.
func constBool(a *hcl.Attribute, def bool) bool {
	if a == nil {
		return def
	}
	v, d := a.Expr.Value(nil)
	if d.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type().FriendlyName() != "bool" {
		return def
	}
	return v.True()
}

func traversalString(t hcl.Traversal) string {
	var parts []string
	for _, s := range t {
		switch s := s.(type) {
		case hcl.TraverseRoot:
			parts = append(parts, s.Name)
		case hcl.TraverseAttr:
			parts = append(parts, s.Name)
		}
	}
	return strings.Join(parts, ".")
}
