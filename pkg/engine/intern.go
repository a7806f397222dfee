package engine

import (
	"encoding/json"
	"math/bits"
	"slices"
	"strings"
	"unsafe"

	"github.com/open-policy-agent/opa/v1/ast"
)

// internMax is the longest string a document's conversion shares: keys,
// types, actions, regions and the like repeat across resources; longer
// strings (ids, policies, ARNs) rarely do.
const internMax = 64

// interner converts a document's Go values to OPA's, sharing one term for
// each distinct short string, and for each distinct object or array made
// only of shared terms: tens of thousands of resources repeat the same
// keys and values, and the same small objects (tags, the attributes
// unknown until apply, empty blocks). OPA's values are immutable, so a
// term can sit in many objects. One interner serves one goroutine.
type interner struct {
	strings map[string]*ast.Term
	numbers map[string]*ast.Term
	// composites holds the shared objects and arrays by the digest of
	// their elements' terms (compositeHash); a digest held by another
	// composite leaves the newer one unshared.
	composites map[uint64]*ast.Term
}

func newInterner() *interner {
	return &interner{strings: map[string]*ast.Term{}, numbers: map[string]*ast.Term{}, composites: map[uint64]*ast.Term{}}
}

// shareStr is s's term, and whether it is shared.
func (in *interner) shareStr(s string) (*ast.Term, bool) {
	if len(s) > internMax {
		return ast.StringTerm(s), false
	}
	if t, ok := in.strings[s]; ok {
		return t, true
	}
	t := ast.StringTerm(s)
	in.strings[s] = t
	return t, true
}

// term converts x as ast.InterfaceToValue does, for the types documents
// hold, sharing what repeats; other types go to ast.InterfaceToValue.
func (in *interner) term(x any) (*ast.Term, error) {
	t, _, err := in.share(x)
	return t, err
}

// share converts x (term), and tells whether the term is made only of
// shared terms: strings and numbers up to internMax, booleans, null, and
// composites of those. Equal values of that kind are one term, except a
// composite whose digest another held first (object, array), which is a
// term of its own: the table's terms are compared by identity, so such a
// collision costs sharing, never a wrong value.
func (in *interner) share(x any) (*ast.Term, bool, error) {
	switch v := x.(type) {
	case string:
		t, ok := in.shareStr(v)
		return t, ok, nil
	case bool:
		return ast.InternedTerm(v), true, nil
	case nil:
		return ast.InternedNullTerm, true, nil
	case map[string]any:
		pairs := make([][2]*ast.Term, 0, len(v))
		shared := true
		for k, e := range v {
			t, ok, err := in.share(e)
			if err != nil {
				return nil, false, err
			}
			kt, kok := in.shareStr(k)
			shared = shared && ok && kok
			pairs = append(pairs, [2]*ast.Term{kt, t})
		}
		if shared {
			return in.object(pairs), true, nil
		}
		return objectTerm(pairs), false, nil
	case []any:
		terms := make([]*ast.Term, len(v))
		shared := true
		for i, e := range v {
			t, ok, err := in.share(e)
			if err != nil {
				return nil, false, err
			}
			shared = shared && ok
			terms[i] = t
		}
		if shared {
			return in.array(terms), true, nil
		}
		return ast.NewTerm(ast.NewArray(terms...)), false, nil
	case []string:
		terms := make([]*ast.Term, len(v))
		shared := true
		for i, e := range v {
			t, ok := in.shareStr(e)
			shared = shared && ok
			terms[i] = t
		}
		if shared {
			return in.array(terms), true, nil
		}
		return ast.NewTerm(ast.NewArray(terms...)), false, nil
	case json.Number:
		// Numbers repeat (ports, sizes, counts) as strings do.
		if t, ok := in.numbers[string(v)]; ok {
			return t, true, nil
		}
		val, err := ast.InterfaceToValue(v)
		if err != nil {
			return nil, false, err
		}
		t := ast.NewTerm(val)
		if len(v) > internMax {
			return t, false, nil
		}
		in.numbers[string(v)] = t
		return t, true, nil
	}
	val, err := ast.InterfaceToValue(x)
	if err != nil {
		return nil, false, err
	}
	return ast.NewTerm(sortKeys(val)), false, nil
}

// object is the shared object of pairs, all of whose terms are shared.
func (in *interner) object(pairs [][2]*ast.Term) *ast.Term {
	h := objectDigest(pairs)
	if t, ok := in.composites[h]; ok {
		if o, isObj := t.Value.(ast.Object); isObj && o.Len() == len(pairs) && sameObject(o, pairs) {
			return t
		}
		return objectTerm(pairs)
	}
	t := objectTerm(pairs)
	in.composites[h] = t
	return t
}

// array is the shared array of terms, all of them shared.
func (in *interner) array(terms []*ast.Term) *ast.Term {
	h := arrayDigest(terms)
	if t, ok := in.composites[h]; ok {
		if a, isArr := t.Value.(*ast.Array); isArr && a.Len() == len(terms) && sameArray(a, terms) {
			return t
		}
		return ast.NewTerm(ast.NewArray(terms...))
	}
	t := ast.NewTerm(ast.NewArray(terms...))
	in.composites[h] = t
	return t
}

// objectTerm is a new object of pairs (string keys), its keys sorted
// (sortObject). The pairs are put in order first, so that the sort has
// nothing to move; a shared object found by its digest, which does not
// depend on the order, needs neither.
func objectTerm(pairs [][2]*ast.Term) *ast.Term {
	slices.SortFunc(pairs, func(a, b [2]*ast.Term) int {
		return strings.Compare(string(a[0].Value.(ast.String)), string(b[0].Value.(ast.String)))
	})
	o := ast.NewObject(pairs...)
	sortObject(o)
	return ast.NewTerm(o)
}

// sortObject sorts o's keys now. OPA sorts an object's keys in place the
// first time something reads them in order, under a sync.Once, but
// Object.Copy reads them without it (OPA 1.22; the evaluation copies the
// input for `with input... as`). Shards evaluated side by side share a
// document's terms, so a copy in one could meet the sort in another and
// lose a key. Sorted by the goroutine that makes the object, before any
// evaluation sees it, the keys are never written again
// (TestConvertedObjectsCopySafely).
func sortObject(o ast.Object) {
	o.Until(func(*ast.Term, *ast.Term) bool { return true })
}

// sortKeys sorts the keys of every object in v (sortObject), which
// ast.InterfaceToValue made.
func sortKeys(v ast.Value) ast.Value {
	ast.WalkTerms(v, func(t *ast.Term) bool {
		if o, ok := t.Value.(ast.Object); ok {
			sortObject(o)
		}
		return false
	})
	return v
}

// objectDigest digests an object of shared terms by their identities. An
// object's pairs come in any order, so their digests are summed.
func objectDigest(pairs [][2]*ast.Term) uint64 {
	var h uint64 = 'o'
	for _, p := range pairs {
		h += mix(termID(p[0]), termID(p[1]))
	}
	return h
}

// arrayDigest digests an array of shared terms, in order.
func arrayDigest(terms []*ast.Term) uint64 {
	var h uint64 = 'a'
	for _, t := range terms {
		h = mix(h, termID(t))
	}
	return h
}

// sameObject tells whether o holds exactly pairs, term for term: shared
// terms are equal only when they are the same term.
func sameObject(o ast.Object, pairs [][2]*ast.Term) bool {
	for _, p := range pairs {
		if o.Get(p[0]) != p[1] {
			return false
		}
	}
	return true
}

func sameArray(a *ast.Array, terms []*ast.Term) bool {
	for i, t := range terms {
		if a.Elem(i) != t {
			return false
		}
	}
	return true
}

// termID is a shared term's identity.
func termID(t *ast.Term) uint64 { return uint64(uintptr(unsafe.Pointer(t))) }

// mix combines two words into a digest that spreads every bit of both.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a^0x9e3779b97f4a7c15, b^0xbf58476d1ce4e5b9)
	return hi ^ lo
}
