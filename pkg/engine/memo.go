package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"sync"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// Memo keeps the findings of a large document's shards between
// evaluations: a shard whose rules and resources are those of a shard
// evaluated before takes that shard's findings instead of being evaluated
// again. A shard holds every resource its rules can read (shard.go), so its
// findings depend on nothing else in the document, and a plan that changed
// in a few resource types is evaluated again only in the shards that read
// them. What the findings depend on beyond the document (the policies,
// their data, the engine's options) is the Memo's to key: the engine's key
// covers the shard's rules and document only.
//
// The rules that read the clock or another nondeterministic built-in
// (Volatile) are never memoized: their shards are always evaluated.
type Memo interface {
	// Get returns the findings stored under key.
	Get(key string) ([]finding.Finding, bool)
	// Put stores the findings that the evaluation of a document gave for
	// key. They are the rules' own: a Memo that writes them out must
	// redact them first, of secrets, the document's sensitive values
	// (input.Document.SensitiveStrings), which its key covers.
	Put(key string, secrets []string, findings []finding.Finding)
}

// EvalOptions tunes one evaluation.
type EvalOptions struct {
	// Release hands the document over (EvalReleasing).
	Release bool
	// Memo, when set, keeps and reuses the findings of the shards of a
	// large Terraform document.
	Memo Memo
}

// EvalWith evaluates one document with opts. It is safe to call
// concurrently.
func (e *Engine) EvalWith(ctx context.Context, doc input.Document, opts EvalOptions) (Result, error) {
	return e.eval(ctx, doc, opts.Release && Target(doc.Source.Format) == "terraform", opts.Memo)
}

// memoRun is what one evaluation with a Memo knows of the shards of
// doc's target group (name): the key of each that may be memoized, the
// findings the Memo held, and so which resources the shards evaluated need
// converted.
type memoRun struct {
	memo     Memo
	name     string
	volatile map[string]bool // rule ids never memoized
	// resources[i] digests the ith resource as the rules see it; source,
	// the document's schema, source and secrets.
	resources [][sha256.Size]byte
	source    [sha256.Size]byte
	secrets   []string // the document's sensitive values
	keys      []string
	hit       []bool
	found     [][]finding.Finding
	// need[i] is true when an evaluated shard reads the ith resource.
	need []bool
}

// newMemoRun digests doc's resources, on as many cores as its shards use,
// and looks up in memo the shards that doc needs; nil, which evaluates
// every shard, when doc's target group does not shard it, when the group
// has exception rules (whose values except findings of rules in other
// shards), when any rule may be volatile, or when a resource cannot be
// written out.
func (e *Engine) newMemoRun(memo Memo, doc input.Document) *memoRun {
	if memo == nil {
		return nil
	}
	name := Target(doc.Source.Format)
	g := e.groups[name]
	if g == nil || !e.sharded(g, doc) || slices.ContainsFunc(g.evals, func(ev catalog.Eval) bool { return ev.Exception }) {
		return nil
	}
	volatile, all := e.volatile()
	if all {
		return nil
	}
	m := &memoRun{memo: memo, name: name, volatile: volatile, resources: make([][sha256.Size]byte, len(doc.Resources))}
	// A Memo stores findings redacted with the secrets of the whole
	// document (Put), which resources outside the shard may hold: a
	// shard's findings depend on them too.
	m.secrets = doc.SensitiveStrings()
	src, err := json.Marshal([]any{doc.Schema, sourceMap(doc), m.secrets})
	if err != nil {
		return nil
	}
	m.source = sha256.Sum256(src)
	errs := make([]error, e.parallel)
	chunk := (len(doc.Resources) + e.parallel - 1) / e.parallel
	var wg sync.WaitGroup
	for w := range e.parallel {
		wg.Go(func() {
			var buf []byte
			for i := min(w*chunk, len(doc.Resources)); i < min((w+1)*chunk, len(doc.Resources)); i++ {
				var err error
				if m.resources[i], buf, err = resourceDigest(doc.Resources[i], buf); err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	wg.Wait()
	if errors.Join(errs...) != nil {
		return nil
	}
	m.lookup(g, doc)
	return m
}

// lookup finds in the memo the shards of g that apply to doc and may be
// memoized, and marks the resources that the others read.
func (m *memoRun) lookup(g *group, doc input.Document) {
	byType := resourcesByType(doc)
	inputs := shardInputs(byType, g.shards)
	m.keys = make([]string, len(g.shards))
	m.hit = make([]bool, len(g.shards))
	m.found = make([][]finding.Finding, len(g.shards))
	m.need = make([]bool, len(doc.Resources))
	idx, _ := g.applicable(byType)
	applicable := make([]bool, len(g.evals))
	for _, i := range idx {
		applicable[i] = true
	}
	for i, q := range g.shards {
		if !slices.ContainsFunc(q.index, func(n int) bool { return applicable[n] }) {
			continue
		}
		// The first shard's rules read the whole document.
		sel := inputs[i]
		if q.types == nil {
			sel = all(len(doc.Resources))
		}
		if m.memoizable(q) {
			m.keys[i] = m.key(q, sel)
			m.found[i], m.hit[i] = m.memo.Get(m.keys[i])
		}
		if !m.hit[i] {
			for _, j := range sel {
				m.need[j] = true
			}
		}
	}
}

// needs is the resources that group name must convert: nil for all.
func (m *memoRun) needs(name string) []bool {
	if m == nil || name != m.name {
		return nil
	}
	return m.need
}

// memoizable tells whether q's findings may be memoized: none of its rules
// is volatile.
func (m *memoRun) memoizable(q *query) bool {
	return !slices.ContainsFunc(q.evals, func(ev catalog.Eval) bool { return m.volatile[ev.RuleID] })
}

// key digests what the findings of shard q depend on within the document:
// the group and the shard's rules, the document's schema, source and
// secrets (with which a Memo redacts what it stores), and the resources at
// positions sel, in order.
func (m *memoRun) key(q *query, sel []int) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	// Errors are impossible: strings and fixed-size arrays.
	_ = enc.Encode([]any{"tenet shard findings 1", m.name, q.evals})
	h.Write(m.source[:])
	for _, i := range sel {
		h.Write(m.resources[i][:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// locate sets the file and line of memoized findings from doc, where the
// resources they name are now.
func (e *Engine) locate(fs []finding.Finding, doc input.Document, index map[string]*input.Resource) {
	for i := range fs {
		setLocation(&fs[i], doc, index)
	}
}
