package loader

import (
	"cmp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// shapeProblem is a field whose value has the wrong kind, and where it
// is written.
type shapeProblem struct {
	path         []shapeStep
	got          any
	want         valueKind
	line, column int
}

// before tells whether p comes before q in the file; fields at one place
// (an alias used twice) are ordered by path, so the choice never depends
// on the order maps are walked in.
func (p *shapeProblem) before(q *shapeProblem) bool {
	return cmp.Or(cmp.Compare(p.line, q.line), cmp.Compare(p.column, q.column), strings.Compare(shapePath(p.path), shapePath(q.path))) < 0
}

// yamlEntry is the key and value nodes of one key of a mapping.
type yamlEntry struct{ key, value *yaml.Node }

// shapeLocator walks a bad object beside the YAML nodes it was built
// from, keeping the problem written first. Each mapping's keys are
// indexed once, so that the walk stays linear in the object however many
// values are wrong (a million numeric labels).
type shapeLocator struct {
	index map[*yaml.Node]map[string]yamlEntry
	first shapeProblem
	found bool
}

// walk checks v, the value at path built from node n (nil when unknown),
// against s; at is the node a problem with v points at: the key of a
// field, the element of a list, or the nearest known place above.
func (l *shapeLocator) walk(s *shape, v any, n, at *yaml.Node, path []shapeStep) {
	if v == nil || s == nil {
		return
	}
	if !hasKind(v, s.kind) {
		p := shapeProblem{path: path, got: v, want: s.kind, line: at.Line, column: at.Column}
		if !l.found || p.before(&l.first) {
			p.path = slices.Clone(path) // path's array is reused by the walk
			l.first, l.found = p, true
		}
		return
	}
	n = resolveAlias(n)
	switch v := v.(type) {
	case map[string]any:
		entries := l.entries(n, 0)
		field := func(st shapeStep, f *shape, val any) {
			e, ok := entries[st.key]
			if !ok {
				e = yamlEntry{key: at}
			}
			l.walk(f, val, e.value, e.key, append(path, st))
		}
		for key, f := range s.fields {
			field(shapeStep{key: key, index: -1}, f, v[key])
		}
		if s.values != nil {
			for key, val := range v {
				field(shapeStep{key: key, index: -1, inMap: true}, s.values, val)
			}
		}
	case []any:
		for i, e := range v {
			en, eat := (*yaml.Node)(nil), at
			if n != nil && n.Kind == yaml.SequenceNode && i < len(n.Content) {
				en, eat = n.Content[i], n.Content[i]
			}
			l.walk(s.elem, e, en, eat, append(path, shapeStep{index: i}))
		}
	}
}

// entries indexes the keys of mapping n as buildMapping reads them: its
// own keys, then those of each merged mapping ("<<: *base") that are not
// set yet, in order. It is nil when n is not a mapping.
func (l *shapeLocator) entries(n *yaml.Node, depth int) map[string]yamlEntry {
	if n == nil || n.Kind != yaml.MappingNode || depth > maxYAMLDepth {
		return nil
	}
	if idx, ok := l.index[n]; ok {
		return idx
	}
	idx := make(map[string]yamlEntry, len(n.Content)/2)
	l.index[n] = idx // before merging: a mapping that merges itself ends here
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolveAlias(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Tag == "!!merge" {
			merges = append(merges, n.Content[i+1])
			continue
		}
		if _, dup := idx[k.Value]; !dup {
			idx[k.Value] = yamlEntry{key: n.Content[i], value: n.Content[i+1]}
		}
	}
	for _, m := range merges {
		srcs := []*yaml.Node{m}
		if m.Kind == yaml.SequenceNode {
			srcs = m.Content
		}
		for _, src := range srcs {
			for key, e := range l.entries(resolveAlias(src), depth+1) {
				if _, set := idx[key]; !set {
					idx[key] = e
				}
			}
		}
	}
	return idx
}

// resolveAlias returns the node an alias names, n itself otherwise.
func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < maxYAMLDepth; i++ {
		n = n.Alias
	}
	return n
}
