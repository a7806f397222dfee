package tfconfig

import (
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// resources adds the resource instances of this module instance.
func (i *instance) resources() error {
	for _, r := range i.mod.resources {
		if err := i.l.ctx.Err(); err != nil {
			return err
		}
		base := r.typ + "." + r.name
		if r.mode == "data" {
			base = "data." + base
		}
		keys, why := i.expand(r.count, r.forEach, nil)
		if why != "" {
			i.l.res.Unread = append(i.l.res.Unread, Unread{Address: i.prefix + base, File: r.rng.Filename, Line: r.rng.Start.Line, Reason: why})
			continue
		}
		if err := i.l.reserve(len(keys), r.rng); err != nil {
			return err
		}
		for _, k := range keys {
			res := i.resource(r, k)
			res.Address = i.addr + dot(i.addr) + base + k.suffix()
			res.ConfigAddress = i.prefix + base
			i.l.res.Resources = append(i.l.res.Resources, res)
		}
	}
	return nil
}

// resource evaluates one instance of r.
func (i *instance) resource(r *resourceBlock, k key) Resource {
	acc := &accumulator{values: map[string]any{}, refs: map[string][]string{}, lines: map[string]int{}, configured: []string{},
		file: r.rng.Filename, attrs: schemaTypes()[schemaKey(r.mode, r.typ)]}
	if b, ok := r.body.(*hclsyntax.Body); ok {
		i.nativeBody(b, k.extra, "", "", acc.values, acc)
	} else {
		i.jsonBody(r.body, k.extra, acc)
	}
	providerKey := r.provider
	if providerKey == "" {
		providerKey = providerName(r.typ)
	}
	p, ok := i.providers[providerKey]
	if !ok {
		p = provider{source: i.mod.sourceOf(providerName(providerKey))}
	}
	if r.mode == "managed" && p.defaultTags != cty.NilVal && strings.HasPrefix(r.typ, "aws_") {
		acc.tagsAll(p.defaultTags)
	}
	sort.Strings(acc.unknown)
	sort.Strings(acc.sensitive)
	return Resource{
		Module: i.addr, Mode: r.mode, Type: r.typ, Name: r.name, Provider: p.source, Index: k.index,
		Values: acc.values, Unknown: acc.unknown, Sensitive: acc.sensitive, Refs: acc.refs,
		Configured: append([]string{}, sortedUnique(acc.configured)...), File: r.rng.Filename, Line: r.rng.Start.Line, Attributes: acc.lines,
	}
}

// accumulator gathers what one resource's body gives.
type accumulator struct {
	values             map[string]any
	unknown, sensitive []string
	refs               map[string][]string
	lines              map[string]int
	configured         []string
	// file is the file of the resource block: an attribute written in an
	// override file has no line there.
	file string
	// attrs are the types of the resource type's attributes
	// (schemaTypes), to which Terraform would convert their values.
	attrs map[string]string
}

// line records the line of path, written at r, when r is in the file of
// the resource block.
func (acc *accumulator) line(path string, r hcl.Range) {
	if r.Filename == acc.file {
		acc.lines[path] = r.Start.Line
	}
}

// skipped are the meta-arguments and blocks of a resource that are not
// attributes.
var skipped = map[string]bool{"count": true, "for_each": true, "provider": true, "depends_on": true,
	"lifecycle": true, "provisioner": true, "connection": true}

// nativeBody evaluates a native-syntax body into out: attributes as
// values, nested blocks as lists of objects (as a plan shows the blocks of
// SDK providers), dynamic blocks expanded. path is the dotted path of out
// with indexes, cpath without.
func (i *instance) nativeBody(b *hclsyntax.Body, extra map[string]cty.Value, path, cpath string, out map[string]any, acc *accumulator) {
	for name, a := range b.Attributes {
		if path == "" && skipped[name] {
			continue
		}
		i.attribute(name, a.Expr, a.SrcRange, extra, path, cpath, out, acc)
	}
	for _, blk := range b.Blocks {
		if path == "" && skipped[blk.Type] {
			continue
		}
		if blk.Type == "dynamic" && len(blk.Labels) == 1 {
			i.dynamic(blk, extra, path, cpath, out, acc)
			continue
		}
		i.block(blk.Type, blk.Body, blk.TypeRange, extra, path, cpath, out, acc)
	}
}

// block appends one nested block of type typ to out[typ].
func (i *instance) block(typ string, body *hclsyntax.Body, at hcl.Range, extra map[string]cty.Value, path, cpath string, out map[string]any, acc *accumulator) {
	list, _ := out[typ].([]any)
	p := join(path, typ) + "." + strconv.Itoa(len(list))
	if _, ok := acc.lines[join(path, typ)]; !ok {
		acc.line(join(path, typ), at)
	}
	acc.line(p, at)
	obj := map[string]any{}
	i.nativeBody(body, extra, p, join(cpath, typ), obj, acc)
	out[typ] = append(list, obj)
}

// dynamic expands a dynamic block: one block per element of for_each, or
// the block's path unknown when for_each is not known before apply.
func (i *instance) dynamic(blk *hclsyntax.Block, extra map[string]cty.Value, path, cpath string, out map[string]any, acc *accumulator) {
	typ := blk.Labels[0]
	iterator := typ
	var forEach hcl.Expression
	for name, a := range blk.Body.Attributes {
		switch name {
		case "for_each":
			forEach = a.Expr
		case "iterator":
			if t, d := hcl.AbsTraversalForExpr(a.Expr); !d.HasErrors() {
				iterator = t.RootName()
			}
		}
	}
	var content *hclsyntax.Block
	for _, c := range blk.Body.Blocks {
		if c.Type == "content" {
			content = c
		}
	}
	if forEach == nil || content == nil {
		return
	}
	acc.configured = append(acc.configured, join(cpath, typ))
	if r := i.refs(forEach, extra); len(r) > 0 {
		acc.refs[join(cpath, typ)] = sortedUnique(append(acc.refs[join(cpath, typ)], r...))
	}
	v, _ := i.eval(forEach, extra).UnmarkDeep()
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
		if _, listed := out[typ]; !listed {
			acc.unknown = append(acc.unknown, join(path, typ))
		}
		acc.line(join(path, typ), blk.TypeRange)
		return
	}
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		ex := with(extra, iterator, cty.ObjectVal(map[string]cty.Value{"key": k, "value": val}))
		i.block(typ, content.Body, blk.TypeRange, ex, path, cpath, out, acc)
	}
}

// attribute evaluates one attribute into out[name].
func (i *instance) attribute(name string, expr hcl.Expression, at hcl.Range, extra map[string]cty.Value, path, cpath string, out map[string]any, acc *accumulator) {
	p, cp := join(path, name), join(cpath, name)
	acc.line(p, at)
	acc.configured = append(acc.configured, cp)
	if r := i.refs(expr, extra); len(r) > 0 {
		acc.refs[cp] = sortedUnique(append(acc.refs[cp], r...))
	}
	v := i.eval(expr, extra)
	if val, ok := acc.value(v, p); ok {
		if acc.attrs != nil {
			val = typed(acc.attrs, cp, val)
		}
		out[name] = val
	}
}

// jsonBody evaluates a JSON body: every property is an attribute (the
// JSON syntax does not say which are blocks without the provider's schema).
func (i *instance) jsonBody(body hcl.Body, extra map[string]cty.Value, acc *accumulator) {
	attrs, _ := body.JustAttributes()
	for name, a := range attrs {
		i.attribute(name, a.Expr, a.Range, extra, "", "", acc.values, acc)
	}
}

// tagsAll sets tags_all, as the AWS provider plans it: the provider's
// default tags under the resource's own.
func (acc *accumulator) tagsAll(defaults cty.Value) {
	for _, u := range acc.unknown {
		if u == "tags" || strings.HasPrefix(u, "tags.") {
			acc.unknown = append(acc.unknown, "tags_all")
			return
		}
	}
	d, ok := acc.value(defaults, "tags_all")
	m, isMap := d.(map[string]any)
	if !ok || !isMap {
		return
	}
	all := map[string]any{}
	for k, v := range m {
		all[k] = v
	}
	if own, ok := acc.values["tags"].(map[string]any); ok {
		for k, v := range own {
			all[k] = v
		}
	}
	acc.values["tags_all"] = all
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}
