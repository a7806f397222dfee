package tenet

import (
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// Option configures a Scanner.
type Option func(*config)

// UnknownMode says what results that are unknown until apply do to the
// outcome of a scan.
type UnknownMode string

// The unknown modes; the default is UnknownWarn.
const (
	// UnknownWarn counts them like warnings: they fail the run only with
	// fail-on-warn.
	UnknownWarn UnknownMode = "warn"
	// UnknownFail counts them as failures.
	UnknownFail UnknownMode = "fail"
	// UnknownIgnore reports them but never fails the run on them.
	UnknownIgnore UnknownMode = "ignore"
)

type config struct {
	// batchObjects is how many objects a batch of small documents holds
	// (batch.go): 0 for the default, below 0 for no batches (tests).
	batchObjects        int
	metadataOnly        bool
	builtins            bool
	extraFS             []fs.FS
	policies            []string
	archives            []catalog.Source
	data                []string
	namespaces          []string
	allNamespaces       bool
	combine             bool
	parallel            int
	format              input.Format
	unknown             UnknownMode
	failOnWarn          bool
	minSeverity         finding.Severity
	severities          []finding.Severity
	rules, skipRules    []string
	skipPaths           []string
	frameworks          []string
	version             string
	stdin               io.Reader
	maxFileSize         int64
	tfVars              loader.TerraformVars
	tfDir               string
	helm                loader.HelmOptions
	allowBuiltins       []string
	timeout             time.Duration
	evalTimeout         time.Duration
	waivers             []finding.Waiver
	waiverFiles         []string
	failOnStale         bool
	failOnUnevaluated   bool
	stdinName           string
	allowBroad          bool
	noAnnotationWaivers bool
	now                 func() time.Time
	verify              *catalog.VerificationKey
	baseline            string
	maxMemory           int64
	sensitive           bool
	runAliasNodes       int64
	exclude             []string
	outputs             []Output
	historyDir          string
	shard               shardSpec
	cacheDir            string
	cacheMax            int64
	regoVersion         string
	varValues           bool
	print, trace        io.Writer
	historyOpts         []history.Option
	registry            RegistryOptions
}

func defaults() config {
	return config{
		builtins: true,
		parallel: runtime.GOMAXPROCS(0),
		unknown:  UnknownWarn,
		version:  "dev",
		now:      time.Now,

		runAliasNodes: loader.DefaultRunAliasNodes,
	}
}

// WithPolicy adds policy directories, bundle archives (.tar.gz) or .rego
// files to the built-in bundles.
func WithPolicy(paths ...string) Option {
	return func(c *config) { c.policies = append(c.policies, paths...) }
}

// WithPolicyArchive adds a bundle archive (.tar.gz) held in memory, such
// as one downloaded from a bundle server, after the WithPolicy policies.
// It gets every check of an archive on disk (limits, signature); name,
// a URL for a download, is how reports and errors name it.
func WithPolicyArchive(name string, data []byte) Option {
	return func(c *config) { c.archives = append(c.archives, catalog.Source{Path: name, Archive: data}) }
}

// WithoutBuiltins leaves the built-in rule bundles out; only WithPolicy
// policies run. The Rego library and the framework catalogs stay loaded.
func WithoutBuiltins() Option { return func(c *config) { c.builtins = false } }

// WithData loads JSON or YAML files or directories as data, as conftest --data.
func WithData(paths ...string) Option {
	return func(c *config) { c.data = append(c.data, paths...) }
}

// WithNamespaces sets the packages whose conftest-style rules run
// (default "main").
func WithNamespaces(ns ...string) Option {
	return func(c *config) { c.namespaces = append(c.namespaces, ns...) }
}

// WithAllNamespaces runs the conftest-style rules of every package.
func WithAllNamespaces() Option { return func(c *config) { c.allNamespaces = true } }

// WithParallel sets how many inputs are loaded and evaluated at once;
// n < 1 means GOMAXPROCS.
func WithParallel(n int) Option {
	return func(c *config) {
		if n < 1 {
			n = runtime.GOMAXPROCS(0)
		}
		c.parallel = n
	}
}

// WithInputFormat forces the format of every input instead of detecting it.
func WithInputFormat(f input.Format) Option { return func(c *config) { c.format = f } }

// WithTerraformVariables sets the variables Terraform configuration
// directories are evaluated with, after the files Terraform reads itself
// (terraform.tfvars, *.auto.tfvars): variable files, then "name=value"
// assignments, as terraform's -var-file and -var.
func WithTerraformVariables(files, values []string) Option {
	return func(c *config) {
		c.tfVars.Files = append(c.tfVars.Files, files...)
		c.tfVars.Values = append(c.tfVars.Values, values...)
	}
}

// WithTerraformDir names the configuration directory the plans of a scan
// were made from: their findings then point at its .tf files and lines.
// Without it, a plan whose own directory holds .tf files is located there.
func WithTerraformDir(dir string) Option { return func(c *config) { c.tfDir = dir } }

// WithHelm says how Helm charts are rendered, as helm template's flags
// do: values files (-f) in order over the chart's values.yaml, then
// key=value assignments (--set), and the Kubernetes version templates
// see ("" for loader.DefaultKubeVersion).
func WithHelm(valuesFiles, set []string, kubeVersion string) Option {
	return func(c *config) {
		c.helm.ValuesFiles = append(c.helm.ValuesFiles, valuesFiles...)
		c.helm.Set = append(c.helm.Set, set...)
		if kubeVersion != "" {
			c.helm.KubeVersion = kubeVersion
		}
	}
}

// WithUnknown sets what unknown-until-apply results do to the outcome.
func WithUnknown(m UnknownMode) Option { return func(c *config) { c.unknown = m } }

// WithFailOnWarn makes warnings fail the run.
func WithFailOnWarn(b bool) Option { return func(c *config) { c.failOnWarn = b } }

// WithMinSeverity runs only rules of at least this severity (custom rules
// without a severity always run).
func WithMinSeverity(s finding.Severity) Option { return func(c *config) { c.minSeverity = s } }

// WithSeverities runs only rules of exactly these severities (custom rules
// without a severity always run), as Trivy's --severity list.
func WithSeverities(s ...finding.Severity) Option {
	return func(c *config) { c.severities = append(c.severities, s...) }
}

// WithMetadataOnly reads, of the built-in rules, only their metadata: what
// listing rules and frameworks needs (Scanner.Rules, Scanner.Frameworks,
// tenet rules and tenet frameworks), in about a third of the time that
// parsing their code takes. Policies from outside the built-ins are read
// in full. A Scanner loaded so refuses to Scan.
func WithMetadataOnly() Option {
	return func(c *config) { c.metadataOnly = true }
}

// WithRules runs only the rules whose id matches one of these patterns
// (path.Match globs, case-insensitive: "TNT-AWS-S3-*"). A pattern that
// matches no loaded rule is an error, since the scan would run nothing it
// was asked to.
func WithRules(patterns ...string) Option {
	return func(c *config) { c.rules = append(c.rules, patterns...) }
}

// WithSkipRules leaves out the rules whose id matches one of these
// patterns (as WithRules). A pattern that matches no loaded rule is an
// error: a misspelt id would leave the rule running unnoticed.
func WithSkipRules(patterns ...string) Option {
	return func(c *config) { c.skipRules = append(c.skipRules, patterns...) }
}

// WithSkipPaths leaves out of Scan the inputs whose path matches one of
// these globs (path.Match, slash-separated): against the whole path as
// given or walked, its base name, or one of its parent directories
// ("vendor", "**/testdata" style prefixes: "test/*" skips test/x/plan.json).
func WithSkipPaths(globs ...string) Option {
	return func(c *config) { c.skipPaths = append(c.skipPaths, globs...) }
}

// WithFrameworks keeps only rules mapped to one of these frameworks (a key
// such as "nist-800-53-r5", or a prefix such as "cis-aws"); custom rules
// without a mapping still run.
func WithFrameworks(keys ...string) Option {
	return func(c *config) { c.frameworks = append(c.frameworks, keys...) }
}

// WithAllowedBuiltins lets policies call these restricted built-ins
// (engine.Restricted(): http.send, net.lookup_ip_addr, opa.runtime), which
// are refused by default.
func WithAllowedBuiltins(names ...string) Option {
	return func(c *config) { c.allowBuiltins = append(c.allowBuiltins, names...) }
}

// WithTimeout bounds a whole Scan; inputs not evaluated in time are
// reported as errors, the others keep their results. Zero means no limit.
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithEvalTimeout bounds the evaluation of one input, so that a runaway
// policy costs that input, not the run. Zero means no limit.
func WithEvalTimeout(d time.Duration) Option { return func(c *config) { c.evalTimeout = d } }

// VerificationKey checks the signatures of policy bundles (OPA's
// .signatures.json format); see catalog.VerificationKey.
type VerificationKey = catalog.VerificationKey

// WithVerificationKey requires every WithPolicy source to be a bundle
// signed with this key, whose files match the signature: a bundle that is
// unsigned, tampered with (a file changed, added or removed) or signed
// with another key is a *catalog.PolicyError from New. The built-in
// bundles are compiled into the binary and are not checked.
func WithVerificationKey(k VerificationKey) Option {
	return func(c *config) { c.verify = &k }
}

// WithVersion sets the tool version written into results.
func WithVersion(v string) Option { return func(c *config) { c.version = v } }

// WithStdinName names the input read from "-" in findings and reports
// (default "-"): a SARIF result needs a file to point at, and a baseline
// a stable path.
func WithStdinName(name string) Option { return func(c *config) { c.stdinName = name } }

// WithStdin sets the reader for the input path "-" (default os.Stdin).
func WithStdin(r io.Reader) Option { return func(c *config) { c.stdin = r } }

// WithMaxFileSize bounds the size of one input file in bytes.
func WithMaxFileSize(n int64) Option { return func(c *config) { c.maxFileSize = n } }

// WithYAMLAliasBudget bounds the nodes that YAML aliases may copy in all
// the inputs of one Scan together (default loader.DefaultRunAliasNodes);
// each file also has its own limit (see loader.AliasLimits).
func WithYAMLAliasBudget(nodes int64) Option { return func(c *config) { c.runAliasNodes = nodes } }

// WithWaivers adds waivers (see package waiver): findings they cover are
// reported as waived and do not fail the run. Waivers in the annotations
// of Kubernetes objects apply without this option (see
// WithoutAnnotationWaivers); broad waivers need WithBroadWaivers.
func WithWaivers(ws ...finding.Waiver) Option {
	return func(c *config) { c.waivers = append(c.waivers, ws...) }
}

// WithWaiverFiles reads waivers from these YAML files in New and at the
// start of every Scan, so a long-running scanner (tenet watch) follows
// edits; a file that cannot be read, is invalid or holds a broad waiver
// (without WithBroadWaivers) makes New or that Scan fail.
func WithWaiverFiles(paths ...string) Option {
	return func(c *config) { c.waiverFiles = append(c.waiverFiles, paths...) }
}

// WithBroadWaivers lets broad waivers apply (waiver.Broad: a rule pattern
// that starts with a wildcard or spans rule families, or a glob of rules on
// every resource). Without it, a broad waiver from WithWaivers or
// WithWaiverFiles makes New and Scan fail, naming where it is written, and
// one in a Kubernetes annotation is refused: listed in Result.Waivers, not
// applied. Either way Result.Waivers marks broad waivers on every scan.
func WithBroadWaivers(allow bool) Option { return func(c *config) { c.allowBroad = allow } }

// WithoutAnnotationWaivers ignores the waivers that Kubernetes objects
// carry in their tenet.dev/waivers annotation, for runs that trust only
// reviewed waiver files: the findings they would cover fail, and
// Result.Waivers lists them as refused (a malformed annotation is ignored
// too, not an input error).
func WithoutAnnotationWaivers() Option { return func(c *config) { c.noAnnotationWaivers = true } }

// WithFailOnStaleWaivers makes a waiver that matches nothing fail the run.
func WithFailOnStaleWaivers(b bool) Option { return func(c *config) { c.failOnStale = b } }

// WithFailOnUnevaluated makes the run fail (Summary.Failed) when an input
// was read but no loaded rule checked it (Summary.NotEvaluated > 0).
func WithFailOnUnevaluated(b bool) Option { return func(c *config) { c.failOnUnevaluated = b } }

// WithNow sets the time a scan judges waiver expiry by (default the
// clock); reproducible runs pass their report time.
func WithNow(t time.Time) Option {
	return func(c *config) { c.now = func() time.Time { return t } }
}

// WithBaseline compares every scan with the json report at path (read by
// New): findings whose fingerprint the baseline has are marked existing and
// do not fail the run, only new ones do; Result.Baseline lists the
// baseline's findings that are resolved.
func WithBaseline(path string) Option { return func(c *config) { c.baseline = path } }

// WithMemoryLimit stops a scan whose heap passes n bytes, with a
// *catalog.PolicyError holding a *MemoryLimitError: a policy that builds
// a huge value (numbers.range(1, 1e9)) would otherwise grow until the
// operating system kills the process. The heap is the process's, so the
// limit holds for all the scans in flight together. Zero (the library's
// default) means no limit; the CLI sets one from the machine's memory.
func WithMemoryLimit(n int64) Option { return func(c *config) { c.maxMemory = n } }

// WithSensitiveForPolicies lets policies from outside the built-in
// bundles (WithPolicy) see the values Terraform marks sensitive. By
// default they see "(sensitive value)" in their place, in the document
// and in the raw file, so that a third-party policy cannot carry a secret
// out of the scan (encoded in a message past redaction, or in an error).
// The built-in rules always see the real values.
func WithSensitiveForPolicies(b bool) Option { return func(c *config) { c.sensitive = b } }

// WithExclude leaves every input under these paths (files or directories)
// out of Scan, whether a walked directory holds it or it is named: tenet
// watch excludes its own history directory and alert outbox, which may
// lie inside a watched directory. Paths are compared after making them
// absolute and resolving symbolic links; an empty path is ignored.
func WithExclude(paths ...string) Option {
	return func(c *config) { c.exclude = append(c.exclude, paths...) }
}

// withBundleFS adds an embedded-style bundle; for tests.
func withBundleFS(fsys fs.FS) Option {
	return func(c *config) { c.extraFS = append(c.extraFS, fsys) }
}

// WithRegoVersion parses the policies from outside the built-ins as Rego
// "v0" (written before OPA 1.0: no `if`, `contains`, `import rego.v1`) or
// "v1", the default, as conftest --rego-version does. A bundle whose
// .manifest names its rego_version keeps it; the built-in bundles are v1.
func WithRegoVersion(version string) Option {
	return func(c *config) { c.regoVersion = version }
}

// ParseRegoVersion reads "v0" or "v1" ("" is v1), as WithRegoVersion
// takes them, for BuildOptions.RegoVersion.
func ParseRegoVersion(v string) (ast.RegoVersion, error) { return regoVersion(v) }

// regoVersion reads WithRegoVersion's value.
func regoVersion(v string) (ast.RegoVersion, error) {
	switch v {
	case "", "v1":
		return ast.RegoV1, nil
	case "v0":
		return ast.RegoV0, nil
	}
	return ast.RegoUndefined, fmt.Errorf("rego version %q: want v0 or v1", v)
}

// WithVarValues makes Verify give, for each failed test, the expression
// that failed and the values of its variables (opa test --var-values).
func WithVarValues() Option {
	return func(c *config) { c.varValues = true }
}

// WithPrint sends what the print() calls of the policies from outside the
// built-ins write to w, a line each: "print: INPUT: FILE:LINE: message".
// Without it their print() calls do nothing.
func WithPrint(w io.Writer) Option {
	return func(c *config) { c.print = w }
}

// WithTrace writes the evaluation trace of every query of the policies
// from outside the built-ins to w, as conftest test --trace does. The
// built-in rules are never traced.
func WithTrace(w io.Writer) Option {
	return func(c *config) { c.trace = w }
}
