package loader

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// decodeShowState decodes the JSON of `terraform show -json` of a state as
// json.Unmarshal into a tfjson.State with JSON numbers does, result or
// error. A large state's resources, most of the file, are decoded side by
// side by n goroutines (decodeSpans) while the rest of the file, with
// every module's resources array emptied, is decoded beside them
// (decodeShowSplit). tfjson.State's own decode copies the whole file into
// a Decoder's buffer grown by doubling, on one core, after Unmarshal has
// scanned it once.
func decodeShowState(data []byte, n, minResources int) (tfjson.State, error) {
	if n >= 2 {
		if st, ok := decodeShowSplit(data, n, minResources); ok {
			return st, nil
		}
	}
	var st tfjson.State
	st.UseJSONNumber(true)
	err := json.Unmarshal(data, &st)
	return st, err
}

// showModule is where a module of a shown state lies in the file: the
// span of its resources array ([0] < 0 without one), its resources' place
// in the list of all of them, and its child modules, in order.
type showModule struct {
	resources    [2]int
	first, count int
	children     []*showModule
}

// decodeShowSplit is decodeShowState's side-by-side decode. ok is false
// when the file does not split that way (its values or modules not
// objects, fewer than minResources resources, a key that encoding/json
// could match in more than one way) or when a part fails: the caller
// then decodes it in one pass, whose result or error is the one to give.
func decodeShowSplit(data []byte, n, minResources int) (st tfjson.State, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false // the one-pass decode reports it
		}
	}()
	top, ok := topMembers(data, [2]int{-1, -1})
	if !ok {
		return st, false
	}
	values, found, ok := onlyMember(data, top, "values")
	if !ok || !found {
		return st, false
	}
	valueMembers, _, ok := objectMembers(data, values[0], [2]int{-1, -1})
	if !ok {
		return st, false
	}
	root, found, ok := onlyMember(data, valueMembers, "root_module")
	if !ok || !found {
		return st, false
	}
	var spans, arrays [][2]int
	tree, ok := scanModule(data, root[0], &spans, &arrays, 0)
	if !ok || len(spans) < minResources {
		return st, false
	}
	slices.SortFunc(arrays, func(a, b [2]int) int { return a[0] - b[0] })
	skeleton := make([]byte, 0, len(data)/8)
	at := 0
	for _, a := range arrays {
		skeleton = append(append(skeleton, data[at:a[0]]...), "[]"...)
		at = a[1]
	}
	skeleton = append(skeleton, data[at:]...)

	resources := make([]*tfjson.StateResource, len(spans))
	ok = decodeBeside(data, spans, resources, n, func() bool { return decodeSkeleton(skeleton, &st) })
	if !ok || st.Values == nil || !fillModule(st.Values.RootModule, tree, resources) {
		return tfjson.State{}, false
	}
	return st, true
}

// decodeSkeleton decodes a shown state whose resources arrays are empty.
func decodeSkeleton(skeleton []byte, st *tfjson.State) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	st.UseJSONNumber(true)
	return json.Unmarshal(skeleton, st) == nil
}

// maxModuleDepth bounds the module nesting that decodeShowSplit follows.
// Each level scans its whole subtree again (objectMembers skips every
// member's value), so a crafted state of modules nested thousands deep
// around a large array would cost thousands of scans of the file; one pass
// decodes it in one. Terraform configurations nest modules a few deep.
const maxModuleDepth = 16

// scanModule finds the resources arrays of the module object at data[at]
// and of its child modules, appending their elements' spans to spans and
// the arrays' own spans to arrays. depth is the module's nesting.
func scanModule(data []byte, at int, spans, arrays *[][2]int, depth int) (*showModule, bool) {
	if depth > maxModuleDepth {
		return nil, false
	}
	members, _, ok := objectMembers(data, at, [2]int{-1, -1})
	if !ok {
		return nil, false
	}
	m := &showModule{resources: [2]int{-1, -1}, first: len(*spans)}
	res, elems, ok := memberArray(data, members, "resources")
	if !ok {
		return nil, false
	}
	if res[0] >= 0 {
		m.resources, m.count = res, len(elems)
		*spans = append(*spans, elems...)
		*arrays = append(*arrays, res)
	}
	_, kids, ok := memberArray(data, members, "child_modules")
	if !ok {
		return nil, false
	}
	for _, e := range kids {
		c, ok := scanModule(data, e[0], spans, arrays, depth+1)
		if !ok {
			return nil, false
		}
		m.children = append(m.children, c)
	}
	return m, true
}

// memberArray finds the array that member name of an object holds
// (onlyMember) and its elements' spans; array[0] is -1 when the member is
// absent or null.
func memberArray(data []byte, members []member, name string) (array [2]int, elems [][2]int, ok bool) {
	span, found, ok := onlyMember(data, members, name)
	if !ok || !found || isNull(data, span) {
		return [2]int{-1, -1}, nil, ok
	}
	if elems, ok = elementSpans(data, span[0]); !ok {
		return [2]int{-1, -1}, nil, false
	}
	return span, elems, true
}

// fillModule gives the modules of a decoded skeleton their resources, as
// the scan found them.
func fillModule(sm *tfjson.StateModule, m *showModule, resources []*tfjson.StateResource) bool {
	if sm == nil || len(sm.ChildModules) != len(m.children) {
		return false
	}
	if m.resources[0] >= 0 {
		if len(sm.Resources) != 0 {
			return false
		}
		end := m.first + m.count
		sm.Resources = resources[m.first:end:end]
	}
	for i, c := range m.children {
		if !fillModule(sm.ChildModules[i], c, resources) {
			return false
		}
	}
	return true
}

// onlyMember finds the member name among members, the only one that
// encoding/json would decode into a field of that name: ok is false when
// another key folds to it, it is written in another case, or a key holds
// an escape, which could spell it.
func onlyMember(data []byte, members []member, name string) (value [2]int, found, ok bool) {
	for _, m := range members {
		key := data[m.key[0]+1 : m.key[1]-1]
		if bytes.IndexByte(key, '\\') >= 0 {
			return value, false, false
		}
		if !strings.EqualFold(string(key), name) {
			continue
		}
		if found || string(key) != name {
			return value, false, false
		}
		value, found = m.value, true
	}
	return value, found, true
}

func isNull(data []byte, span [2]int) bool {
	return string(data[span[0]:span[1]]) == "null"
}
