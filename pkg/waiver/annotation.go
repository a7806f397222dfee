package waiver

import (
	"fmt"
	"path/filepath"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// Annotation is the Kubernetes annotation that carries waivers for the
// object it is on: a YAML (or JSON) list of waivers without resource and
// input, which are the object and its file.
const Annotation = "tenet.dev/waivers"

// FromDocument returns the waivers written in the annotations of a
// Kubernetes document's objects. Errors name the file and the object's
// line.
func FromDocument(doc *input.Document) ([]finding.Waiver, error) {
	if doc.Source.Format != input.FormatKubernetes {
		return nil, nil
	}
	var out []finding.Waiver
	for _, r := range doc.Resources {
		meta, _ := r.Values["metadata"].(map[string]any)
		notes, _ := meta["annotations"].(map[string]any)
		raw, ok := notes[Annotation]
		if !ok {
			continue
		}
		where := fmt.Sprintf("%s:%d", filepath.ToSlash(doc.Source.Path), r.Location.Line)
		text, ok := raw.(string)
		if !ok {
			return nil, fmt.Errorf("%s: %s annotation of %s must be a string", where, Annotation, r.Address)
		}
		var nodes []yaml.Node
		if err := yaml.Unmarshal([]byte(text), &nodes); err != nil {
			return nil, fmt.Errorf("%s: %s annotation of %s: want a list of waivers: %w", where, Annotation, r.Address, err)
		}
		ws, err := entries(doc.Source.Path, r.Location.Line, nodes)
		if err != nil {
			return nil, fmt.Errorf("%s annotation of %s: %w", Annotation, r.Address, err)
		}
		for _, w := range ws {
			if w.Resource != "" || w.Input != "" {
				return nil, fmt.Errorf("%s: %s annotation of %s: resource and input are implied (the object and its file)", where, Annotation, r.Address)
			}
			// Exact: the object's address and path are names, not globs,
			// so an object called "*" waives nothing but itself.
			w.Resource = r.Address
			w.Input = filepath.ToSlash(doc.Source.Path)
			w.Exact = true
			w.Source = where
			out = append(out, w)
		}
	}
	return out, nil
}
