package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// internMax is the longest string a document's conversion shares: keys,
// types, actions, regions and the like repeat across resources; longer
// strings (ids, policies, ARNs) rarely do.
const internMax = 64

// interner converts a document's Go values to OPA's, sharing one term for
// each distinct short string: tens of thousands of resources repeat the
// same keys and values, and OPA's values are immutable, so a term can sit
// in many objects. One interner serves one goroutine.
type interner struct {
	strings map[string]*ast.Term
}

func newInterner() *interner { return &interner{strings: map[string]*ast.Term{}} }

func (in *interner) str(s string) *ast.Term {
	if len(s) > internMax {
		return ast.StringTerm(s)
	}
	if t, ok := in.strings[s]; ok {
		return t
	}
	t := ast.StringTerm(s)
	in.strings[s] = t
	return t
}

// term converts x as ast.InterfaceToValue does, for the types documents
// hold, sharing short strings; other types go to ast.InterfaceToValue.
func (in *interner) term(x any) (*ast.Term, error) {
	switch v := x.(type) {
	case string:
		return in.str(v), nil
	case bool:
		return ast.InternedTerm(v), nil
	case map[string]any:
		pairs := make([][2]*ast.Term, 0, len(v))
		for k, e := range v {
			t, err := in.term(e)
			if err != nil {
				return nil, err
			}
			pairs = append(pairs, [2]*ast.Term{in.str(k), t})
		}
		return ast.NewTerm(ast.NewObject(pairs...)), nil
	case []any:
		terms := make([]*ast.Term, len(v))
		for i, e := range v {
			t, err := in.term(e)
			if err != nil {
				return nil, err
			}
			terms[i] = t
		}
		return ast.NewTerm(ast.NewArray(terms...)), nil
	case []string:
		terms := make([]*ast.Term, len(v))
		for i, e := range v {
			terms[i] = in.str(e)
		}
		return ast.NewTerm(ast.NewArray(terms...)), nil
	}
	val, err := ast.InterfaceToValue(x)
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(val), nil
}
