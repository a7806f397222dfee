package cfn

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// SAMTransform is the transform that makes a template a SAM template.
const SAMTransform = "AWS::Serverless-2016-10-31"

// globalSections maps a SAM resource type to its section of Globals.
var globalSections = map[string]string{
	"AWS::Serverless::Function":     "Function",
	"AWS::Serverless::Api":          "Api",
	"AWS::Serverless::HttpApi":      "HttpApi",
	"AWS::Serverless::SimpleTable":  "SimpleTable",
	"AWS::Serverless::StateMachine": "StateMachine",
}

// applyGlobals writes the Globals section of a SAM template into the
// properties of each serverless resource that does not set them itself,
// as the transform does (mappings such as Environment.Variables and Tags
// are merged key by key), before evaluation, so that the properties keep
// the lines of Globals.
func applyGlobals(globals, resources *node) {
	if globals == nil || globals.kind != mapNode {
		return
	}
	for _, res := range resources.vals {
		typ, _ := res.get("Type").str()
		section := globals.get(globalSections[typ])
		if section == nil || section.kind != mapNode || res.kind != mapNode {
			continue
		}
		props := res.get("Properties")
		if props == nil {
			props = &node{kind: mapNode, line: res.line}
			res.keys = append(res.keys, "Properties")
			res.vals = append(res.vals, props)
		}
		if props.kind == mapNode {
			merge(props, section)
		}
	}
}

// merge adds to dst the keys of src it lacks, and merges the mappings
// both have.
func merge(dst, src *node) {
	for i, k := range src.keys {
		mine := dst.get(k)
		switch {
		case mine == nil:
			dst.keys = append(dst.keys, k)
			dst.vals = append(dst.vals, src.vals[i])
		case mine.kind == mapNode && src.vals[i].kind == mapNode:
			merge(mine, src.vals[i])
		}
	}
}

// expandSAM replaces each serverless resource with the CloudFormation
// resources the transform deploys for it, so that the view reads them as
// though written by hand: a function is an AWS::Lambda::Function with,
// when it names no role, the AWS::IAM::Role the transform creates.
func expandSAM(rs []Resource) []Resource {
	var out []Resource
	for _, r := range rs {
		switch r.Type {
		case "AWS::Serverless::Function":
			out = append(out, samFunction(r)...)
		case "AWS::Serverless::SimpleTable":
			out = append(out, samTable(r))
		case "AWS::Serverless::Api":
			out = append(out, samAPI(r)...)
		case "AWS::Serverless::HttpApi":
			out = append(out, samHTTPAPI(r)...)
		case "AWS::Serverless::LayerVersion":
			l := derive(r, r.ID, "AWS::Lambda::LayerVersion")
			copyProps(&l, &r, "LayerName", "Description", "CompatibleRuntimes", "CompatibleArchitectures", "LicenseInfo")
			out = append(out, l)
		default:
			out = append(out, r)
		}
	}
	return out
}

// derive starts a resource that the transform makes from r, at r's line.
func derive(r Resource, id, typ string) Resource {
	return Resource{ID: id, Type: typ, Line: r.Line, Condition: r.Condition, ConditionUnknown: r.ConditionUnknown,
		Properties: map[string]any{}, Refs: map[string][]string{}, Lines: map[string]int{}, DependsOn: r.DependsOn}
}

// move copies property from of src to property to of dst, with everything
// known about it: lines, unknown parts, references, symbolic values.
func move(dst *Resource, to string, src *Resource, from string) {
	found := false
	if v, ok := Lookup(src.Properties, from); ok {
		dst.Properties = Build(dst.Properties, strings.Split(to, "."), v).(map[string]any)
		found = true
	}
	rename := func(p string) (string, bool) {
		if p == from {
			return to, true
		}
		if rest, ok := strings.CutPrefix(p, from+"."); ok {
			return to + "." + rest, true
		}
		return "", false
	}
	for p, line := range src.Lines {
		if q, ok := rename(p); ok {
			dst.Lines[q] = line
			found = true
		}
	}
	if !found {
		return
	}
	for _, p := range src.Unknown {
		if q, ok := rename(p); ok {
			dst.Unknown = append(dst.Unknown, q)
		}
	}
	for _, p := range src.Opaque {
		if q, ok := rename(p); ok {
			dst.Opaque = append(dst.Opaque, q)
		}
	}
	for _, p := range src.Sensitive {
		if q, ok := rename(p); ok {
			dst.Sensitive = append(dst.Sensitive, q)
		}
	}
	for p, ids := range src.Refs {
		if q, ok := rename(p); ok {
			dst.Refs[q] = ids
		}
	}
	for p, v := range src.Symbolic {
		if q, ok := rename(p); ok {
			if dst.Symbolic == nil {
				dst.Symbolic = map[string]any{}
			}
			dst.Symbolic[q] = v
		}
	}
}

// copyProps moves the named properties under the same names.
func copyProps(dst, src *Resource, names ...string) {
	for _, n := range names {
		move(dst, n, src, n)
	}
}

// set writes a value the transform computes, at line.
func set(dst *Resource, path string, v any, line int) {
	dst.Properties = Build(dst.Properties, strings.Split(path, "."), v).(map[string]any)
	dst.Lines[path] = line
}

// refer writes a reference to the resource id (Ref or GetAtt id.attr).
func refer(dst *Resource, path, id, attr string, line int) {
	name := id
	if attr != "" {
		name += "." + attr
	}
	if dst.Symbolic == nil {
		dst.Symbolic = map[string]any{}
	}
	dst.Symbolic[path] = "${" + name + "}"
	dst.Unknown = append(dst.Unknown, path)
	dst.Refs[path] = []string{id}
	dst.Lines[path] = line
}

// tagList turns SAM's Tags mapping into CloudFormation's Key/Value list,
// keeping lines and unknown values.
func tagList(dst *Resource, src *Resource, extra map[string]string) {
	tags, _ := src.Properties["Tags"].(map[string]any)
	keys := slices.Sorted(maps.Keys(tags))
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		if _, ok := tags[k]; !ok {
			keys = append(keys, k)
		}
	}
	var unknownKeys []string
	for _, u := range src.Unknown {
		if k, ok := strings.CutPrefix(u, "Tags."); ok && !strings.Contains(k, ".") {
			unknownKeys = append(unknownKeys, k)
		}
	}
	sort.Strings(unknownKeys)
	keys = append(keys, unknownKeys...)
	if len(keys) == 0 {
		return
	}
	list := make([]any, len(keys))
	for i, k := range keys {
		item := "Tags." + strconv.Itoa(i)
		line := src.Lines["Tags."+k]
		if line == 0 {
			line = src.Line
		}
		dst.Lines[item+".Key"] = line
		switch v, ok := tags[k]; {
		case ok:
			list[i] = map[string]any{"Key": k, "Value": v}
			dst.Lines[item+".Value"] = line
		case slices.Contains(unknownKeys, k):
			list[i] = map[string]any{"Key": k}
			dst.Unknown = append(dst.Unknown, item+".Value")
		default:
			list[i] = map[string]any{"Key": k, "Value": extra[k]}
		}
	}
	dst.Properties["Tags"] = list
	dst.Lines["Tags"] = src.Lines["Tags"]
}

// Build returns c with v at keys, making the lists and mappings on the
// way; it changes c in place where it can.
func Build(c any, keys []string, v any) any {
	if len(keys) == 0 {
		return v
	}
	if i, err := strconv.Atoi(keys[0]); err == nil {
		l, _ := c.([]any)
		for len(l) <= i {
			l = append(l, map[string]any{})
		}
		l[i] = Build(l[i], keys[1:], v)
		return l
	}
	m, _ := c.(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	m[keys[0]] = Build(m[keys[0]], keys[1:], v)
	return m
}
