package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=..." (make
// build). It must stay a constant for the linker to set it: use
// tenetVersion().
var version = "dev"

// tenetVersion is the version this binary reports: the one make build
// stamped, else the module version of a binary built by go install
// ...@v1.2.3 (from its build information), else "dev".
func tenetVersion() string {
	if version != "dev" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

// Exit codes, documented in the README and docs/cli.md.
const (
	exitOK        = 0
	exitFailures  = 1
	exitUsage     = 2
	exitLoadError = 3
)

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error // nil when the command already printed what it had to say
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

// Unwrap gives the command's error, nil when there is none.
func (e *exitError) Unwrap() error { return e.err }

// streams are the process's standard streams, passed in so that commands
// can be tested in process.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// run executes the command line and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := streams{in: stdin, out: stdout, err: stderr}
	root := newRootCommand(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "tenet: %s\n", oneLine(ee.err.Error()))
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "tenet: %s\n", oneLine(err.Error()))
	return exitUsage
}

// writeJSON prints v indented, without HTML escaping, as every command's
// JSON output is.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func newRootCommand(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "tenet",
		Short: "Compliance as code for Terraform, CloudFormation, Kubernetes and Dockerfiles",
		Long: `tenet checks Terraform plans, state and configuration directories, CloudFormation
templates, Kubernetes manifests, Helm charts, Kustomize overlays and Dockerfiles
against Rego policies mapped to CIS, NIST 800-53, SOC 2, PCI-DSS, HIPAA and GDPR
controls, and reports per framework and control.

Exit codes: 0 no failures, 1 failures, 2 usage or policy error,
3 an input could not be loaded (every other input was still evaluated).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       tenetVersion(),
	}
	root.SetVersionTemplate("tenet {{.Version}}\n")
	var cf configFlags
	root.PersistentFlags().StringVar(&cf.file, "config", "", "read flags from this YAML file instead of the .tenet.yaml found from the working directory up to the repository root")
	root.PersistentFlags().BoolVar(&cf.none, "no-config", false, "read no configuration file (TENET_* environment variables still apply)")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if cmd.Name() == "config" {
			return nil // it applies the file to the command it shows
		}
		return cf.configure(cmd, s.err)
	}
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: err}
	})
	root.AddCommand(
		newTestCommand(s),
		newParseCommand(s),
		newRulesCommand(s),
		newFrameworksCommand(s),
		newVerifyCommand(s),
		newBundleCommand(s),
		newDiffCommand(s),
		newMergeCommand(s),
		newHistoryCommand(s),
		newWatchCommand(s),
		newHealthcheckCommand(s),
		newVersionCommand(s),
		newConfigCommand(s, &cf),
	)
	addExamples(root)
	return root
}

// oneLine keeps an error to the one line the CLI promises per problem:
// a line break that reached a message (from a file name or an input) is
// written as \n.
func oneLine(msg string) string {
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(msg)
}
