package loader

import (
	"context"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/pkg/input"
)

// Kubernetes loads Kubernetes manifests: multi-document YAML, `kind: List`
// and JSON (which is read as YAML to keep line numbers). Every object
// becomes one Resource that remembers the line it starts on.
type Kubernetes struct {
	// KeepRaw fills Document.Raw.
	KeepRaw bool
	// Aliases bounds what YAML aliases expand to (see Options).
	Aliases AliasLimits
}

// Load implements Loader.
func (k Kubernetes) Load(_ context.Context, path string, data []byte) (input.Document, error) {
	nodes, err := yamlDocuments(data)
	if err != nil {
		return input.Document{}, err
	}
	return k.loadNodes(path, len(data), nodes)
}

// loadNodes builds the document from YAML documents already parsed from
// size bytes.
func (k Kubernetes) loadNodes(path string, size int, nodes []*yaml.Node) (input.Document, error) {
	if len(nodes) == 0 {
		return input.Document{}, ErrEmpty
	}
	aliases := k.Aliases.counter(size)
	defer aliases.close()
	doc := newDocument(path, input.FormatKubernetes)
	doc.Source.Documents = len(nodes)
	var raws []any
	for d, n := range nodes {
		v, err := yamlValue(n, aliases)
		if err != nil {
			return input.Document{}, err
		}
		raws = append(raws, v)
		obj, ok := v.(map[string]any)
		if !ok {
			return input.Document{}, &FileError{Line: n.Line, Column: n.Column, Err: fmt.Errorf("document is a %s, not a Kubernetes object", yamlKind(n))}
		}
		if obj["kind"] == "List" && isList(obj["items"]) {
			items := mappingValue(n, "items")
			for i, item := range obj["items"].([]any) {
				node := n
				if items != nil && i < len(items.Content) {
					node = items.Content[i]
				}
				res, err := kubernetesResource(path, item, node, objectPlace{doc: d, docs: len(nodes), item: i})
				if err != nil {
					return input.Document{}, err
				}
				doc.Resources = append(doc.Resources, res)
			}
			continue
		}
		res, err := kubernetesResource(path, obj, n, objectPlace{doc: d, docs: len(nodes), item: -1})
		if err != nil {
			return input.Document{}, err
		}
		doc.Resources = append(doc.Resources, res)
	}
	if k.KeepRaw {
		doc.Raw = rawOf(raws)
	}
	return doc, nil
}

func isList(v any) bool {
	_, ok := v.([]any)
	return ok
}

// kubernetesResource makes the Resource of v, the object read from node
// at place in its file.
func kubernetesResource(path string, v any, node *yaml.Node, place objectPlace) (input.Resource, error) {
	line := node.Line
	obj, ok := v.(map[string]any)
	if !ok {
		return input.Resource{}, &FileError{Line: line, Err: fmt.Errorf("list item is %T, not a Kubernetes object", v)}
	}
	kind, _ := obj["kind"].(string)
	if kind == "" {
		return input.Resource{}, &FileError{Line: line, Err: fmt.Errorf("object has no kind")}
	}
	if err := checkWorkloadShape(obj, node, place); err != nil {
		return input.Resource{}, err
	}
	meta, _ := obj["metadata"].(map[string]any)
	ns, _ := meta["namespace"].(string)
	return input.Resource{
		Address:   input.ObjectAddress(obj),
		Type:      kind,
		Name:      input.ObjectName(obj),
		Namespace: ns,
		Action:    input.ActionApply,
		Values:    obj,
		Location:  input.Location{File: path, Line: line},
	}, nil
}

// objectPlace is where an object is in its file, to name it in an error.
type objectPlace struct {
	doc, docs int // the document's index, from 0, and how many the file has
	item      int // the index of the object in a List's items; -1 outside a List
}

// label names the object obj placed at p: Pod/web, and where it is in a
// file of several objects (Pod/web in document 2, Pod in item 3 of the
// List). It is built only for an error.
func (p objectPlace) label(obj map[string]any) string {
	kind, _ := obj["kind"].(string)
	label := kind
	if name := input.ObjectName(obj); name != "" {
		label += "/" + displayPath(name) // quoted if it would break the line
	}
	var where []string
	if p.item >= 0 {
		where = append(where, fmt.Sprintf("item %d of the List", p.item+1))
	}
	if p.docs > 1 {
		where = append(where, fmt.Sprintf("document %d", p.doc+1))
	}
	if len(where) > 0 {
		label += " in " + strings.Join(where, " in ")
	}
	return label
}

func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "scalar"
	}
	return "mapping"
}

// rawOf is the Raw value of a file with the given documents: the document
// itself when there is one, the list otherwise.
func rawOf(docs []any) any {
	if len(docs) == 1 {
		return docs[0]
	}
	return docs
}

func newDocument(path string, f input.Format) input.Document {
	return input.Document{
		Schema:    input.Schema,
		Source:    input.Source{Path: path, Format: f},
		Resources: []input.Resource{},
	}
}
