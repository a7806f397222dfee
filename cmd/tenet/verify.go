package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/tenet"
)

func newVerifyCommand(s streams) *cobra.Command {
	var (
		f       policyFlags
		run     string
		verbose bool
		format  string
		vars    bool
		// maxMemory stops tests that build huge values.
		maxMemory = memoryFlag{auto: true}
	)
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Run the Rego tests of the built-in and custom policies, with coverage",
		Long: `Run the tests (rules named test_*) of the built-in bundles and of every --policy
with OPA's test runner, like conftest verify or opa test --coverage: failures
are listed with their file and line, then the totals and the coverage of the
policy lines. Exits 1 when a test fails or errors, and when no test is found
(none in the policies, or none that --run matches).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts, err := f.options()
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			opts = append(opts, tenet.WithMemoryLimit(maxMemory.bytes()))
			if vars {
				opts = append(opts, tenet.WithVarValues())
			}
			res, err := tenet.Verify(cmd.Context(), run, opts...)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			switch format {
			case "json":
				if err := writeJSON(s.out, res); err != nil {
					return err
				}
			case "table":
				printVerify(s, res, verbose)
			default:
				return &exitError{code: exitUsage, err: fmt.Errorf("unknown output format %q (want table or json)", format)}
			}
			if !res.OK() {
				return &exitError{code: exitFailures}
			}
			if len(res.Tests) == 0 {
				// Nothing tested is not a pass: a misspelt --run or a bundle
				// without its _test.rego files would look green.
				msg := "no test found: tests are rules named test_* in the policies' packages"
				if run != "" {
					msg = fmt.Sprintf("no test matches --run %q", run)
				}
				return &exitError{code: exitFailures, err: errors.New(msg)}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVarP(&f.policies, "policy", "p", nil, policyHelp+"; with its tests")
	fl.StringArrayVarP(&f.data, "data", "d", nil, "load JSON or YAML files or directories as data (repeatable)")
	fl.BoolVar(&f.noBuiltins, "no-builtins", false, "test only the --policy policies")
	fl.StringArrayVar(&f.allowBuiltins, "allow-builtin", nil, "let policies call this restricted built-in: http.send, net.lookup_ip_addr or opa.runtime (repeatable)")
	f.signing.register(fl)
	f.registry.register(fl)
	fl.Var(&maxMemory, "max-memory", "stop with a policy error (exit 2) when the heap passes this size, e.g. 4GiB; auto is 7/8 of the machine's or container's memory, 0 no limit")
	fl.StringVar(&run, "run", "", "run only tests whose name matches this regular expression")
	fl.BoolVarP(&verbose, "verbose", "v", false, "list every test, not only the failures")
	fl.BoolVar(&vars, "var-values", false, "show, under each failed test, the expression that failed and the values of its variables (as opa test and conftest verify --var-values)")
	registerRegoVersion(fl, &f.regoVersion)
	fl.StringVarP(&format, "output", "o", "table", "output format: table or json")
	return cmd
}

func printVerify(s streams, res *tenet.VerifyResult, verbose bool) {
	for _, t := range res.Tests {
		if !verbose && (t.Status == "pass" || t.Status == "skip") {
			continue
		}
		line := fmt.Sprintf("%-5s %s.%s (%s:%d)", statusWord(t.Status), t.Package, t.Name, t.File, t.Line)
		if t.Error != "" {
			line += ": " + t.Error
		}
		fmt.Fprintln(s.out, line)
		for _, block := range []string{t.Failure, t.Output} {
			if block = strings.TrimRight(block, "\n"); block != "" {
				fmt.Fprintln(s.out, "      "+strings.ReplaceAll(block, "\n", "\n      "))
			}
		}
	}
	if verbose || !res.OK() {
		fmt.Fprintln(s.out)
	}
	fmt.Fprintf(s.out, "%d passed, %d failed, %d errors, %d skipped; coverage %.1f%% of policy lines\n",
		res.Passed, res.Failed, res.Errored, res.Skipped, res.Coverage)
	if verbose {
		files := make([]string, 0, len(res.Files))
		for f := range res.Files {
			files = append(files, f)
		}
		sort.Strings(files)
		for _, f := range files {
			fmt.Fprintf(s.out, "  %5.1f%%  %s\n", res.Files[f], f)
		}
	}
}

func statusWord(s string) string {
	switch s {
	case "pass":
		return "PASS"
	case "fail":
		return "FAIL"
	case "error":
		return "ERROR"
	}
	return "SKIP"
}
