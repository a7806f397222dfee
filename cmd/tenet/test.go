package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

type testFlags struct {
	policyFlags
	outputs    []string
	failOnWarn bool
	failUneval bool
	basePath   string
	briefJSON  bool
	stdinName  string
	combine    bool
	unknown    string
	parallel   int
	noColor    bool
	color      bool
	timeout    time.Duration
	evalLimit  time.Duration
	maxSize    int64
	maxMemory  memoryFlag
	timestamp  string
	junitBy    string
	waivers    waiverFlags
	failStale  bool
	baseline   string
	history    string
	historyKey string
	exitZero   bool
	quiet      bool
	cache      string
	cacheMax   sizeFlag
	exitCodes  string
	trace      bool
	shard      string
}

func newTestCommand(s streams) *cobra.Command {
	f := testFlags{maxMemory: memoryFlag{auto: true}, cacheMax: tenet.DefaultCacheSize}
	cmd := &cobra.Command{
		Use:   "test PATH...",
		Short: "Check plans, state and manifests against the policies",
		Long: `Check Terraform plans (terraform show -json), Terraform state and Kubernetes
manifests against the built-in bundles and any --policy, and report per
framework and control. PATH may be a file, a directory (walked for .json,
.yaml, .yml and .tfstate files, Dockerfiles, directories of .tf files,
kustomizations and Helm charts) or - for standard input.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.exitCodes != "tenet" && f.exitCodes != "conftest" {
				return &exitError{code: exitUsage, err: fmt.Errorf("--exit-codes: want tenet or conftest, not %q", f.exitCodes)}
			}
			return conftestCodes(f, runTest(cmd, s, f, args))
		},
	}
	f.register(cmd)
	fl := cmd.Flags()
	fl.StringArrayVarP(&f.outputs, "output", "o", nil, fmt.Sprintf("output FORMAT or FORMAT=FILE (repeatable; formats: %s; default table)", strings.Join(report.Formats(), ", ")))
	fl.BoolVar(&f.failOnWarn, "fail-on-warn", false, "exit 1 on warnings too")
	fl.BoolVar(&f.trace, "trace", false, "write the evaluation trace of the --policy rules to standard error, as conftest --trace (the built-in rules are not traced); their print() output goes there always")
	fl.StringVar(&f.exitCodes, "exit-codes", "tenet", "tenet (0 pass, 1 failures, 2 usage or policy error, 3 input error) or conftest (0 pass, 1 failures and every error; with --fail-on-warn 1 warnings, 2 failures)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "the table output keeps only the findings, the inputs not evaluated and the verdict")
	fl.BoolVar(&f.exitZero, "exit-zero", false, "exit 0 even when rules fail, for report-only runs (input errors still exit 3, usage and policy errors 2)")
	fl.BoolVar(&f.failUneval, "fail-on-unevaluated", false, "exit 1 when an input was read but no loaded rule checked it (reported as not evaluated)")
	fl.BoolVar(&f.combine, "combine", false, "run the conftest-style rules once on all inputs together, as conftest --combine: their input is an array of {path, contents}, their findings are in the file Combined (built-in rules still judge each input)")
	fl.StringVar(&f.unknown, "unknown", "warn", "what results unknown until apply do to the exit code: warn, fail or ignore")
	fl.IntVar(&f.parallel, "parallel", 0, "inputs evaluated at once (default GOMAXPROCS)")
	fl.BoolVar(&f.noColor, "no-color", false, "never color the table output (NO_COLOR is honored too)")
	fl.BoolVar(&f.color, "color", false, "color the table output on standard output even when it is not a terminal, e.g. in CI logs that show ANSI colors (overrides NO_COLOR)")
	fl.StringVar(&f.timestamp, "timestamp", "", "time written into reports that carry one (OSCAL) and by which waiver expiry is judged, RFC 3339; default SOURCE_DATE_EPOCH, else now")
	f.waivers.register(fl, "apply the waivers in this YAML file (repeatable; see docs/waivers.md)")
	fl.BoolVar(&f.failStale, "fail-on-stale-waivers", false, "exit 1 when a waiver in force matches no finding")
	fl.StringVar(&f.baseline, "baseline", "", "compare with this earlier json report: fail only on new findings (by fingerprint) and list the resolved ones")
	fl.StringVar(&f.history, "history", "", "append this run to the hash-chained history in DIR (and draw trends from it in formats that do)")
	fl.StringVar(&f.historyKey, "history-signing-key", "", "sign the --history record with this PEM private key (see tenet history keygen)")
	fl.StringVar(&f.stdinName, "stdin-name", "", "the file name that findings and reports give the input read from - (SARIF results need a file to point at), e.g. deploy/pod.yaml")
	fl.BoolVar(&f.briefJSON, "brief-json", false, "leave the verbose parts out of the json format: rule descriptions, remediation and references, controls no rule covers, control evidence")
	fl.StringVar(&f.basePath, "base-path", ".", "the repository root: SARIF file URIs are relative to it (files outside it get absolute file: URIs)")
	fl.StringVar(&f.junitBy, "junit-suites", "input", "how the junit output groups test cases: input (a suite per input, a case per rule) or control (a suite per framework, a case per control and rule; also \"framework\")")
	fl.Int64Var(&f.maxSize, "max-file-size", 512<<20, "refuse input files larger than this many bytes")
	fl.Var(&f.maxMemory, "max-memory", "stop the run with a policy error (exit 2) when the heap passes this size, e.g. 4GiB; auto is 7/8 of the machine's or container's memory, 0 no limit")
	fl.DurationVar(&f.timeout, "timeout", 0, "stop the run after this long (e.g. 5m); inputs not evaluated by then are reported as errors")
	fl.DurationVar(&f.evalLimit, "eval-timeout", time.Minute, "stop evaluating one input after this long, reporting it as an error (0: no limit)")
	fl.StringVar(&f.shard, "shard", "", "check only shard K of N (K from 0, as a Kubernetes Indexed Job's $JOB_COMPLETION_INDEX): the inputs whose path hashes to K; merge the shards' json reports with tenet merge (see docs/scale.md)")
	fl.StringVar(&f.cache, "cache", "", "keep each input's evaluation results in DIR (a large plan's shard by shard), so that a later run evaluates only what changed (same findings; safe to delete; see docs/performance.md); auto is tenet/eval in the user's cache directory, off none (the default)")
	fl.Var(&f.cacheMax, "cache-max-size", "bound the --cache directory, e.g. 512MiB; the least recently used results go first")
	return cmd
}

// parseOutputs reads the -o flags, FORMAT or FORMAT=FILE; the reports
// without a file go to standard output.
func parseOutputs(flags []string) ([]tenet.Output, error) {
	if len(flags) == 0 {
		flags = []string{"table"}
	}
	var outs []tenet.Output
	for _, fl := range flags {
		format, file, _ := strings.Cut(fl, "=")
		if _, err := report.New(format, report.Options{}); err != nil {
			return nil, err
		}
		outs = append(outs, tenet.Output{Format: format, File: file})
	}
	// Two formats on standard output would concatenate into something no
	// program reads (a SARIF document followed by a JSON one).
	var onStdout []string
	for _, o := range outs {
		if o.File == "" {
			onStdout = append(onStdout, o.Format)
		}
	}
	if len(onStdout) > 1 {
		return nil, fmt.Errorf("-o %s: only one output can go to standard output; write the others to files with -o FORMAT=FILE", strings.Join(onStdout, " -o "))
	}
	return outs, nil
}

func runTest(cmd *cobra.Command, s streams, f testFlags, args []string) error {
	outs, err := parseOutputs(f.outputs)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	ts, err := reportTime(f.timestamp)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if f.color && f.noColor {
		return &exitError{code: exitUsage, err: fmt.Errorf("--color and --no-color contradict each other")}
	}
	if f.junitBy != "framework" && f.junitBy != "control" && f.junitBy != "input" {
		return &exitError{code: exitUsage, err: fmt.Errorf("--junit-suites: want input or control, not %q", f.junitBy)}
	}
	if f.historyKey != "" && f.history == "" {
		return &exitError{code: exitUsage, err: fmt.Errorf("--history-signing-key needs --history DIR")}
	}
	mode := tenet.UnknownMode(f.unknown)
	opts, err := f.options()
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	opts = append(opts, f.waivers.options()...)
	tuneForInputs(cmd.Context(), args)
	if f.combine {
		opts = append(opts, tenet.WithCombine())
	}
	// print() output of custom policies, and their trace, go to standard
	// error: standard output may carry a report.
	opts = append(opts, tenet.WithPrint(s.err))
	if f.trace {
		opts = append(opts, tenet.WithTrace(s.err))
	}
	cacheDir, err := cacheDirOf(f.cache)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if cacheDir != "" {
		opts = append(opts, tenet.WithCache(cacheDir, int64(f.cacheMax)))
	}
	if f.shard != "" {
		k, n, err := parseShard(f.shard)
		if err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		opts = append(opts, tenet.WithShard(k, n))
	}
	if f.history != "" {
		h, err := historyOption(f.history, f.historyKey)
		if err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		opts = append(opts, h)
	}
	// The control-by-control table is long across all frameworks: show it
	// when the user picked frameworks.
	ropts := report.Options{Timestamp: ts, Controls: len(f.frameworks) > 0 && !f.quiet, Quiet: f.quiet, JUnitByControl: f.junitBy != "input", BasePath: f.basePath, BriefJSON: f.briefJSON}
	opts = append(opts, outputOptions(outs, ropts, s.out, f.color, f.noColor)...)
	// Policy errors, unusable paths and bad or broad waiver files are all
	// usage errors (exit 2).
	res, err := tenet.Scan(cmd.Context(), args, append(opts,
		tenet.WithBaseline(f.baseline),
		tenet.WithFailOnStaleWaivers(f.failStale),
		tenet.WithNow(ts),
		tenet.WithFailOnWarn(f.failOnWarn),
		tenet.WithFailOnUnevaluated(f.failUneval),
		tenet.WithUnknown(mode),
		tenet.WithParallel(f.parallel),
		tenet.WithStdin(s.in),
		tenet.WithStdinName(f.stdinName),
		tenet.WithTimeout(f.timeout),
		tenet.WithEvalTimeout(f.evalLimit),
		tenet.WithMaxFileSize(f.maxSize),
		tenet.WithMemoryLimit(f.maxMemory.bytes()),
	)...)
	var incomplete *tenet.IncompleteError
	if err != nil && !errors.As(err, &incomplete) {
		return &exitError{code: exitUsage, err: err}
	}
	for _, e := range res.Errors {
		fmt.Fprintf(s.err, "tenet: %s\n", oneLine(e.Message))
	}
	warnWaivers(s.err, res)
	if slices.ContainsFunc(outs, func(o tenet.Output) bool { return o.Format == "sarif" }) {
		if n := (report.SARIF{}).Omitted(res); n > 0 {
			fmt.Fprintf(s.err, "tenet: warning: sarif: %d of %d findings left out to stay within GitHub's %d results a run (waived, unknown, then warnings first); the json format has them all\n",
				n, len(res.Findings), report.GitHubResultsPerRun)
		}
	}
	switch {
	case len(res.Errors) > 0:
		return &exitError{code: exitLoadError}
	case res.Summary.Failed && !f.exitZero:
		if f.exitCodes == "conftest" && f.failOnWarn && res.Summary.Deny > 0 {
			return &exitError{code: exitConftestFailures}
		}
		return &exitError{code: exitFailures}
	}
	return nil
}

// exitConftestFailures is conftest's exit code for failures under
// --fail-on-warn, where its 1 means warnings only. It is 2, tenet's usage
// error, hence only with --exit-codes conftest.
const exitConftestFailures = -2

// conftestCodes maps err to conftest's exit codes when --exit-codes
// conftest asks for them: every error exits 1, as in conftest, and
// failures under --fail-on-warn exit 2.
func conftestCodes(f testFlags, err error) error {
	var ee *exitError
	if !errors.As(err, &ee) {
		return err
	}
	switch {
	case ee.code == exitConftestFailures:
		ee.code = 2
	case f.exitCodes == "conftest" && (ee.code == exitUsage || ee.code == exitLoadError):
		ee.code = exitFailures
	}
	return err
}

// reportTime is the time reports carry: --timestamp, else
// SOURCE_DATE_EPOCH (reproducible builds' convention), else now.
func reportTime(flag string) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse(time.RFC3339, flag)
		if err != nil {
			return time.Time{}, fmt.Errorf("--timestamp: %w", err)
		}
		return t.UTC(), nil
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		secs, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: %w", err)
		}
		return time.Unix(secs, 0).UTC(), nil
	}
	return time.Now().UTC().Truncate(time.Second), nil
}

// colorOn says whether the table on w is colored: forced (--color, which
// beats NO_COLOR as a flag for one run beats the environment), or on a
// terminal without NO_COLOR.
// outputOptions gives every output the report options; those written to
// standard output (out) are colored as --color, --no-color and the
// terminal say.
func outputOptions(outs []tenet.Output, ropts report.Options, out io.Writer, color, noColor bool) []tenet.Option {
	opts := make([]tenet.Option, len(outs))
	for i, o := range outs {
		o.Options = ropts
		if o.File == "" {
			o.Writer = out
			o.Options.Color = colorOn(out, color, noColor)
		}
		opts[i] = tenet.WithOutputs(o)
	}
	return opts
}

func colorOn(w io.Writer, force, never bool) bool {
	return !never && (force || os.Getenv("NO_COLOR") == "" && isTerminal(w))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// parseShard reads --shard K/N.
func parseShard(v string) (k, n int, err error) {
	ks, ns, ok := strings.Cut(v, "/")
	if ok {
		k, err = strconv.Atoi(ks)
		if err == nil {
			n, err = strconv.Atoi(ns)
		}
	}
	if !ok || err != nil || n < 1 || k < 0 || k >= n {
		return 0, 0, fmt.Errorf("--shard %q: want K/N with 0 <= K < N, e.g. 0/8", v)
	}
	return k, n, nil
}
