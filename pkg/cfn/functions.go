package cfn

import (
	"strconv"
	"strings"
)

// The intrinsic functions that build values: Sub, Join, Select, Split,
// FindInMap and If.

// text is a scalar as a string, as CloudFormation joins and substitutes it.
func text(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

func (e *evaluator) sub(arg *node) (any, info) {
	tmpl, vars := arg, (*node)(nil)
	if arg.kind == seqNode && len(arg.vals) >= 1 {
		tmpl = arg.vals[0]
		if len(arg.vals) > 1 {
			vars = arg.vals[1]
		}
	}
	s, ok := tmpl.str()
	if !ok {
		return e.unknown(arg)
	}
	whole := s
	var b strings.Builder
	in := knownInfo
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			b.WriteString(s[i:])
			break
		}
		name := s[i+2 : i+end]
		s = s[i+end+1:]
		if strings.HasPrefix(name, "!") { // ${!Literal} writes ${Literal}
			b.WriteString("${" + name[1:] + "}")
			continue
		}
		name = strings.TrimSpace(name)
		var v any
		var vi info
		switch {
		case vars.get(name) != nil:
			v, vi = e.value(vars.get(name))
		case strings.Contains(name, "."):
			id, _, _ := strings.Cut(name, ".")
			v, vi = nil, info{}
			if e.t.ids[id] {
				v, vi = symbol(name, id)
			}
		default:
			v, vi = e.ref(name)
		}
		in = in.and(vi)
		if t, ok := text(v); ok && vi.renderable() {
			b.WriteString(t)
		} else {
			in.known, in.symbolic = false, false
		}
	}
	if !in.renderable() {
		return nil, info{refs: in.refs, sensitive: in.sensitive}
	}
	if !bare(whole) {
		// Text around a parameter bounds it: "arn:aws:s3:::${App}/*" is
		// the objects of one bucket, whatever App is.
		in.opaque = false
	}
	return b.String(), in
}

// bare tells a Sub string that is one variable and nothing else.
func bare(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "${") && strings.Index(s, "}") == len(s)-1
}

func (e *evaluator) joinFn(args []*node) (any, info) {
	if len(args) != 2 {
		return e.unknown(args...)
	}
	d, din := e.value(args[0])
	l, lin := e.value(args[1])
	in := din.and(lin)
	delim, ok := d.(string)
	list, lok := l.([]any)
	if !in.renderable() || !ok || !lok {
		return nil, info{refs: in.refs, sensitive: in.sensitive}
	}
	parts := make([]string, len(list))
	for i, v := range list {
		if parts[i], ok = text(v); !ok {
			return nil, info{refs: in.refs}
		}
	}
	for _, p := range parts {
		if len(list) > 1 && p != "" && !strings.Contains(p, "${") {
			in.opaque = false // bounded by literal text, as in sub
		}
	}
	return strings.Join(parts, delim), in
}

func (e *evaluator) selectFn(args []*node) (any, info) {
	if len(args) != 2 {
		return e.unknown(args...)
	}
	i, iin := e.value(args[0])
	l, lin := e.value(args[1])
	in := iin.and(lin)
	list, ok := l.([]any)
	idx, iok := text(i)
	n, err := strconv.Atoi(idx)
	if !in.known || !ok || !iok || err != nil || n < 0 || n >= len(list) {
		return nil, info{refs: in.refs, sensitive: in.sensitive}
	}
	return list[n], in
}

func (e *evaluator) splitFn(args []*node) (any, info) {
	if len(args) != 2 {
		return e.unknown(args...)
	}
	d, din := e.value(args[0])
	s, sin := e.value(args[1])
	in := din.and(sin)
	delim, ok := d.(string)
	str, sok := s.(string)
	if !in.known || !ok || !sok || delim == "" {
		return nil, info{refs: in.refs, sensitive: in.sensitive}
	}
	parts := strings.Split(str, delim)
	l := make([]any, len(parts))
	for i, p := range parts {
		l[i] = p
	}
	return l, in
}

func (e *evaluator) findInMap(args []*node) (any, info) {
	if len(args) < 3 {
		return e.unknown(args...)
	}
	in := knownInfo
	keys := make([]string, 3)
	for i := range keys {
		v, vi := e.value(args[i])
		in = in.and(vi)
		keys[i], _ = text(v)
	}
	if in.known {
		if v := e.t.mappings.get(keys[0]).get(keys[1]).get(keys[2]); v != nil {
			val, vi := e.value(v)
			return val, in.and(vi)
		}
	}
	if len(args) == 4 { // the language extensions' DefaultValue
		if d := args[3].get("DefaultValue"); d != nil && in.known {
			return e.value(d)
		}
	}
	if v, ok := e.byPseudoKey(args, keys); ok {
		return v, info{symbolic: true, refs: in.refs}
	}
	return nil, info{refs: in.refs, sensitive: in.sensitive}
}

// byPseudoKey is the symbolic value of a FindInMap whose top-level key is
// a pseudo parameter (a map of service principals by AWS::Partition, of
// AMIs by AWS::Region): when every entry it could pick is a known string
// without wildcard, it is a specific value, written as the one of the aws
// partition, or the first entry.
func (e *evaluator) byPseudoKey(args []*node, keys []string) (any, bool) {
	if args[1].kind != callNode || args[1].fn != "Ref" {
		return nil, false
	}
	name, _ := args[1].arg.str()
	if !pseudo[name] || keys[0] == "" || keys[2] == "" {
		return nil, false
	}
	m := e.t.mappings.get(keys[0])
	if m == nil || m.kind != mapNode || len(m.keys) == 0 {
		return nil, false
	}
	var pick any
	for i, k := range m.keys {
		v, vi := e.value(m.vals[i].get(keys[2]))
		s, ok := v.(string)
		if m.vals[i].get(keys[2]) == nil || !vi.known || !ok || strings.Contains(s, "*") {
			return nil, false
		}
		if pick == nil || k == "aws" {
			pick = s
		}
	}
	return pick, true
}

func (e *evaluator) ifFn(args []*node) (any, info) {
	if len(args) != 3 {
		return e.unknown(args...)
	}
	name, _ := args[0].str()
	v, known := e.condition(name)
	if !known {
		return e.unknown(args[1], args[2])
	}
	if v {
		return e.value(args[1])
	}
	return e.value(args[2])
}
