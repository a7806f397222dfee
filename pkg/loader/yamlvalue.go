package loader

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"sync/atomic"

	"gopkg.in/yaml.v3"
)

// DefaultAliasNodes is how many nodes YAML aliases may copy in one file
// beyond one per byte of the file. A node built costs 30 to 140 bytes, so
// the million lets anchors be used freely (a CI file merging a 20-key
// anchor into 500 jobs copies 10,000) while an alias bomb of any number
// of documents stops after 140 MB at most; the allowance per byte scales
// it with the file, whose own nodes need two bytes each at least.
const DefaultAliasNodes = 1_000_000

// DefaultRunAliasNodes is the budget pkg/tenet gives the files of one run
// together (NewAliasBudget): ten files at the limit, 1.4 GB at most. Nodes
// copied by a file that then fails still count, as they cost the time.
const DefaultRunAliasNodes = 10_000_000

// ErrAliasBudget is YAML whose aliases expand past a budget.
var ErrAliasBudget = errors.New("invalid YAML: aliases expand to too many nodes (alias bomb?)")

// AliasBudget bounds the nodes YAML aliases may copy in all the files of
// a run, read concurrently; share one through Options.Aliases.
type AliasBudget struct {
	size int64
	left atomic.Int64
}

// NewAliasBudget returns a budget of nodes.
func NewAliasBudget(nodes int64) *AliasBudget {
	b := &AliasBudget{size: nodes}
	b.left.Store(nodes)
	return b
}

// take takes up to n nodes, returning how many it got: 0 when it is spent.
func (b *AliasBudget) take(n int64) int64 {
	for {
		left := b.left.Load()
		if left <= 0 {
			return 0
		}
		got := min(left, n)
		if b.left.CompareAndSwap(left, left-got) {
			return got
		}
	}
}

// aliasCounter counts the nodes aliases copy in one file, against the
// file's limit and the run's budget, which it draws from in chunks.
type aliasCounter struct {
	limit, used int64
	run         *AliasBudget
	held        int64 // taken from run, not used yet
}

// aliasChunk is how many nodes a file takes from the run's budget at once.
const aliasChunk = 4096

// newAliasCounter returns the counter of a file of size bytes: limit nodes,
// or DefaultAliasNodes plus one per byte when limit is 0.
func newAliasCounter(limit int64, size int, run *AliasBudget) *aliasCounter {
	if limit <= 0 {
		limit = DefaultAliasNodes + int64(size)
	}
	return &aliasCounter{limit: limit, run: run}
}

// copied counts one node copied by the alias via.
func (c *aliasCounter) copied(via *yaml.Node) error {
	c.used++
	if c.used > c.limit {
		return &FileError{Line: via.Line, Column: via.Column, Err: fmt.Errorf("%w: this alias takes the file past %d copied nodes", ErrAliasBudget, c.limit)}
	}
	if c.run != nil {
		if c.held == 0 {
			if c.held = c.run.take(aliasChunk); c.held == 0 {
				return &FileError{Line: via.Line, Column: via.Column, Err: fmt.Errorf("%w: this alias takes the run past %d copied nodes", ErrAliasBudget, c.run.size)}
			}
		}
		c.held--
	}
	return nil
}

// close gives the nodes taken and not used back to the run.
func (c *aliasCounter) close() {
	if c.run != nil && c.held > 0 {
		c.run.left.Add(c.held)
		c.held = 0
	}
}

// yamlValue builds a JSON-compatible value (map[string]any, []any, string,
// json.Number, bool, nil) from a node. Unlike yaml.v3's own decoding it keeps
// timestamps and custom tags as the strings written, rejects duplicate keys
// and non-scalar keys with their line, and bounds alias expansion with
// aliases, which all the documents of a file share.
func yamlValue(n *yaml.Node, aliases *aliasCounter) (any, error) {
	return buildYAML(n, &yamlBuild{aliases: aliases}, 0)
}

// yamlBuild is the state of one yamlValue.
type yamlBuild struct {
	aliases *aliasCounter
	via     *yaml.Node // the outermost alias being expanded; nil outside aliases
}

const maxYAMLDepth = 10_000

func buildYAML(n *yaml.Node, b *yamlBuild, depth int) (any, error) {
	if b.via != nil {
		if err := b.aliases.copied(b.via); err != nil {
			return nil, err
		}
	}
	if depth > maxYAMLDepth {
		return nil, &FileError{Line: n.Line, Column: n.Column, Err: errors.New("invalid YAML: nested too deeply")}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return buildYAML(n.Content[0], b, depth+1)
	case yaml.AliasNode:
		if b.via != nil {
			return buildYAML(n.Alias, b, depth+1)
		}
		b.via = n
		v, err := buildYAML(n.Alias, b, depth+1)
		b.via = nil
		return v, err
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := buildYAML(c, b, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		return buildMapping(n, b, depth)
	case yaml.ScalarNode:
		return yamlScalar(n), nil
	}
	return nil, &FileError{Line: n.Line, Column: n.Column, Err: fmt.Errorf("invalid YAML: unexpected node kind %d", n.Kind)}
}

func buildMapping(n *yaml.Node, b *yamlBuild, depth int) (any, error) {
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
		val, err := buildYAML(v, b, depth+1)
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
			v, err := buildYAML(src, b, depth+1)
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
