package catalog

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/open-policy-agent/opa/v1/ast"
	"golang.org/x/sync/errgroup"
)

// Lazy modules (Options.Lazy): parsing the built-in library is most of
// the time of a small run, a third of a second of CPU, and a run on
// manifests or a Dockerfile compiles a tenth of it. So the embedded
// bundles are read as for MetadataOnly, each module's head (package
// clause and METADATA) parsed, its rule names found by a scan of its text
// (ruleNames), and the whole module is parsed when first asked for.

// lazyModule is the text of an embedded module not parsed yet.
//
// The parsed module is held weakly: the compilers copy the modules they
// compile, and the engine reads all of them once to plan a large plan's
// shards, so a strong hold kept the whole parsed library (about 28 MB, a
// third of a 50,000-resource plan in OPA's form) alive through every
// evaluation. Once no one holds it, it is collected, and parsed again
// should anyone ask for it later: parsing is deterministic, and no caller
// compares modules parsed at different times by identity.
type lazyModule struct {
	text []byte
	mu   sync.Mutex
	m    weak.Pointer[ast.Module]
	err  error
	done atomic.Bool // parsed at least once
}

// parserOptions are those of the embedded modules (Rego v1, with their
// METADATA). They carry the capabilities computed once by Load: without
// them the parser computes them again for each module, sorting every
// built-in, which was a tenth of the CPU of loading the library.
func (c *Catalog) parserOptions() ast.ParserOptions {
	return ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: c.capabilities}
}

// Parsed returns module name whole: with Options.Lazy, Modules holds only
// the head (package clause and METADATA) of an embedded module, which
// Parsed parses when first asked, and again after the parsed module was
// collected (lazyModule). It is safe for concurrent use.
func (c *Catalog) Parsed(name string) (*ast.Module, error) {
	l, ok := c.lazy[name]
	if !ok {
		m, found := c.Modules[name]
		if !found {
			return nil, fmt.Errorf("no module %s", name)
		}
		return m, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err != nil {
		return nil, l.err
	}
	if m := l.m.Value(); m != nil {
		return m, nil
	}
	opts := c.parserOptions()
	// The catalog read the METADATA from the module's head, and only a
	// module that calls rego.metadata needs it compiled: parsing its YAML
	// again was a tenth of the CPU of parsing a module.
	opts.ProcessAnnotation = bytes.Contains(l.text, []byte("rego.metadata"))
	m, err := ast.ParseModuleWithOpts(name, string(l.text), opts)
	if err != nil {
		l.err = &PolicyError{File: name, Err: err}
		return nil, l.err
	}
	l.m = weak.Make(m)
	l.done.Store(true)
	return m, nil
}

// AllParsed returns every module whole, keyed as Modules, parsing those
// Options.Lazy left on every core.
func (c *Catalog) AllParsed() (map[string]*ast.Module, error) {
	return c.parsedWhere(func(*lazyModule) bool { return true })
}

// ParsedMentioning returns, keyed as Modules, the modules that may
// mention one of words: every module held whole, and those that
// Options.Lazy left whose text holds one of words, parsed on every core.
// A caller looking for calls or references by name (engine.Volatile) thus
// parses only the modules that can hold them. The lazy modules are the
// embedded ones (Source.FS), so no one else's text decides what is read.
func (c *Catalog) ParsedMentioning(words []string) (map[string]*ast.Module, error) {
	return c.parsedWhere(func(l *lazyModule) bool {
		return slices.ContainsFunc(words, func(w string) bool { return bytes.Contains(l.text, []byte(w)) })
	})
}

// parsedWhere returns the modules held whole and the lazy ones that keep
// accepts, parsed on every core.
func (c *Catalog) parsedWhere(keep func(*lazyModule) bool) (map[string]*ast.Module, error) {
	out := make(map[string]*ast.Module, len(c.Modules))
	var names []string
	for name, m := range c.Modules {
		if l, lazy := c.lazy[name]; !lazy {
			out[name] = m
		} else if keep(l) {
			names = append(names, name)
		}
	}
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, name := range names {
		g.Go(func() error {
			m, err := c.Parsed(name)
			if err != nil {
				return err
			}
			mu.Lock()
			out[name] = m
			mu.Unlock()
			return nil
		})
	}
	return out, g.Wait()
}

// BuiltinDigest digests the names and texts of the built-in modules, so
// that what was worked out ahead of time from the built-in library (the
// engine's table of the types its rules read) is used for that library
// only. ok is false when a built-in module is held parsed rather than as
// its text: a catalog not loaded with Options.Lazy.
func (c *Catalog) BuiltinDigest() (digest string, ok bool) {
	var names []string
	for name, builtin := range c.Builtin {
		if !builtin {
			continue
		}
		if _, lazy := c.lazy[name]; !lazy {
			return "", false
		}
		names = append(names, name)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, name := range names {
		// Each length first, so that no two libraries write the same bytes.
		text := c.lazy[name].text
		fmt.Fprintf(h, "%d:%s%d:", len(name), name, len(text))
		h.Write(text)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), true
}

// IsLazy tells whether module name is held by its head until Parsed.
func (c *Catalog) IsLazy(name string) bool {
	_, ok := c.lazy[name]
	return ok
}

// ParsedYet tells whether module name is held whole: false for a lazy
// module that Parsed has not parsed yet.
func (c *Catalog) ParsedYet(name string) bool {
	l, ok := c.lazy[name]
	return !ok || l.done.Load()
}

// addNames adds to m's package the rule names of a module held by its
// head (Options.Lazy).
func (b *builder) addNames(bundleName, file string, m *ast.Module, names []string) {
	p := b.pkgs[strings.TrimPrefix(m.Package.Path.String(), "data.")]
	for _, n := range names {
		if _, seen := p.names[n]; !seen {
			p.names[n] = origin{bundle: bundleName, file: file}
		}
	}
}

// ruleNames lists the names of the rules text defines, from its lines
// that start with a name: in a module formatted by opa fmt, as the
// embedded ones are (make lint), a rule's head starts a line and nothing
// else does but the package clause, imports, an else of the rule before,
// comments and closing brackets. TestRuleNamesLexical holds it to the parser's names.
func ruleNames(text []byte) []string {
	var names []string
	for line := range bytes.Lines(text) {
		line = bytes.TrimPrefix(line, []byte("default "))
		n := 0
		for n < len(line) && (line[n] == '_' || line[n] >= 'a' && line[n] <= 'z' || line[n] >= 'A' && line[n] <= 'Z' || n > 0 && line[n] >= '0' && line[n] <= '9') {
			n++
		}
		name := string(line[:n])
		if n == 0 || name == "package" || name == "import" || name == "else" {
			continue
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}
