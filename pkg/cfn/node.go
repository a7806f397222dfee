package cfn

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// node is one value of a template as written: a scalar, a mapping (keys
// in file order), a sequence, or an intrinsic function call, whichever of
// the long form ({"Fn::Join": ...}, {"Ref": ...}) or the YAML short form
// (!Join, !Ref) it was written in.
type node struct {
	kind  nodeKind
	value any // scalar: string, bool, int64, float64 or nil
	keys  []string
	vals  []*node // mapping values, by keys' index; sequence items
	fn    string  // call: "Ref", "Condition" or "Fn::Join"...
	arg   *node   // call: the argument
	line  int
}

type nodeKind int

const (
	scalarNode nodeKind = iota
	mapNode
	seqNode
	callNode
)

// get is the value of key in a mapping node; nil when absent.
func (n *node) get(key string) *node {
	if n == nil || n.kind != mapNode {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// str is the value of a string scalar.
func (n *node) str() (string, bool) {
	if n == nil || n.kind != scalarNode {
		return "", false
	}
	s, ok := n.value.(string)
	return s, ok
}

// shortForms maps the YAML short-form tags to the functions they write.
var shortForms = map[string]string{
	"!Ref": "Ref", "!Condition": "Condition",
	"!Base64": "Fn::Base64", "!Cidr": "Fn::Cidr", "!FindInMap": "Fn::FindInMap",
	"!GetAtt": "Fn::GetAtt", "!GetAZs": "Fn::GetAZs", "!ImportValue": "Fn::ImportValue",
	"!Join": "Fn::Join", "!Select": "Fn::Select", "!Split": "Fn::Split", "!Sub": "Fn::Sub",
	"!Transform": "Fn::Transform", "!And": "Fn::And", "!Equals": "Fn::Equals",
	"!If": "Fn::If", "!Not": "Fn::Not", "!Or": "Fn::Or", "!Length": "Fn::Length",
	"!ToJsonString": "Fn::ToJsonString",
}

// maxDepth bounds the nesting of a template, which the evaluation walks
// recursively.
const maxDepth = 200

// convert turns a parsed YAML (or JSON) node into a template node. Tags it
// does not know (a tool's own, such as !Rain) become calls that evaluate
// to unknown: the template means something tenet cannot see.
func convert(y *yaml.Node, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, lineErr(y.Line, "nested more than %d levels", maxDepth)
	}
	for y.Kind == yaml.AliasNode {
		y = y.Alias
	}
	if y.Kind == yaml.DocumentNode {
		if len(y.Content) == 0 {
			return &node{kind: scalarNode, line: y.Line}, nil
		}
		return convert(y.Content[0], depth+1)
	}
	tag := y.Tag
	if strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!") {
		plain := *y
		plain.Tag = ""
		if plain.Kind == yaml.ScalarNode {
			plain.Tag = "!!str"
		}
		arg, err := convert(&plain, depth+1)
		if err != nil {
			return nil, err
		}
		fn, ok := shortForms[tag]
		if !ok {
			fn = tag
		}
		if fn == "Fn::GetAtt" && arg.kind == scalarNode {
			// !GetAtt Resource.Attribute (the attribute may hold dots).
			s, _ := arg.value.(string)
			res, attr, _ := strings.Cut(s, ".")
			arg = &node{kind: seqNode, line: arg.line, vals: []*node{
				{kind: scalarNode, value: res, line: arg.line},
				{kind: scalarNode, value: attr, line: arg.line},
			}}
		}
		return &node{kind: callNode, fn: fn, arg: arg, line: y.Line}, nil
	}
	switch y.Kind {
	case yaml.MappingNode:
		n := &node{kind: mapNode, line: y.Line}
		seen := make(map[string]int, len(y.Content)/2)
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			// A repeated key would let one copy hide the other from the
			// rules, as CloudFormation itself refuses it.
			if first, ok := seen[k.Value]; ok {
				return nil, lineErr(k.Line, "key %q repeated (first on line %d)", k.Value, first)
			}
			seen[k.Value] = k.Line
			val, err := convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, k.Value)
			n.vals = append(n.vals, val)
			val.line = k.Line // a property is where its key is
		}
		if len(n.keys) == 1 && isFunction(n.keys[0], n.vals[0]) {
			return &node{kind: callNode, fn: n.keys[0], arg: n.vals[0], line: y.Line}, nil
		}
		return n, nil
	case yaml.SequenceNode:
		n := &node{kind: seqNode, line: y.Line}
		for _, c := range y.Content {
			val, err := convert(c, depth+1)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, val)
		}
		return n, nil
	default:
		return &node{kind: scalarNode, value: scalar(y), line: y.Line}, nil
	}
}

// isFunction tells a one-key mapping that is a function call. Condition
// is one only with a name: an IAM statement's Condition is a mapping.
func isFunction(key string, val *node) bool {
	if key == "Condition" {
		_, ok := val.str()
		return ok
	}
	return key == "Ref" || strings.HasPrefix(key, "Fn::")
}

// scalar is the Go value of a YAML scalar as YAML 1.1 tools read
// templates: CloudFormation's own parser resolves true, 1 and 1.5, and
// everything else is a string.
func scalar(y *yaml.Node) any {
	switch y.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(y.Value))
		if err != nil {
			return y.Value
		}
		return b
	case "!!int":
		if i, err := strconv.ParseInt(y.Value, 0, 64); err == nil {
			return i
		}
	case "!!float":
		if f, err := strconv.ParseFloat(y.Value, 64); err == nil {
			return f
		}
	}
	return y.Value
}
