package cfn

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
)

// info is what evaluating a value learned besides the value.
type info struct {
	known bool
	// symbolic: the value is unknown, but stands for specific resources
	// and is written as their names ("${Logs.Arn}"): what a reference to
	// a resource of the template or to the account or region holds is
	// never a wildcard, so a policy document made of such values can be
	// judged. A parameter without default or an import could be anything
	// and is not symbolic.
	symbolic bool
	// opaque: symbolic, but written with a parameter that has no default
	// ("${AppName}-logs"): the same text is the same value in a stack, so
	// it still joins a policy to its bucket, but it could be anything,
	// a wildcard too, so it is not judged.
	opaque    bool
	noValue   bool     // Ref AWS::NoValue: the property is left out
	sensitive bool     // a NoEcho parameter flows into it
	refs      []string // resources it refers to
}

// renderable tells a value known or written symbolically.
func (a info) renderable() bool { return a.known || a.symbolic }

func (a info) and(b info) info {
	return info{
		known:     a.known && b.known,
		symbolic:  !(a.known && b.known) && a.renderable() && b.renderable(),
		opaque:    a.opaque || b.opaque,
		sensitive: a.sensitive || b.sensitive,
		refs:      append(a.refs, b.refs...),
	}
}

// symbol is the unknown value written as name.
func symbol(name string, refs ...string) (any, info) {
	return "${" + name + "}", info{symbolic: true, refs: refs}
}

var knownInfo = info{known: true}

// collector records, for one resource, where each property is and what is
// unknown, sensitive or a reference in it.
type collector struct{ res *Resource }

func (c *collector) at(path string, line int, in info) {
	if path == "" {
		return
	}
	c.res.Lines[path] = line
	if len(in.refs) > 0 {
		c.res.Refs[path] = append(c.res.Refs[path], in.refs...)
	}
	if in.sensitive {
		c.res.Sensitive = append(c.res.Sensitive, path)
	}
	if !in.known {
		c.res.Unknown = append(c.res.Unknown, path)
	}
}

// symbolic records the symbolic form of the unknown value at path.
func (c *collector) symbolic(path string, v any, opaque bool) {
	if c.res.Symbolic == nil {
		c.res.Symbolic = map[string]any{}
	}
	c.res.Symbolic[path] = v
	if opaque {
		c.res.Opaque = append(c.res.Opaque, path)
	}
}

// evaluator evaluates the intrinsic functions of one template.
type evaluator struct {
	t     *Template
	conds map[string]condState
	// noDefaults reads every parameter as the deployment may give it,
	// ignoring defaults: what decides whether a resource exists.
	noDefaults bool
	// exists decides resource conditions: this template's evaluator
	// without parameter defaults.
	exists *evaluator
}

type condState int

const (
	condUnvisited condState = iota
	condBusy
	condTrue
	condFalse
	condUnknown
)

func newEvaluator(t *Template) *evaluator {
	e := &evaluator{t: t, conds: map[string]condState{}}
	e.exists = &evaluator{t: t, conds: map[string]condState{}, noDefaults: true}
	e.exists.exists = e.exists
	return e
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// into evaluates n, the property at path, recording into out the lines of
// every property inside it, and what is unknown: a mapping or list keeps
// its known members and lists its unknown ones, so that a rule sees
// Encryption set though its key is a Ref.
func (e *evaluator) into(n *node, path string, out *collector) (any, bool, bool) {
	switch n.kind {
	case mapNode:
		m := make(map[string]any, len(n.keys))
		for i, k := range n.keys {
			v, known, noValue := e.into(n.vals[i], join(path, k), out)
			if known && !noValue {
				m[k] = v
			}
		}
		out.at(path, n.line, knownInfo)
		return m, true, false
	case seqNode:
		l := make([]any, 0, len(n.vals))
		for _, c := range n.vals {
			p := join(path, strconv.Itoa(len(l)))
			v, _, noValue := e.into(c, p, out)
			if !noValue {
				l = append(l, v) // nil where unknown, so indexes hold
			}
		}
		out.at(path, n.line, knownInfo)
		return l, true, false
	case callNode:
		if n.fn == "Fn::If" {
			// A known condition picks a branch, which keeps its own
			// properties' lines and unknowns.
			args := n.arg.vals
			if n.arg.kind == seqNode && len(args) == 3 {
				name, _ := args[0].str()
				if v, known := e.condition(name); known {
					branch := args[2]
					if v {
						branch = args[1]
					}
					return e.into(branch, path, out)
				}
			}
		}
		v, in := e.value(n)
		if in.noValue {
			return nil, true, true
		}
		out.at(path, n.line, in)
		if in.symbolic {
			out.symbolic(path, v, in.opaque)
		}
		return v, in.known, false
	}
	out.at(path, n.line, knownInfo)
	return n.value, true, false
}

// value evaluates n whole: unknown when any part of it is.
func (e *evaluator) value(n *node) (any, info) {
	switch n.kind {
	case scalarNode:
		return n.value, knownInfo
	case mapNode:
		m := make(map[string]any, len(n.keys))
		in := knownInfo
		for i, k := range n.keys {
			v, vi := e.value(n.vals[i])
			if !vi.noValue {
				m[k] = v
				in = in.and(vi)
			}
		}
		return m, in
	case seqNode:
		l := make([]any, 0, len(n.vals))
		in := knownInfo
		for _, c := range n.vals {
			v, vi := e.value(c)
			if !vi.noValue {
				l = append(l, v)
				in = in.and(vi)
			}
		}
		return l, in
	}
	return e.call(n)
}

// unknown is the value of a call known only when the stack is deployed;
// the references of its arguments are kept.
func (e *evaluator) unknown(args ...*node) (any, info) {
	in := info{}
	for _, a := range args {
		if a != nil {
			_, ai := e.value(a)
			in.refs = append(in.refs, ai.refs...)
			in.sensitive = in.sensitive || ai.sensitive
		}
	}
	return nil, in
}

func (e *evaluator) call(n *node) (any, info) {
	args := []*node{n.arg}
	if n.arg.kind == seqNode {
		args = n.arg.vals
	}
	switch n.fn {
	case "Ref":
		name, _ := n.arg.str()
		return e.ref(name)
	case "Fn::GetAtt":
		if len(args) == 2 {
			id, _ := args[0].str()
			attr, _ := args[1].str()
			if e.t.ids[id] && attr != "" {
				return symbol(id+"."+attr, id)
			}
		}
		if len(args) >= 1 {
			if id, ok := args[0].str(); ok && e.t.ids[id] {
				return nil, info{refs: []string{id}}
			}
		}
		return e.unknown(args...)
	case "Fn::Sub":
		return e.sub(n.arg)
	case "Fn::Join":
		return e.joinFn(args)
	case "Fn::Select":
		return e.selectFn(args)
	case "Fn::Split":
		return e.splitFn(args)
	case "Fn::FindInMap":
		return e.findInMap(args)
	case "Fn::If":
		return e.ifFn(args)
	case "Fn::Base64":
		v, in := e.value(n.arg)
		if s, ok := v.(string); ok && in.renderable() {
			// A user-data script written with ${AWS::Region} is encoded
			// with the names in it: it can still be read for secrets.
			return base64.StdEncoding.EncodeToString([]byte(s)), in
		}
		return nil, info{refs: in.refs, sensitive: in.sensitive}
	case "Fn::Length":
		v, in := e.value(n.arg)
		if l, ok := v.([]any); ok && in.known {
			return int64(len(l)), in
		}
		return nil, info{refs: in.refs}
	case "Fn::ToJsonString":
		v, in := e.value(n.arg)
		if !in.known {
			return nil, info{refs: in.refs, sensitive: in.sensitive}
		}
		data, err := json.Marshal(v)
		if err != nil {
			return nil, info{refs: in.refs}
		}
		return string(data), in
	case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition":
		v, known := e.boolean(n)
		if !known {
			return e.unknown(args...)
		}
		return v, knownInfo
	}
	// Fn::GetAZs, Fn::ImportValue, Fn::Cidr, Fn::Transform and tags of
	// other tools: decided when the stack is deployed, or by a macro.
	return e.unknown(args...)
}

// pseudo are the pseudo parameters; all but AWS::NoValue depend on where
// the stack is deployed.
var pseudo = map[string]bool{
	"AWS::AccountId": true, "AWS::NotificationARNs": true, "AWS::NoValue": true, "AWS::Partition": true,
	"AWS::Region": true, "AWS::StackId": true, "AWS::StackName": true, "AWS::URLSuffix": true,
}

func (e *evaluator) ref(name string) (any, info) {
	if name == "AWS::NoValue" {
		return nil, info{known: true, noValue: true}
	}
	if e.t.ids[name] {
		return symbol(name, name)
	}
	if pseudo[name] {
		return symbol(name)
	}
	p, ok := e.t.params[name]
	if !ok {
		return nil, info{}
	}
	if g, ok := e.t.given[name]; ok || e.noDefaults {
		if g.Known {
			return g.Value, knownInfo
		}
		v, in := symbol(name)
		in.opaque = true
		return v, in
	}
	noEcho := false
	if ne := p.get("NoEcho"); ne != nil {
		b, _ := ne.value.(bool)
		s, _ := ne.value.(string)
		noEcho = b || strings.EqualFold(s, "true")
	}
	def := p.get("Default")
	typ, _ := p.get("Type").str()
	if def == nil || strings.HasPrefix(typ, "AWS::SSM::Parameter::Value") {
		v, in := symbol(name)
		in.opaque, in.sensitive = true, noEcho
		return v, in
	}
	v, in := e.value(def)
	in.sensitive = noEcho
	if s, ok := v.(string); ok && (typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<")) {
		parts := strings.Split(s, ",")
		l := make([]any, len(parts))
		for i, part := range parts {
			l[i] = strings.TrimSpace(part)
		}
		return l, in
	}
	if typ == "Number" {
		if s, ok := v.(string); ok {
			if f, err := strconv.ParseFloat(s, 64); err == nil {
				return f, in
			}
		}
	}
	return v, in
}
