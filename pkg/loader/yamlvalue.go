package loader

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"

	"gopkg.in/yaml.v3"
)

// maxYAMLNodes bounds the values built from one YAML file, aliases expanded,
// so that an alias bomb ("billion laughs") fails fast instead of eating memory.
const maxYAMLNodes = 5_000_000

// errYAMLBudget reports an alias expansion over maxYAMLNodes.
var errYAMLBudget = errors.New("invalid YAML: too many nodes after expanding aliases (alias bomb?)")

// yamlValue builds a JSON-compatible value (map[string]any, []any, string,
// json.Number, bool, nil) from a node. Unlike yaml.v3's own decoding it keeps
// timestamps and custom tags as the strings written, rejects duplicate keys
// and non-scalar keys with their line, and bounds alias expansion.
func yamlValue(n *yaml.Node) (any, error) {
	budget := maxYAMLNodes
	return buildYAML(n, &budget, 0)
}

const maxYAMLDepth = 10_000

func buildYAML(n *yaml.Node, budget *int, depth int) (any, error) {
	*budget--
	if *budget < 0 {
		return nil, errYAMLBudget
	}
	if depth > maxYAMLDepth {
		return nil, &FileError{Line: n.Line, Column: n.Column, Err: errors.New("invalid YAML: nested too deeply")}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return buildYAML(n.Content[0], budget, depth+1)
	case yaml.AliasNode:
		return buildYAML(n.Alias, budget, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := buildYAML(c, budget, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		return buildMapping(n, budget, depth)
	case yaml.ScalarNode:
		return yamlScalar(n), nil
	}
	return nil, &FileError{Line: n.Line, Column: n.Column, Err: fmt.Errorf("invalid YAML: unexpected node kind %d", n.Kind)}
}

func buildMapping(n *yaml.Node, budget *int, depth int) (any, error) {
	out := make(map[string]any, len(n.Content)/2)
	lines := make(map[string]int, len(n.Content)/2)
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			return nil, &FileError{Line: k.Line, Column: k.Column, Err: errors.New("invalid YAML: mapping key is not a scalar (an unrendered template?)")}
		}
		if k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if first, dup := lines[k.Value]; dup {
			return nil, &FileError{Line: k.Line, Column: k.Column, Err: fmt.Errorf("invalid YAML: key %q already defined at line %d", k.Value, first)}
		}
		lines[k.Value] = k.Line
		val, err := buildYAML(v, budget, depth+1)
		if err != nil {
			return nil, err
		}
		out[k.Value] = val
	}
	// Merge keys ("<<: *base") fill in what the mapping does not set itself.
	for _, m := range merges {
		srcs := []*yaml.Node{m}
		if m.Kind == yaml.SequenceNode {
			srcs = m.Content
		}
		for _, src := range srcs {
			v, err := buildYAML(src, budget, depth+1)
			if err != nil {
				return nil, err
			}
			obj, ok := v.(map[string]any)
			if !ok {
				return nil, &FileError{Line: src.Line, Column: src.Column, Err: errors.New("invalid YAML: merge value is not a mapping")}
			}
			for key, val := range obj {
				if _, set := out[key]; !set {
					out[key] = val
				}
			}
		}
	}
	return out, nil
}

func yamlScalar(n *yaml.Node) any {
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int":
		var i int64
		if n.Decode(&i) == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		var u uint64
		if n.Decode(&u) == nil {
			return json.Number(strconv.FormatUint(u, 10))
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	// Strings, timestamps, binary and custom tags (CloudFormation's !Ref)
	// keep the text as written.
	return n.Value
}
