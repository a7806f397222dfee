package cfn

import "fmt"

// Conditions: the Conditions section and the functions that decide them.

// condition evaluates a named condition of the Conditions section; known
// is false when it depends on what only a deployment decides, or is
// missing or circular.
func (e *evaluator) condition(name string) (value, known bool) {
	switch e.conds[name] {
	case condTrue:
		return true, true
	case condFalse:
		return false, true
	case condBusy, condUnknown:
		return false, false
	}
	def := e.t.conditions.get(name)
	if def == nil {
		e.conds[name] = condUnknown
		return false, false
	}
	e.conds[name] = condBusy
	v, known := e.boolean(def)
	switch {
	case !known:
		e.conds[name] = condUnknown
	case v:
		e.conds[name] = condTrue
	default:
		e.conds[name] = condFalse
	}
	return v, known
}

// boolean evaluates a condition function.
func (e *evaluator) boolean(n *node) (value, known bool) {
	if n.kind == scalarNode {
		b, ok := n.value.(bool)
		return b, ok
	}
	if n.kind != callNode {
		return false, false
	}
	args := []*node{n.arg}
	if n.arg.kind == seqNode {
		args = n.arg.vals
	}
	switch n.fn {
	case "Condition":
		name, _ := n.arg.str()
		return e.condition(name)
	case "Fn::Equals":
		if len(args) != 2 {
			return false, false
		}
		a, ai := e.value(args[0])
		b, bi := e.value(args[1])
		if !ai.known || !bi.known {
			return false, false
		}
		as, aok := text(a)
		bs, bok := text(b)
		if aok && bok {
			return as == bs, true
		}
		return fmt.Sprint(a) == fmt.Sprint(b), true
	case "Fn::Not":
		v, known := e.boolean(args[0])
		return !v, known
	case "Fn::And", "Fn::Or":
		and := n.fn == "Fn::And"
		allKnown := true
		for _, a := range args {
			v, known := e.boolean(a)
			switch {
			case known && v != and: // a false in And, a true in Or decides
				return v, true
			case !known:
				allKnown = false
			}
		}
		return and, allKnown
	case "Fn::If":
		v, _ := e.ifFn(args)
		b, ok := v.(bool)
		return b, ok
	}
	return false, false
}
