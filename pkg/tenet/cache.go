package tenet

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/evalcache"
	"github.com/tenet-dev/tenet/pkg/input"
)

// DefaultCacheSize bounds a cache directory when WithCache is given no
// size.
const DefaultCacheSize = 1 << 30

// WithCache keeps each input's evaluation results in dir, keyed by the
// policies, the running binary, the options that change evaluation and
// the input's whole document, so that a later scan evaluates only the
// inputs whose documents changed and takes the others' results from the
// cache. The findings are those a scan without the cache gives. maxBytes
// bounds the directory (0: DefaultCacheSize); the least recently used
// results, and those of other policies or binaries first, are removed
// beyond it. The directory must belong to the user and be writable by
// nobody else: a cache decides verdicts.
func WithCache(dir string, maxBytes int64) Option {
	return func(c *config) {
		c.cacheDir = dir
		c.cacheMax = maxBytes
	}
}

// CacheStats counts what the cache did since the Scanner was made.
type CacheStats struct {
	Hits, Misses int64
	// Uncached counts the inputs never looked up: rules that read the
	// clock judge them, or their document could not be digested.
	Uncached int64
	// ShardHits and ShardMisses count the shards of large plans (those
	// evaluated in shards) looked up in the cache, for the inputs that
	// were evaluated: a shard whose rules' resources did not change takes
	// its findings from the cache.
	ShardHits, ShardMisses int64
	// Errors counts results that could not be stored; LastError is the
	// last of them. A failed store costs a later scan time, never a result.
	Errors    int64
	LastError string
}

// cache is a Scanner's evaluation cache.
type cache struct {
	store *evalcache.Store
	ns    []byte // the namespace digest, the first part of every key
	raw   bool   // documents keep their raw file, which custom rules read
	// volatile are the resource types of the rules whose results may
	// change with the clock alone; their documents are never cached, nor
	// any document when allVolatile (engine.Volatile).
	volatile    map[string]bool
	allVolatile bool

	hits, misses, uncached, errors atomic.Int64
	shardHits, shardMisses         atomic.Int64
	lastErr                        atomic.Pointer[string]
}

// openCache opens the cache of s's configuration; nil without one.
func openCache(s *Scanner) (*cache, error) {
	if s.cfg.cacheDir == "" {
		return nil, nil
	}
	ns, err := cacheNamespace(s)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	max := s.cfg.cacheMax
	if max == 0 {
		max = DefaultCacheSize
	}
	store, err := evalcache.Open(s.cfg.cacheDir, hex.EncodeToString(ns), max)
	if err != nil {
		return nil, err
	}
	volatile, all := engine.Volatile(s.cat)
	// A trace, or print() output, is part of what the run shows: results
	// taken from the cache would show none.
	if s.cfg.trace != nil || s.cfg.print != nil && engine.CallsPrint(s.cat.Modules, s.cat.Builtin) {
		all = true
	}
	return &cache{store: store, ns: ns, raw: s.keepRaw, volatile: volatile, allVolatile: all}, nil
}

// cacheNamespace digests what every result depends on besides its
// document: the running binary (its rules, library and engine), the
// policies and data from outside it, the rules left after --rule,
// --severity and --framework, and the engine's options. Results of another
// bundle revision or another tenet are never read.
func cacheNamespace(s *Scanner) ([]byte, error) {
	exe, err := binaryDigest(s.cfg.cacheDir)
	if err != nil {
		return nil, fmt.Errorf("identify the running binary: %w", err)
	}
	h := sha256.New()
	h.Write(exe)
	enc := json.NewEncoder(h)
	for _, name := range slices.Sorted(maps.Keys(s.cat.Modules)) {
		if !s.cat.Builtin[name] {
			fmt.Fprintf(h, "\x00module %s\x00%s", name, s.cat.Modules[name].String())
		}
	}
	opts := s.engineOptions()
	opts.Print, opts.Trace = nil, nil // where output goes changes no result
	for _, v := range []any{s.cat.Bundles, s.cat.Data, s.cat.Rules, s.cat.Evals, opts} {
		if err := enc.Encode(v); err != nil {
			return nil, fmt.Errorf("digest the policies: %w", err)
		}
	}
	return h.Sum(nil), nil
}

// binaryDigest is the SHA-256 of the running binary. Hashing a 100 MB
// binary takes a tenth of a second, a fifth of a run whose results all
// come from the cache, so the digest is kept in the (private) cache
// directory beside the file's identity: device, inode, size, modification
// and change times. Replacing the binary changes the inode or the change
// time, which no user can set, so a kept digest is never another binary's.
func binaryDigest(cacheDir string) ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	id, known := fileIdentity(exe)
	name := sha256.Sum256([]byte(exe))
	memo := filepath.Join(cacheDir, "binary-"+hex.EncodeToString(name[:8]))
	if known {
		if data, err := os.ReadFile(memo); err == nil {
			if got, digest, ok := strings.Cut(strings.TrimSpace(string(data)), " "); ok && got == id {
				if d, err := hex.DecodeString(digest); err == nil && len(d) == sha256.Size {
					return d, nil
				}
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	digest := h.Sum(nil)
	if known {
		// Only a hint: a failed write costs the next run the hashing.
		// (evalcache.Open checks the directory is private right after.)
		_ = os.MkdirAll(cacheDir, 0o700)
		_ = os.WriteFile(memo, []byte(id+" "+hex.EncodeToString(digest)+"\n"), 0o600)
	}
	return digest, nil
}

// key digests one document, and its raw file where custom rules read it;
// false when the document is not cached: it cannot be written out, or a
// rule that reads the clock (or another nondeterministic built-in) may
// judge it.
func (c *cache) key(doc input.Document) (string, bool) {
	key, ok := c.digest(doc)
	if !ok {
		c.uncached.Add(1)
	}
	return key, ok
}

func (c *cache) digest(doc input.Document) (string, bool) {
	if c.allVolatile {
		return "", false
	}
	for _, r := range doc.Resources {
		if c.volatile[r.Type] {
			return "", false
		}
	}
	h := sha256.New()
	h.Write(c.ns)
	enc := json.NewEncoder(h)
	if err := enc.Encode(doc); err != nil {
		return "", false
	}
	if c.raw {
		if err := enc.Encode(doc.Raw); err != nil {
			return "", false
		}
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// get returns the stored result of key.
func (c *cache) get(key string) (engine.Result, bool) {
	data, ok := c.store.Get(key)
	var res engine.Result
	if ok && json.Unmarshal(data, &res) == nil && res.Checked != nil {
		c.hits.Add(1)
		return res, true
	}
	c.misses.Add(1)
	return engine.Result{}, false
}

// put stores the result of key; a failure is counted, not returned.
func (c *cache) put(key string, res engine.Result) {
	data, err := json.Marshal(res)
	if err == nil {
		err = c.store.Put(key, data)
	}
	c.failed(err)
}

// memo is the cache as the engine's Memo of shard findings; nil when no
// result may be reused (a custom rule reads the clock, or the run prints
// or traces).
func (c *cache) memo() engine.Memo {
	if c == nil || c.allVolatile {
		return nil
	}
	return shardMemo{c}
}

// shardMemo keeps the findings of shards in the cache directory, under
// the engine's keys, which live in the namespace of the policies and
// binary as the inputs' keys do.
type shardMemo struct{ c *cache }

func (m shardMemo) Get(key string) (engine.Parts, bool) {
	data, ok := m.c.store.Get(key)
	if ok {
		if parts, err := decodeParts(data); err == nil {
			m.c.shardHits.Add(1)
			return parts, true
		}
	}
	m.c.shardMisses.Add(1)
	return nil, false
}

// Put stores the findings redacted, as the inputs' results are: the
// cache never holds a value the reports would not show.
func (m shardMemo) Put(key string, secrets []string, parts engine.Parts) {
	redacted := make(engine.Parts, len(parts))
	for k, fs := range parts {
		fs = slices.Clone(fs)
		redactSecrets(secrets, fs)
		redacted[k] = fs
	}
	data, err := encodeParts(redacted)
	if err == nil {
		err = m.c.store.Put(key, data)
	}
	m.c.failed(err)
}

// prune keeps the directory within its bound, after a scan.
func (c *cache) prune() { c.failed(c.store.Prune()) }

// failed counts err, when not nil, for CacheStats.
func (c *cache) failed(err error) {
	if err != nil {
		c.errors.Add(1)
		msg := err.Error()
		c.lastErr.Store(&msg)
	}
}

// CacheStats says what the cache did; zero without WithCache.
func (s *Scanner) CacheStats() CacheStats {
	if s.cache == nil {
		return CacheStats{}
	}
	st := CacheStats{Hits: s.cache.hits.Load(), Misses: s.cache.misses.Load(), Uncached: s.cache.uncached.Load(),
		ShardHits: s.cache.shardHits.Load(), ShardMisses: s.cache.shardMisses.Load(), Errors: s.cache.errors.Load()}
	if p := s.cache.lastErr.Load(); p != nil {
		st.LastError = *p
	}
	return st
}
