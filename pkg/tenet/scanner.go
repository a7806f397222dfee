package tenet

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/pkg/report"
)

// Scanner holds loaded, compiled policies. It is safe for concurrent use;
// build it once and call Scan for every set of inputs.
type Scanner struct {
	cfg         config
	cat         *catalog.Catalog
	eng         *engine.Engine
	compiled    chan struct{} // closed when eng (or engErr) is set
	compileOnce sync.Once     // starts compile
	engErr      error
	keepRaw     bool
	frameworks  map[string]report.FrameworkInfo // titles for reports, built once
	baseline    *finding.Result                 // nil without WithBaseline
	ruleIDs     []string                        // every loaded rule, before filters: what makes a waiver broad
	history     *history.Store                  // nil without WithHistory
	cache       *cache                          // nil without WithCache
	batched     atomic.Int64                    // documents evaluated in batches (tests)
}

// New loads and compiles the policies. Its errors are policy or usage
// errors (a *catalog.PolicyError for a bad policy): nothing can be evaluated.
func New(ctx context.Context, opts ...Option) (*Scanner, error) {
	s, err := load(ctx, opts)
	if err != nil {
		return nil, err
	}
	s.startCompile(ctx)
	<-s.compiled
	if s.engErr != nil {
		return nil, s.engErr
	}
	return s, nil
}

// Load reads the policies and checks their metadata and the options, like
// New, but leaves the compile to the first Scan. It is for what only lists
// rules, frameworks, bundles or parses inputs: compiling the built-in
// library takes three times as long as reading it. A policy that reads
// but does not compile fails that first Scan.
func Load(ctx context.Context, opts ...Option) (*Scanner, error) {
	return load(ctx, opts)
}

// Scan is New followed by Scanner.Scan, in less time: the inputs are read
// and parsed while the policies compile (a third of a second for the
// built-in library, more than parsing most inputs). Its errors are those of
// both.
func Scan(ctx context.Context, paths []string, opts ...Option) (*finding.Result, error) {
	s, err := load(ctx, opts)
	if err != nil {
		return nil, err
	}
	// The compile runs beside the reading of the inputs and must finish
	// for Scan to return, whichever comes first; it stops with ctx.
	s.startCompile(ctx)
	return s.Scan(ctx, paths...)
}

// load reads the policies and the configuration, everything of New but
// compiling.
func load(ctx context.Context, opts []Option) (*Scanner, error) {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	switch cfg.unknown {
	case UnknownWarn, UnknownFail, UnknownIgnore:
	default:
		return nil, fmt.Errorf("unknown mode %q (want warn, fail or ignore)", cfg.unknown)
	}
	if err := checkOutputs(cfg.outputs); err != nil {
		return nil, err
	}
	if err := checkShard(cfg); err != nil {
		return nil, err
	}
	var base *finding.Result
	if cfg.baseline != "" {
		var err error
		if base, err = report.ReadJSONFile(cfg.baseline); err != nil {
			return nil, fmt.Errorf("baseline: %w", err)
		}
	}
	sources, err := sourcesFor(ctx, cfg)
	if err != nil {
		return nil, err
	}
	rv, err := regoVersion(cfg.regoVersion)
	if err != nil {
		return nil, err
	}
	cat, err := catalog.Load(ctx, sources, catalog.Options{
		RegoVersion:   rv,
		Namespaces:    cfg.namespaces,
		AllNamespaces: cfg.allNamespaces,
		DataPaths:     cfg.data,
		Verify:        cfg.verify,
		MetadataOnly:  cfg.metadataOnly,
		// A run parses only the built-in modules its targets compile.
		Lazy: true,
	})
	if err != nil {
		return nil, err
	}
	if err := checkFrameworks(cat, cfg.frameworks); err != nil {
		return nil, err
	}
	if err := checkRulePatterns(cat, "--rule", cfg.rules); err != nil {
		return nil, err
	}
	if err := checkRulePatterns(cat, "--skip-rule", cfg.skipRules); err != nil {
		return nil, err
	}
	// A waiver is judged against every loaded rule, so that --severity or
	// --framework cannot make a broad waiver look narrow.
	ruleIDs := make([]string, len(cat.Rules))
	for i, r := range cat.Rules {
		ruleIDs[i] = r.ID
	}
	filterRules(cat, cfg)
	if cfg.cacheDir != "" {
		// A cache inside a scanned directory is not an input.
		cfg.exclude = append(cfg.exclude, cfg.cacheDir)
	}
	store, err := openHistory(cfg)
	if err != nil {
		return nil, err
	}
	s := &Scanner{cfg: cfg, cat: cat, compiled: make(chan struct{}), frameworks: frameworkInfo(cat), baseline: base, ruleIDs: ruleIDs, history: store}
	for _, r := range cat.Rules {
		s.keepRaw = s.keepRaw || r.Custom
	}
	if s.cache, err = openCache(s); err != nil {
		return nil, err
	}
	// Refuse a bad or broad waiver before anything runs; Scan reads the
	// files again, so that a long-running scanner follows their edits.
	if _, err := s.givenWaivers(); err != nil {
		return nil, err
	}
	return s, nil
}

// sourcesFor lists the policy sources of a configuration: the Rego library
// and the framework catalogs always (custom rules import the one and are
// reported against the other), the built-in rule bundles unless left out,
// then the policies given, in order; oci:// policies are pulled into memory.
func sourcesFor(ctx context.Context, cfg config) ([]catalog.Source, error) {
	builtin, err := bundles.Sources(true)
	if err != nil {
		return nil, err
	}
	sources := []catalog.Source{builtin[0]} // the library
	for _, d := range builtin[1:] {
		if cfg.builtins || d.Path == "bundles/frameworks" {
			sources = append(sources, d)
		}
	}
	for i, fsys := range cfg.extraFS {
		sources = append(sources, catalog.Source{Path: fmt.Sprintf("extra%d", i), FS: fsys})
	}
	for _, p := range cfg.policies {
		if IsRegistryRef(p) {
			src, err := registrySource(ctx, p, cfg)
			if err != nil {
				return nil, err
			}
			sources = append(sources, src)
			continue
		}
		sources = append(sources, catalog.Source{Path: p})
	}
	return append(sources, cfg.archives...), nil
}

// BuiltinBundles lists the built-in bundles and their revisions, as
// Scanner.Bundles does for a scanner with the default options, from their
// manifests alone: reading the policies takes a third of a second.
func BuiltinBundles(ctx context.Context) ([]finding.Bundle, error) {
	sources, err := sourcesFor(ctx, defaults())
	if err != nil {
		return nil, err
	}
	return catalog.EmbeddedBundles(sources)
}

// isTestFile tells a Rego test module by its name.
func isTestFile(name string) bool { return strings.HasSuffix(name, "_test.rego") }

// withoutTests returns the modules that are not tests.
func withoutTests(modules map[string]*ast.Module) map[string]*ast.Module {
	out := make(map[string]*ast.Module, len(modules))
	for name, m := range modules {
		if !isTestFile(name) {
			out[name] = m
		}
	}
	return out
}

// Rules returns the rule catalog, sorted by id.
func (s *Scanner) Rules() []finding.Rule { return s.cat.Rules }

// Coverage returns, for every framework with a catalog or a mapped rule,
// how many of its controls the loaded rules cover.
func (s *Scanner) Coverage() []report.Coverage {
	return report.Coverages(s.cat.Rules, s.frameworks)
}

// Bundles returns the loaded bundles with their revisions.
func (s *Scanner) Bundles() []finding.Bundle { return s.cat.Bundles }

// Parse loads one input into its document, as rules see it; with raw it
// also keeps the parsed original file.
func (s *Scanner) Parse(ctx context.Context, path string, raw bool) (input.Document, error) {
	return loader.Read(ctx, path, s.loaderOptions(raw, nil))
}

// Inputs lists the inputs that Scan reads from paths: files as given,
// directories walked as Scan walks them (a directory of .tf files, a
// chart or an overlay is one input), without the --skip-path ones. The
// first walk error (an unreadable directory, a broken link) is returned
// with the inputs found.
func (s *Scanner) Inputs(paths ...string) ([]string, error) {
	files, walkErrs, _ := s.inputs(paths)
	if len(walkErrs) > 0 {
		return files, walkErrs[0]
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no input files found in %s", strings.Join(paths, ", "))
	}
	return files, nil
}

// inputs walks paths (loader.Files) and leaves out the excluded inputs
// and those --skip-path names; found is how many there were before
// --skip-path, for the error when it leaves none.
func (s *Scanner) inputs(paths []string) (files []string, walkErrs []error, found int) {
	files, walkErrs = loader.Files(paths)
	files, walkErrs = excludeInputs(s.cfg.exclude, files, walkErrs)
	found = len(files)
	files, walkErrs = skipInputs(s.cfg.skipPaths, files, walkErrs)
	return files, walkErrs, found
}

// loaderOptions are the options to read inputs with; run, when set, bounds
// what the YAML aliases of all the files of a scan may expand to.
func (s *Scanner) loaderOptions(raw bool, run *loader.AliasBudget) loader.Options {
	return loader.Options{Format: s.cfg.format, KeepRaw: raw, Stdin: s.cfg.stdin, MaxFileSize: s.cfg.maxFileSize,
		Aliases: loader.AliasLimits{Run: run}, Terraform: s.cfg.tfVars, TerraformDir: s.cfg.tfDir, Helm: s.cfg.helm}
}

// Scan loads and evaluates every input (files, directories walked for
// known extensions, "-" for stdin). An input that cannot be loaded or
// evaluated is reported in Result.Errors and the others are still
// evaluated: then Scan returns the result with an *IncompleteError, so
// that a caller who checks only err cannot take a partial scan for a
// pass. Any other error comes with a nil result: a cancelled context, a
// policy error, or paths that name no input at all.
func (s *Scanner) Scan(ctx context.Context, paths ...string) (*finding.Result, error) {
	if s.cfg.metadataOnly {
		return nil, errors.New("a Scanner loaded WithMetadataOnly cannot scan")
	}
	s.startCompile(context.WithoutCancel(ctx))
	if err := checkSomeRules(s.cat, s.cfg); err != nil {
		return nil, err
	}
	waivers, err := s.givenWaivers()
	if err != nil {
		return nil, err
	}
	runs, err := s.earlierRuns()
	if err != nil {
		return nil, err
	}
	files, walkErrs, found := s.inputs(paths)
	if len(files) == 0 && len(walkErrs) == 0 {
		if found > 0 {
			what := fmt.Sprintf("all %d inputs", found)
			if found == 1 {
				what = "the one input"
			}
			return nil, fmt.Errorf("no input left in %s: --skip-path %s left out %s found there", strings.Join(paths, ", "), strings.Join(s.cfg.skipPaths, ","), what)
		}
		return nil, fmt.Errorf("no input files found in %s: directories are walked for .json, .yaml, .yml and .tfstate files, Dockerfiles and directories of .tf files (other files are read only when named)", strings.Join(paths, ", "))
	}
	// A shard may hold no input: its report is then an empty part.
	files, walkErrs, place := shardInputs(s.cfg.shard, files, walkErrs)
	runCtx := ctx
	if s.cfg.timeout > 0 {
		var cancel context.CancelFunc
		runCtx, cancel = context.WithTimeout(ctx, s.cfg.timeout)
		defer cancel()
	}
	var memory *atomic.Pointer[MemoryLimitError]
	if s.cfg.maxMemory > 0 {
		var stop func()
		runCtx, memory, stop = guardMemory(runCtx, uint64(s.cfg.maxMemory))
		defer stop()
	}
	outcomes := make([]outcome, len(files))
	aliases := loader.NewAliasBudget(s.cfg.runAliasNodes)
	batches := s.newBatcher(runCtx, outcomes)
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(s.cfg.parallel, max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				o := s.scanFile(runCtx, files[i], aliases)
				outcomes[i] = o
				if o.pending {
					batches.add(i)
				}
			}
		}()
	}
	for i := range files {
		work <- i
	}
	close(work)
	// Every input but those still loading is here: the small files need
	// not wait for a slow one to be evaluated.
	batches.flush()
	wg.Wait()
	batches.wait()
	if s.needsEngine(outcomes) {
		<-s.compiled
		if s.engErr != nil {
			return nil, s.engErr
		}
	}
	comb := s.combined(runCtx, outcomes)
	if memory != nil {
		if e := memory.Load(); e != nil {
			return nil, s.memoryError(e, files, outcomes)
		}
	}
	// An interrupt cancels the scan; the run's own --timeout does not: the
	// inputs it cut short are reported as errors beside the others' results.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := s.result(files, outcomes, comb, walkErrs, waivers, place)
	if s.cache != nil {
		s.cache.prune()
	}
	if err := s.deliver(ctx, res, s.cfg.now().UTC(), runs); err != nil {
		return nil, err
	}
	if len(res.Errors) > 0 {
		return res, &IncompleteError{Errors: res.Errors}
	}
	return res, nil
}

// frameworkInfo turns the framework catalogs into the titles reports use.
func frameworkInfo(cat *catalog.Catalog) map[string]report.FrameworkInfo {
	out := make(map[string]report.FrameworkInfo, len(cat.Frameworks))
	for k, f := range cat.Frameworks {
		ctrls := make(map[string]string, len(f.Controls))
		for id, c := range f.Controls {
			ctrls[id] = c.Title
		}
		out[k] = report.FrameworkInfo{Title: f.Title, Controls: ctrls, Partial: f.Partial}
	}
	return out
}
