package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/internal/parallel"
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
// The shards of rules that declare per-resource findings
// (catalog.Eval.PerResource) are kept finer: by component, the resources
// that lib/terraform's joins connect (components.go), so that a plan that
// changed in a few resources of many types is evaluated again only on the
// components that hold them.
//
// The rules that read the clock or another nondeterministic built-in
// (Volatile) are never memoized: their shards are always evaluated.
type Memo interface {
	// Get returns the parts stored under key.
	Get(key string) (Parts, bool)
	// Put stores under key the parts that the evaluation of a document
	// gave. Their findings are the rules' own: a Memo that writes them
	// out must redact them first, of secrets, the document's sensitive
	// values (input.Document.SensitiveStrings), which its key covers.
	Put(key string, secrets []string, parts Parts)
}

// Parts are the findings of one shard by the resources they were made on:
// for a shard of per-resource rules, by the digest of each component,
// those of components without findings empty; for another, all under "".
type Parts map[string][]finding.Finding

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
	return e.eval(ctx, doc, evalRun{release: opts.Release && Target(doc.Source.Format) == "terraform", memo: opts.Memo})
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
	// joins number what joins the resources (components.go).
	joins   joinKeys
	secrets []string // the document's sensitive values
	keys    []string
	hit     []bool
	found   [][]finding.Finding
	// parts[i], for a shard of per-resource rules that the Memo holds
	// only in part, says which components to evaluate.
	parts []*shardParts
	// need[i] is true when an evaluated shard reads the ith resource.
	need []bool
}

// shardParts is a per-resource shard whose components the Memo holds only
// in part.
type shardParts struct {
	comps [][]int  // the shard's components (components.go)
	keys  []string // the digest of each
	held  Parts    // what the Memo held
	// missed lists, in document order, the resources of the components
	// that held lacks.
	missed []int
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
	if g == nil || !e.sharded(g, doc) || g.hasExceptions() {
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
	if slices.ContainsFunc(g.shards(), func(q *query) bool { return q.perResource }) {
		m.joins = newJoinKeys(doc, e.parallel)
	}
	errs := make([]error, e.parallel)
	parallel.Ranges(e.parallel, len(doc.Resources), func(w, lo, hi int) {
		var buf []byte
		for i := lo; i < hi; i++ {
			var err error
			if m.resources[i], buf, err = resourceDigest(doc.Resources[i], buf); err != nil {
				errs[w] = err
				return
			}
		}
	})
	if errors.Join(errs...) != nil {
		return nil
	}
	m.lookup(g, doc, e.parallel)
	return m
}

// lookup finds in the memo, with as many goroutines as workers, the
// shards of g that apply to doc and may be memoized, and marks the
// resources that the others read.
func (m *memoRun) lookup(g *group, doc input.Document, workers int) {
	byType := resourcesByType(doc)
	shards := g.shards()
	inputs := shardInputs(byType, shards)
	m.keys = make([]string, len(shards))
	m.hit = make([]bool, len(shards))
	m.found = make([][]finding.Finding, len(shards))
	m.parts = make([]*shardParts, len(shards))
	m.need = make([]bool, len(doc.Resources))
	idx, _ := g.applicable(byType)
	applicable := make([]bool, len(g.evals))
	for _, i := range idx {
		applicable[i] = true
	}
	// read[i] is what shard i reads that the Memo does not hold.
	read := make([][]int, len(shards))
	parallel.Each(workers, len(shards), func(i int) {
		q := shards[i]
		if !slices.ContainsFunc(q.index, func(n int) bool { return applicable[n] }) {
			return
		}
		// The first shard's rules read the whole document.
		read[i] = inputs[i]
		if q.types == nil {
			read[i] = all(len(doc.Resources))
		}
		switch {
		case !m.memoizable(q):
		case q.perResource:
			m.keys[i] = m.key(q, nil)
			p := m.shardParts(doc, read[i], m.keys[i])
			if len(p.missed) == 0 {
				m.hit[i], m.found[i], read[i] = true, p.findings(p.held), nil
				return
			}
			m.parts[i], read[i] = p, p.missed
		default:
			m.keys[i] = m.key(q, read[i])
			held, _ := m.memo.Get(m.keys[i])
			if m.found[i], m.hit[i] = held[""]; m.hit[i] {
				read[i] = nil
			}
		}
	})
	for _, sel := range read {
		for _, j := range sel {
			m.need[j] = true
		}
	}
}

// shardParts splits the resources sel of a per-resource shard into
// components, and finds which of them the Memo holds under key.
func (m *memoRun) shardParts(doc input.Document, sel []int, key string) *shardParts {
	p := &shardParts{comps: components(sel, m.joins)}
	p.held, _ = m.memo.Get(key)
	p.keys = make([]string, len(p.comps))
	for n, c := range p.comps {
		h := sha256.New()
		for _, j := range c {
			h.Write(m.resources[j][:])
		}
		p.keys[n] = hex.EncodeToString(h.Sum(nil))
		if _, ok := p.held[p.keys[n]]; !ok {
			p.missed = append(p.missed, c...)
		}
	}
	slices.Sort(p.missed)
	return p
}

// findings are the findings of parts for the components of the shard, in
// their order.
func (p *shardParts) findings(parts Parts) []finding.Finding {
	var fs []finding.Finding
	for _, k := range p.keys {
		fs = append(fs, parts[k]...)
	}
	return fs
}

// merge makes the parts of the whole shard from those p held and fs, the
// findings of the evaluation of p.missed; false when a finding names no
// resource of a missed component, which a per-resource rule cannot make.
func (p *shardParts) merge(fs []finding.Finding, doc input.Document) (Parts, bool) {
	missed := map[string]int{} // address: component
	parts := Parts{}
	for n, c := range p.comps {
		if held, ok := p.held[p.keys[n]]; ok {
			parts[p.keys[n]] = held
			continue
		}
		parts[p.keys[n]] = []finding.Finding{}
		for _, j := range c {
			missed[doc.Resources[j].Address] = n
		}
	}
	for _, f := range fs {
		n, ok := missed[f.Resource]
		if !ok {
			return nil, false
		}
		parts[p.keys[n]] = append(parts[p.keys[n]], f)
	}
	return parts, true
}

// evalParts evaluates per-resource shard i (q, whose resources are sel)
// on the components m's Memo lacks, stores the parts of the whole shard
// and returns its findings. Should a finding name a resource outside the
// components evaluated, the shard is evaluated whole instead, and not
// stored.
func (e *Engine) evalParts(ctx context.Context, q *query, doc input.Document, source *ast.Term, terms []*ast.Term, sel []int, m *memoRun, i int, index map[string]*input.Resource) ([]finding.Finding, error) {
	p := m.parts[i]
	values, err := e.values(ctx, q, shardValue(doc, source, terms, p.missed), doc.Source.Path)
	if err != nil {
		return nil, err
	}
	parts, ok := p.merge(e.findings(q.evals, values, doc, index), doc)
	if !ok {
		// The other resources were not converted (need): convert them
		// into a copy, which the other shards' workers do not read. Of
		// terms, only the shard's own are read: the others' workers drop
		// theirs meanwhile (termDrops).
		own := make([]*ast.Term, len(terms))
		need := make([]bool, len(doc.Resources))
		for _, j := range sel {
			own[j] = terms[j]
			need[j] = own[j] == nil
		}
		more, err := resourceTerms(doc, 1, need)
		if err != nil {
			return nil, err
		}
		for _, j := range sel {
			if need[j] {
				own[j] = more[j]
			}
		}
		values, err := e.values(ctx, q, shardValue(doc, source, own, sel), doc.Source.Path)
		if err != nil {
			return nil, err
		}
		return e.findings(q.evals, values, doc, index), nil
	}
	m.memo.Put(m.keys[i], m.secrets, parts)
	for _, k := range p.keys {
		if _, held := p.held[k]; held {
			e.locate(parts[k], doc, index)
		}
	}
	return p.findings(parts), nil
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
// positions sel, in order. A per-resource shard's key (sel nil) leaves the
// resources to its parts' keys: the Memo keeps under it the parts of the
// last version of the document it saw.
func (m *memoRun) key(q *query, sel []int) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	// Errors are impossible: strings, booleans and fixed-size arrays.
	_ = enc.Encode([]any{"tenet shard findings 2", m.name, q.evals, q.perResource})
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
