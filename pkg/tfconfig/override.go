package tfconfig

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// applyOverrides merges override files (override.tf, *_override.tf and
// their .tf.json forms, in name order) into m, as Terraform does: each
// block replaces, in the block of the same type and labels, the
// attributes it sets and, for resources, every nested block of a type it
// has. A block with nothing to override is an error, as in Terraform.
func (l *loader) applyOverrides(m *module, files []string) error {
	for _, path := range files {
		body, err := l.parseFile(path)
		if err != nil {
			return err
		}
		content, diags := body.Content(fileSchema)
		if diags.HasErrors() {
			return diagError(diags)
		}
		for _, b := range content.Blocks {
			if err := m.override(b); err != nil {
				return err
			}
		}
	}
	return nil
}

func (m *module) override(b *hcl.Block) error {
	missing := func(what string) error {
		return rangeError(b.DefRange, fmt.Sprintf("override for %s: there is no such block in the other files to override", what))
	}
	switch b.Type {
	case "resource", "data":
		mode := "managed"
		if b.Type == "data" {
			mode = "data"
		}
		for _, r := range m.resources {
			if r.mode == mode && r.typ == b.Labels[0] && r.name == b.Labels[1] {
				return r.override(b)
			}
		}
		return missing(b.Type + " " + b.Labels[0] + "." + b.Labels[1])
	case "variable":
		v, ok := m.variables[b.Labels[0]]
		if !ok {
			return missing("variable " + b.Labels[0])
		}
		content, diags := b.Body.Content(variableSchema)
		if diags.HasErrors() {
			return diagError(diags)
		}
		if a, ok := content.Attributes["type"]; ok {
			v.typeExpr = a.Expr
		}
		if a, ok := content.Attributes["default"]; ok {
			v.def = a.Expr
		}
		v.sensitive = constBool(content.Attributes["sensitive"], v.sensitive)
		v.nullable = constBool(content.Attributes["nullable"], v.nullable)
	case "locals":
		attrs, diags := b.Body.JustAttributes()
		if diags.HasErrors() {
			return diagError(diags)
		}
		for name, a := range attrs {
			if _, ok := m.locals[name]; !ok {
				return missing("local " + name)
			}
			m.locals[name] = a
		}
	case "output":
		if _, ok := m.outputs[b.Labels[0]]; !ok {
			return missing("output " + b.Labels[0])
		}
		attrs, _ := b.Body.JustAttributes()
		if a, ok := attrs["value"]; ok {
			m.outputs[b.Labels[0]] = a
		}
	case "module":
		c, ok := m.calls[b.Labels[0]]
		if !ok {
			return missing("module " + b.Labels[0])
		}
		return c.override(b)
	case "terraform":
		m.addRequiredProviders(b.Body)
	case "provider":
		// Provider blocks are read only for default_tags: an override of
		// one replaces it whole.
		m.providers[b.Labels[0]] = b.Body
	}
	return nil
}

// override merges an override block into r.
func (r *resourceBlock) override(b *hcl.Block) error {
	content, rest, diags := b.Body.PartialContent(resourceMeta)
	if diags.HasErrors() {
		return diagError(diags)
	}
	if e := attrExpr(content, "count"); e != nil {
		r.count, r.forEach = e, nil
	}
	if e := attrExpr(content, "for_each"); e != nil {
		r.forEach, r.count = e, nil
	}
	if a, ok := content.Attributes["provider"]; ok {
		if t, d := hcl.AbsTraversalForExpr(a.Expr); !d.HasErrors() {
			r.provider = traversalString(t)
		}
	}
	base, ok1 := r.body.(*hclsyntax.Body)
	over, ok2 := rest.(*hclsyntax.Body)
	if !ok1 || !ok2 {
		return rangeError(b.DefRange, "override files are merged only between native-syntax (.tf) files")
	}
	merged := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: base.SrcRange, EndRange: base.EndRange}
	for name, a := range base.Attributes {
		merged.Attributes[name] = a
	}
	for name, a := range over.Attributes {
		if !skipped[name] {
			merged.Attributes[name] = a
		}
	}
	replaced := map[string]bool{}
	for _, blk := range over.Blocks {
		replaced[blockType(blk)] = true
	}
	for _, blk := range base.Blocks {
		if !replaced[blockType(blk)] {
			merged.Blocks = append(merged.Blocks, blk)
		}
	}
	for _, blk := range over.Blocks {
		if !skipped[blk.Type] {
			merged.Blocks = append(merged.Blocks, blk)
		}
	}
	r.body = merged
	return nil
}

// blockType is the type a nested block makes: a dynamic block makes its
// label's.
func blockType(b *hclsyntax.Block) string {
	if b.Type == "dynamic" && len(b.Labels) == 1 {
		return b.Labels[0]
	}
	return b.Type
}

// override merges an override block into the module call c.
func (c *call) override(b *hcl.Block) error {
	schema := *callMeta
	schema.Attributes = append([]hcl.AttributeSchema{}, callMeta.Attributes...)
	schema.Attributes[0].Required = false // source
	content, rest, diags := b.Body.PartialContent(&schema)
	if diags.HasErrors() {
		return diagError(diags)
	}
	if a, ok := content.Attributes["source"]; ok {
		v, d := a.Expr.Value(nil)
		if d.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type().FriendlyName() != "string" {
			return rangeError(a.Expr.Range(), "a module source must be a literal string")
		}
		c.source = v.AsString()
	}
	if e := attrExpr(content, "count"); e != nil {
		c.count, c.forEach = e, nil
	}
	if e := attrExpr(content, "for_each"); e != nil {
		c.forEach, c.count = e, nil
	}
	if e := attrExpr(content, "providers"); e != nil {
		c.providers = e
	}
	args, diags := rest.JustAttributes()
	if diags.HasErrors() {
		return diagError(diags)
	}
	for name, a := range args {
		c.args[name] = a
	}
	return nil
}
