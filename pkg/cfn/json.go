package cfn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

// JSONNode reads a JSON template into the YAML node form Parse takes, with
// the line of every value. yaml.v3 reads most JSON itself but refuses the
// escape \/ that JSON allows, so JSON is decoded as JSON.
func JSONNode(data []byte) (*yaml.Node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	lines := newLineIndex(data)
	n, err := jsonValue(dec, lines, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, lineErr(lines.at(dec.InputOffset()), "data after the template")
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{n}, Line: 1}, nil
}

func jsonValue(dec *json.Decoder, lines lineIndex, depth int) (*yaml.Node, error) {
	if depth > maxDepth {
		return nil, lineErr(lines.at(dec.InputOffset()), "nested more than %d levels", maxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, lineErr(lines.at(dec.InputOffset()), "invalid JSON: %w", err)
	}
	line := lines.at(dec.InputOffset())
	switch t := tok.(type) {
	case json.Delim:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		if t == '[' {
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		}
		for dec.More() {
			if n.Kind == yaml.MappingNode {
				k, err := dec.Token()
				if err != nil {
					return nil, lineErr(lines.at(dec.InputOffset()), "invalid JSON: %w", err)
				}
				key, _ := k.(string)
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: lines.at(dec.InputOffset())})
			}
			v, err := jsonValue(dec, lines, depth+1)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return nil, lineErr(lines.at(dec.InputOffset()), "invalid JSON: %w", err)
		}
		return n, nil
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: t, Line: line}, nil
	case json.Number:
		tag := "!!int"
		if bytes.ContainsAny([]byte(t), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: t.String(), Line: line}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(t), Line: line}, nil
	default: // null
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null", Line: line}, nil
	}
}

// lineIndex maps byte offsets to 1-based lines.
type lineIndex []int64

func newLineIndex(data []byte) lineIndex {
	var starts lineIndex
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, int64(i))
		}
	}
	return starts
}

// at is the line of the byte before offset (the end of the token just
// read).
func (l lineIndex) at(offset int64) int {
	lo, hi := 0, len(l)
	for lo < hi {
		mid := (lo + hi) / 2
		if l[mid] < offset-1 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo + 1
}
