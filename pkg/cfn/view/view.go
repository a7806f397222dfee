// Package view turns the resources of a CloudFormation template into the
// Terraform resource view that tenet's AWS rules read: an AWS::S3::Bucket
// becomes an aws_s3_bucket with Terraform's attribute names, so that one
// rule, with one id and one control mapping, judges a control whatever
// the source (docs/cloudformation.md says why). What the template leaves
// unknown until the stack is deployed is unknown in the view, as in a
// plan; references become refs; every attribute keeps its property's line.
//
// A resource type without a mapping keeps its CloudFormation type and
// properties: no built-in rule selects it, and the input is reported as
// not evaluated when nothing else in it is checked.
package view

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
	"github.com/tenet-dev/tenet/pkg/input"
)

// mapping writes the Terraform resources that express src.
type mapping func(v *View, src *cfn.Resource)

// mappings are the CloudFormation types the view knows, one file per
// service.
var mappings = map[string]mapping{}

// register adds the mappings of a service; called from the init of its
// file, so that a service is one file.
func register(m map[string]mapping) {
	for k, f := range m {
		if _, ok := mappings[k]; ok {
			panic("cfn/view: " + k + " is mapped twice") // two files claim one type: a programming error
		}
		mappings[k] = f
	}
}

// Mapped lists the CloudFormation types that have a mapping, sorted.
func Mapped() []string {
	types := make([]string, 0, len(mappings))
	for t := range mappings {
		types = append(types, t)
	}
	sort.Strings(types)
	return types
}

// View builds the resources of one template.
type View struct {
	file string
	tmpl *cfn.Template
	out  []*Res
	// names maps the name a resource is given (BucketName, TopicName...),
	// known or written symbolically, to the logical ids that have it.
	names map[string][]string
}

// Resources is the Terraform view of every resource of t, read from file.
func Resources(t *cfn.Template, file string) []input.Resource {
	v := &View{file: file, tmpl: t, names: names(t)}
	for i := range t.Resources {
		src := &t.Resources[i]
		if m, ok := mappings[src.Type]; ok {
			m(v, src)
			continue
		}
		v.native(src)
	}
	out := make([]input.Resource, len(v.out))
	for i, r := range v.out {
		out[i] = r.finish()
	}
	return out
}

// names indexes the resources of t by the names their *Name properties
// give them. A policy that names its bucket by the same
// "${AppName}-${AWS::Region}" as the bucket's BucketName is about that
// bucket, though neither name is known before the stack is deployed: the
// view joins the two as a Terraform reference would.
//
// Only a resource's own name counts (a bucket's BucketName, a subnet
// group's DBSubnetGroupName, a plain Name): a database that names its
// subnet group by the same expression refers to the group, and is not
// the group.
func names(t *cfn.Template) map[string][]string {
	out := map[string][]string{}
	for _, r := range t.Resources {
		own := func(k string) bool {
			return k == "Name" || strings.HasSuffix(k, "Name") && strings.Contains(k, r.Type[strings.LastIndex(r.Type, ":")+1:])
		}
		for k, v := range r.Properties {
			if s, ok := v.(string); ok && s != "" && own(k) {
				out[s] = append(out[s], r.ID)
			}
		}
		for k, v := range r.Symbolic {
			if s, ok := v.(string); ok && own(k) {
				out[s] = append(out[s], r.ID)
			}
		}
	}
	return out
}

// native adds src as it is written: its type and properties.
func (v *View) native(src *cfn.Resource) {
	r := v.add(src, src.Type, "")
	r.r.Values = src.Properties
	r.r.Unknown = slices.Clone(src.Unknown)
	r.r.Sensitive = slices.Clone(src.Sensitive)
	for p, ids := range src.Refs {
		r.ref(stripIndexes(p), ids...)
	}
	for p, line := range src.Lines {
		r.line(p, line)
		r.configured[stripIndexes(p)] = true
	}
}

// Res is one resource of the view under construction.
type Res struct {
	r          input.Resource
	src        *cfn.Resource
	view       *View
	configured map[string]bool
}

// add starts a resource of type typ for src. The main resource of a
// logical id has its address; one that expresses a part of it (a bucket's
// public access block) adds "." and the property it comes from, which no
// logical id can hold.
func (v *View) add(src *cfn.Resource, typ, part string) *Res {
	addr := src.ID
	line := src.Line
	if part != "" {
		addr += "." + part
		if l, ok := src.Lines[part]; ok {
			line = l
		}
	}
	r := &Res{src: src, view: v, configured: map[string]bool{}, r: input.Resource{
		Address:       addr,
		ConfigAddress: addr,
		Type:          typ,
		Name:          src.ID,
		Mode:          "managed",
		Action:        input.ActionApply,
		Values:        map[string]any{},
		Location:      input.Location{File: v.file, Line: line},
	}}
	v.out = append(v.out, r)
	return r
}

// Main adds the resource that src becomes.
func (v *View) Main(src *cfn.Resource, typ string) *Res { return v.add(src, typ, "") }

// Part adds a resource for the part of src that property prop configures,
// pointing at main through attr (a bucket's aws_s3_bucket_versioning has
// bucket = the bucket).
func (v *View) Part(src *cfn.Resource, typ, prop string, main *Res, attr string) *Res {
	r := v.add(src, typ, prop)
	r.Link(attr, main)
	return r
}

// Link makes attr refer to the resource to, as a Terraform reference
// does.
func (r *Res) Link(attr string, to *Res) {
	r.ref(attr, to.r.ConfigAddress)
	r.configured[attr] = true
	if _, ok := r.r.Values[attr]; !ok && !slices.Contains(r.r.Unknown, attr) {
		r.r.Unknown = append(r.r.Unknown, attr)
	}
}

// Has tells whether the template writes property prop (known or not).
func (r *Res) Has(prop string) bool {
	_, ok := r.src.Lines[prop]
	return ok
}

// Unknown tells whether property prop, or a property that holds it, is
// known only when the stack is deployed.
func (r *Res) Unknown(prop string) bool { return unknownProp(r.src, prop) }

// Writes tells whether the template writes property prop, known or not:
// what a mapping asks before it maps a property whose absence means the
// service's default.
func (r *Res) Writes(prop string) bool { return writes(r.src, prop) }

// SetOr is SetFunc when the template writes prop; otherwise it writes def,
// the service's default, as though property from wrote it.
func (r *Res) SetOr(attr, prop string, f func(any) (any, bool), def any, from string) {
	if r.Writes(prop) {
		r.SetFunc(attr, prop, f)
		return
	}
	r.Value(attr, from, def)
}

func unknownProp(src *cfn.Resource, prop string) bool {
	for _, u := range src.Unknown {
		if u == prop || strings.HasPrefix(prop, u+".") {
			return true
		}
	}
	return false
}

func writes(src *cfn.Resource, prop string) bool {
	_, ok := src.Lines[prop]
	return ok || unknownProp(src, prop)
}

// Get is the value of property prop; ok is false when it is absent or
// unknown.
func (r *Res) Get(prop string) (any, bool) {
	if r.Unknown(prop) {
		return nil, false
	}
	return cfn.Lookup(r.src.Properties, prop)
}

// Len is the number of items of the list property prop; 0 when it is
// absent, unknown or not a list.
func (r *Res) Len(prop string) int {
	v, _ := r.Get(prop)
	l, _ := v.([]any)
	return len(l)
}

// Set copies property prop to attribute attr (dotted, list indexes as
// numbers: "versioning.0.enabled"): its value, or unknown, its references
// and its line. Nothing is written when the template leaves prop out.
func (r *Res) Set(attr, prop string) {
	r.SetFunc(attr, prop, func(v any) (any, bool) { return v, true })
}

// SetFunc is Set with the value converted by f; f returns false to leave
// the attribute out (a value the attribute cannot hold).
func (r *Res) SetFunc(attr, prop string, f func(any) (any, bool)) {
	if !r.Writes(prop) {
		return
	}
	r.from(attr, prop)
	if r.Unknown(prop) {
		r.unknown(attr)
		return
	}
	v, ok := cfn.Lookup(r.src.Properties, prop)
	if !ok {
		return
	}
	if v, ok = f(v); ok {
		r.put(attr, v)
	}
}

// Value writes v to attribute attr as though property prop wrote it: its
// line and references, or unknown when prop is.
func (r *Res) Value(attr, prop string, v any) {
	r.from(attr, prop)
	if r.Unknown(prop) {
		r.unknown(attr)
		return
	}
	r.put(attr, v)
}

// UnknownAttr marks attribute attr unknown, as property prop decides it.
func (r *Res) UnknownAttr(attr, prop string) {
	r.from(attr, prop)
	r.unknown(attr)
}

// from records that attr comes from prop: configured, its line and the
// references of prop and everything in it.
func (r *Res) from(attr, prop string) {
	plain := stripIndexes(attr)
	if r.Writes(prop) {
		r.configured[plain] = true
	}
	if line, ok := r.src.Lines[prop]; ok {
		r.line(attr, line)
	}
	for p, ids := range r.src.Refs {
		if p == prop || strings.HasPrefix(p, prop+".") {
			r.ref(plain, ids...)
		}
	}
	if s, ok := r.src.Symbolic[prop].(string); ok {
		for _, id := range r.view.names[s] {
			if id != r.src.ID {
				r.ref(plain, id)
			}
		}
	}
}

func (r *Res) unknown(attr string) {
	if !slices.Contains(r.r.Unknown, attr) {
		r.r.Unknown = append(r.r.Unknown, attr)
	}
}

func (r *Res) line(attr string, line int) {
	if r.r.Location.Attributes == nil {
		r.r.Location.Attributes = map[string]int{}
	}
	r.r.Location.Attributes[attr] = line
}

func (r *Res) ref(attr string, ids ...string) {
	if r.r.Refs == nil {
		r.r.Refs = map[string][]string{}
	}
	r.r.Refs[attr] = append(r.r.Refs[attr], ids...)
}

// put writes v at the dotted path attr, making the blocks (lists of one
// object) and objects on the way.
func (r *Res) put(attr string, v any) {
	r.r.Values = cfn.Build(r.r.Values, strings.Split(attr, "."), v).(map[string]any)
}

func (r *Res) finish() input.Resource {
	out := r.r
	if len(out.Refs) == 0 {
		out.Refs = nil
	}
	for k, ids := range out.Refs {
		sort.Strings(ids)
		out.Refs[k] = slices.Compact(ids)
	}
	sort.Strings(out.Unknown)
	out.Configured = make([]string, 0, len(r.configured))
	for k := range r.configured {
		out.Configured = append(out.Configured, k)
	}
	sort.Strings(out.Configured)
	sort.Strings(out.Sensitive)
	return out
}

// Sensitive marks attribute attr sensitive when property prop takes a
// NoEcho parameter.
func (r *Res) Sensitive(attr, prop string) {
	if slices.Contains(r.src.Sensitive, prop) {
		r.r.Sensitive = append(r.r.Sensitive, attr)
	}
}

func stripIndexes(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}
