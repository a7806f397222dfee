package loader

import (
	"context"
	"fmt"

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
	for _, n := range nodes {
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
				line := n.Line
				if items != nil && i < len(items.Content) {
					line = items.Content[i].Line
				}
				res, err := kubernetesResource(path, item, line)
				if err != nil {
					return input.Document{}, err
				}
				doc.Resources = append(doc.Resources, res)
			}
			continue
		}
		res, err := kubernetesResource(path, obj, n.Line)
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

func kubernetesResource(path string, v any, line int) (input.Resource, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return input.Resource{}, &FileError{Line: line, Err: fmt.Errorf("list item is %T, not a Kubernetes object", v)}
	}
	kind, _ := obj["kind"].(string)
	if kind == "" {
		return input.Resource{}, &FileError{Line: line, Err: fmt.Errorf("object has no kind")}
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
