// Package cfn reads CloudFormation and SAM templates: every resource with
// its properties evaluated where the template alone decides them
// (parameter defaults, mappings, conditions, Sub, Join...), the rest
// marked unknown, as a plan marks what is known only after apply, and the
// references between resources that Ref, GetAtt and Sub make.
package cfn

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Template is a parsed template.
type Template struct {
	// FormatVersion is AWSTemplateFormatVersion, "" when absent.
	FormatVersion string
	// Transforms are the macros the template names (SAM's is
	// AWS::Serverless-2016-10-31).
	Transforms []string
	// Resources are in the order of the file.
	Resources []Resource

	params     map[string]*node
	given      map[string]Param
	mappings   *node
	conditions *node
	ids        map[string]bool // resource logical ids
}

// Resource is one resource with its properties evaluated.
type Resource struct {
	// ID is the logical id.
	ID   string
	Type string
	// Line is where the logical id is written.
	Line int
	// Condition names the condition the resource is created under, ""
	// for none; ConditionUnknown says the template alone cannot decide
	// it (it depends on a parameter without default). A resource whose
	// condition is false is not in Template.Resources.
	Condition        string
	ConditionUnknown bool
	// Properties holds every property the template decides; one known
	// only when the stack is deployed is left out and named in Unknown.
	Properties map[string]any
	// Unknown are the dotted paths (list indexes as numbers) of the
	// properties known only when the stack is deployed.
	Unknown []string
	// Symbolic holds, for the unknown paths whose value stands for
	// specific resources, that value written with their names
	// ("${Logs.Arn}", "arn:${AWS::Partition}:s3:::${Logs}/*"); see Render.
	Symbolic map[string]any
	// Opaque are the paths of Symbolic written with a parameter that has
	// no default: the same text is the same value within a stack, but
	// Render does not give them, as the value could be anything.
	Opaque []string
	// Sensitive are the paths that take a NoEcho parameter.
	Sensitive []string
	// Refs maps a property path to the logical ids of the resources its
	// value refers to (Ref, GetAtt, Sub).
	Refs map[string][]string
	// Lines maps every property path written in the template to its line.
	Lines map[string]int
	// DependsOn are the logical ids of DependsOn.
	DependsOn []string
	// Metadata is the resource's Metadata, evaluated as its properties.
	Metadata map[string]any
}

// ErrNotTemplate is returned for a document without a Resources mapping
// of typed resources.
var ErrNotTemplate = errors.New("not a CloudFormation template: no Resources mapping of resources with a Type")

// Param is a parameter's value given from outside the template: by the
// parent stack of a nested stack.
type Param struct {
	Value any
	// Known is false for a value the parent leaves to the deployment.
	Known bool
}

// Parse reads the template in doc, a YAML (or JSON, which yaml.v3 reads
// too, with lines) document node.
func Parse(doc *yaml.Node) (*Template, error) { return ParseWith(doc, nil) }

// ParseWith is Parse with parameter values that replace the defaults.
func ParseWith(doc *yaml.Node, params map[string]Param) (*Template, error) {
	root, err := convert(doc, 0)
	if err != nil {
		return nil, err
	}
	if root.kind != mapNode {
		return nil, ErrNotTemplate
	}
	res := root.get("Resources")
	if res == nil || res.kind != mapNode {
		return nil, ErrNotTemplate
	}
	t := &Template{
		params:     map[string]*node{},
		given:      params,
		mappings:   root.get("Mappings"),
		conditions: root.get("Conditions"),
		ids:        map[string]bool{},
	}
	t.FormatVersion, _ = root.get("AWSTemplateFormatVersion").str()
	switch tr := root.get("Transform"); {
	case tr == nil:
	case tr.kind == seqNode:
		for _, v := range tr.vals {
			if s, ok := v.str(); ok {
				t.Transforms = append(t.Transforms, s)
			}
		}
	default:
		if s, ok := tr.str(); ok {
			t.Transforms = append(t.Transforms, s)
		}
	}
	if ps := root.get("Parameters"); ps != nil && ps.kind == mapNode {
		for i, k := range ps.keys {
			t.params[k] = ps.vals[i]
		}
	}
	sam := slices.Contains(t.Transforms, SAMTransform)
	for i, id := range res.keys {
		t.ids[id] = true
		if typ, _ := res.vals[i].get("Type").str(); sam && typ == "AWS::Serverless::Function" {
			// The transform's resources, which a template may name:
			// !GetAtt FnRole.Arn.
			t.ids[id+"Role"], t.ids[id+"Url"] = true, true
		}
	}
	if sam {
		applyGlobals(root.get("Globals"), res)
	}
	ev := newEvaluator(t)
	for i, id := range res.keys {
		r, ok, err := ev.resource(id, res.vals[i])
		if err != nil {
			return nil, err
		}
		if ok {
			t.Resources = append(t.Resources, r)
		}
	}
	if sam {
		t.Resources = expandSAM(t.Resources)
	}
	return t, nil
}

// IsTemplate tells a template from other YAML or JSON by its content: an
// AWSTemplateFormatVersion, or a Resources mapping whose every member has
// a Type of AWS::..., Custom::... or Alexa::... .
func IsTemplate(doc *yaml.Node) bool {
	for doc != nil && doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc == nil || doc.Kind != yaml.MappingNode {
		return false
	}
	var resources *yaml.Node
	for i := 0; i+1 < len(doc.Content); i += 2 {
		switch doc.Content[i].Value {
		case "AWSTemplateFormatVersion":
			return true
		case "Resources":
			resources = doc.Content[i+1]
		}
	}
	if resources == nil || resources.Kind != yaml.MappingNode || len(resources.Content) == 0 {
		return false
	}
	for i := 1; i < len(resources.Content); i += 2 {
		r := resources.Content[i]
		typ := ""
		if r.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(r.Content); j += 2 {
				if r.Content[j].Value == "Type" {
					typ = r.Content[j+1].Value
				}
			}
		}
		if !strings.HasPrefix(typ, "AWS::") && !strings.HasPrefix(typ, "Custom::") && !strings.HasPrefix(typ, "Alexa::") {
			return false
		}
	}
	return true
}

// resource evaluates one resource; ok is false when its condition is
// false, so it is never created.
func (e *evaluator) resource(id string, n *node) (r Resource, ok bool, err error) {
	if n.kind != mapNode {
		return r, false, lineErr(n.line, "resource %s is not a mapping", id)
	}
	typ, _ := n.get("Type").str()
	if typ == "" {
		return r, false, lineErr(n.line, "resource %s has no Type", id)
	}
	r = Resource{ID: id, Type: typ, Line: n.line, Refs: map[string][]string{}, Lines: map[string]int{}}
	if c := n.get("Condition"); c != nil {
		r.Condition, _ = c.str()
		// A resource is left out only when its condition is false
		// whatever the parameters: one false by a parameter's default
		// exists as soon as the stack is deployed with another value,
		// and would otherwise never be checked.
		v, known := e.exists.condition(r.Condition)
		if known && !v {
			return r, false, nil
		}
		r.ConditionUnknown = !known
	}
	switch d := n.get("DependsOn"); {
	case d == nil:
	case d.kind == seqNode:
		for _, v := range d.vals {
			if s, ok := v.str(); ok {
				r.DependsOn = append(r.DependsOn, s)
			}
		}
	default:
		if s, ok := d.str(); ok {
			r.DependsOn = []string{s}
		}
	}
	out := &collector{res: &r}
	r.Properties = map[string]any{}
	if p := n.get("Properties"); p != nil {
		v, known, _ := e.into(p, "", out)
		if m, ok := v.(map[string]any); ok && known {
			r.Properties = m
		}
	}
	if m := n.get("Metadata"); m != nil {
		if v, ok := e.value(m); ok.known {
			r.Metadata, _ = v.(map[string]any)
		}
	}
	sort.Strings(r.Unknown)
	sort.Strings(r.Sensitive)
	sort.Strings(r.Opaque)
	for p, ids := range r.Refs {
		sort.Strings(ids)
		r.Refs[p] = compact(ids)
	}
	return r, true, nil
}

func compact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// Render is the property at path with its unknown parts written
// symbolically; ok is false when a part is unknown and has no symbolic form
// (a parameter without default, an import, a condition the template cannot
// decide), or the property is absent. A policy document that names the
// template's own resources can be judged this way: such a name is never a
// wildcard.
func (r *Resource) Render(path string) (v any, ok bool) {
	for _, o := range r.Opaque {
		if (o == path || strings.HasPrefix(o, path+".")) && !inCondition(o) {
			return nil, false
		}
	}
	return r.RenderNames(path)
}

// RenderNames is Render that writes parameters without default by name
// too ("${DbPassword}"): for reading a text for what the template itself
// writes, such as credentials in user data, where a parameter is never a
// secret written in the template.
func (r *Resource) RenderNames(path string) (v any, ok bool) {
	if s, ok := r.Symbolic[path]; ok {
		return s, true
	}
	if slices.Contains(r.Unknown, path) {
		return nil, false
	}
	v, ok = Lookup(r.Properties, path)
	if !ok {
		return nil, false
	}
	prefix := path + "."
	for _, u := range r.Unknown {
		if !strings.HasPrefix(u, prefix) {
			continue
		}
		s, ok := r.Symbolic[u]
		if !ok {
			return nil, false
		}
		v = place(v, strings.Split(u[len(prefix):], "."), s)
	}
	return v, true
}

// inCondition tells a path inside a policy statement's Condition: a
// parameter there narrows the statement whatever its value, so the
// document can still be judged, with the value written by name.
func inCondition(path string) bool {
	return strings.Contains(path, ".Condition.")
}

// Lookup is the value at a dotted path (list indexes as numbers) of a
// value decoded from a template.
func Lookup(v any, path string) (any, bool) {
	if path == "" {
		return v, true
	}
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[k]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// place returns v with s at the path keys, copying what it changes, so
// that Properties is left as it is.
func place(v any, keys []string, s any) any {
	if len(keys) == 0 {
		return s
	}
	switch x := v.(type) {
	case map[string]any:
		m := maps.Clone(x)
		m[keys[0]] = place(x[keys[0]], keys[1:], s)
		return m
	case []any:
		i, err := strconv.Atoi(keys[0])
		if err != nil || i < 0 || i >= len(x) {
			return v
		}
		l := slices.Clone(x)
		l[i] = place(x[i], keys[1:], s)
		return l
	}
	return v
}

// LineError is a problem at a line of the template.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

func (e *LineError) Unwrap() error { return e.Err }

func lineErr(line int, format string, args ...any) error {
	return &LineError{Line: line, Err: fmt.Errorf(format, args...)}
}
