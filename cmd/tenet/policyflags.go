package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

// policyFlags are the flags that choose and tune policies, shared by the
// commands that load them.
type policyFlags struct {
	policies      []string
	data          []string
	namespaces    []string
	allNamespaces bool
	noBuiltins    bool
	frameworks    []string
	severity      string
	rules         []string
	skipRules     []string
	skipPaths     []string
	inputFormat   string
	varFiles      []string
	vars          []string
	terraformDir  string
	helmValues    []string
	helmSet       []string
	kubeVersion   string
	allowBuiltins []string
	regoVersion   string
	// allowSensitive lets custom policies see sensitive values.
	allowSensitive bool
	signing        signingFlags
	registry       registryFlags
}

// registryFlags say how registries are reached, for oci:// policies and
// tenet bundle push and pull.
type registryFlags struct {
	plainHTTP bool
}

func (f *registryFlags) register(fl *pflag.FlagSet) {
	fl.BoolVar(&f.plainHTTP, "plain-http", false, "reach OCI registries over plain HTTP instead of HTTPS (loopback registries, localhost, 127.0.0.1 and [::1], always are); credentials come from $DOCKER_CONFIG/config.json or ~/.docker/config.json")
}

func (f *registryFlags) options() tenet.RegistryOptions {
	return tenet.RegistryOptions{PlainHTTP: f.plainHTTP, UserAgent: "tenet/" + tenetVersion()}
}

// signingFlags choose the key that policy bundles must be signed with.
type signingFlags struct {
	key   string // path of the key file
	keyID string
	alg   string
	scope string
}

// register adds the verification flags; every command that loads
// --policy sources has them.
func (f *signingFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&f.key, "verification-key", "", "require every --policy to be a bundle signed with this key: a PEM public key or certificate file, or a file holding the HMAC secret (then --verification-alg HS256, HS384 or HS512 is required)")
	fl.StringVar(&f.keyID, "verification-key-id", "default", "the name of the verification key, as opa --verification-key-id")
	fl.StringVar(&f.alg, "verification-alg", "", "the signature algorithm, e.g. RS256, PS256, ES256, or HS256 for an HMAC secret (default: the one the public key implies)")
	fl.StringVar(&f.scope, "scope", "", "the scope the bundle signature must carry")
}

// option reads the key file into a tenet option; nil without a key.
func (f *signingFlags) option() (tenet.Option, error) {
	if f.key == "" {
		if f.scope != "" || f.alg != "" {
			return nil, errors.New("--scope and --verification-alg need --verification-key")
		}
		return nil, nil
	}
	key, err := os.ReadFile(f.key)
	if err != nil {
		return nil, fmt.Errorf("read verification key: %w", err)
	}
	return tenet.WithVerificationKey(tenet.VerificationKey{Key: string(key), ID: f.keyID, Algorithm: f.alg, Scope: f.scope}), nil
}

func (f *policyFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringArrayVarP(&f.policies, "policy", "p", nil, policyHelp)
	registerRegoVersion(fl, &f.regoVersion)
	fl.StringArrayVarP(&f.data, "data", "d", nil, "load JSON or YAML files or directories as data for custom policies (repeatable)")
	fl.StringArrayVarP(&f.namespaces, "namespace", "n", nil, "run the conftest-style rules of this package, or of every package a glob pattern (*, ?, [...]; * crosses dots) matches, as conftest (repeatable; default main)")
	fl.BoolVar(&f.allNamespaces, "all-namespaces", false, "run the conftest-style rules of every package")
	fl.BoolVar(&f.noBuiltins, "no-builtins", false, "leave out the built-in rule bundles (the Rego library stays); only --policy policies run")
	fl.StringArrayVar(&f.frameworks, "framework", nil, "keep only rules mapped to this framework key or prefix, e.g. nist-800-53-r5, cis-aws (repeatable)")
	fl.StringVar(&f.severity, "severity", "", "run only rules of at least this severity (low, medium, high, critical), or of exactly the severities of a list: high,critical")
	fl.StringSliceVar(&f.rules, "rule", nil, "run only the rules whose id matches this glob, e.g. TNT-AWS-S3-* (repeatable or comma-separated; a glob that matches no rule is an error)")
	fl.StringSliceVar(&f.skipRules, "skip-rule", nil, "leave out the rules whose id matches this glob (repeatable or comma-separated; a glob that matches no rule is an error)")
	fl.StringSliceVar(&f.skipPaths, "skip-path", nil, "leave out the inputs whose path, base name or a parent directory matches this glob, e.g. test/*, *.generated.yaml (repeatable or comma-separated)")
	fl.StringArrayVar(&f.allowBuiltins, "allow-builtin", nil, "let policies call this restricted built-in: http.send, net.lookup_ip_addr or opa.runtime (repeatable)")
	fl.BoolVar(&f.allowSensitive, "allow-sensitive", false, "let --policy policies see the values Terraform marks sensitive (by default they see \"(sensitive value)\"; built-in rules always see them)")
	fl.StringVar(&f.inputFormat, "input-format", "", fmt.Sprintf("force the input format instead of detecting it: %v; json and yaml force only the syntax, as conftest --parser (plans, state and Kubernetes objects in them are still read as such)", input.Formats()))
	f.registerInputs(fl)
	f.signing.register(fl)
	f.registry.register(fl)
}

// policyHelp describes --policy.
const policyHelp = "add a policy directory, bundle archive (.tar.gz), .rego file, or bundle in an OCI registry, oci://HOST/REPO[:TAG|@sha256:DIGEST] (repeatable)"

// registerInputs adds the flags that say how Terraform configuration
// directories and Helm charts are read.
func (f *policyFlags) registerInputs(fl *pflag.FlagSet) {
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "evaluate Terraform configuration directories with this variable file, after terraform.tfvars and *.auto.tfvars, as terraform -var-file (repeatable)")
	fl.StringArrayVar(&f.vars, "var", nil, "set a variable of Terraform configuration directories, NAME=VALUE, as terraform -var (repeatable; last wins)")
	fl.StringVar(&f.terraformDir, "terraform-dir", "", "the configuration directory the plans were made from: findings on a plan point at its .tf files and lines (default: the plan's own directory when it holds .tf files)")
	fl.StringArrayVarP(&f.helmValues, "values", "f", nil, "render Helm charts with this values file over the chart's values.yaml, as helm template -f (repeatable)")
	fl.StringArrayVar(&f.helmSet, "set", nil, "render Helm charts with this value, KEY=VALUE, as helm template --set (repeatable)")
	fl.StringVar(&f.kubeVersion, "kube-version", "", "the Kubernetes version Helm charts are rendered for (.Capabilities.KubeVersion; default "+loader.DefaultKubeVersion+", no cluster is asked)")
}

func (f *policyFlags) options() ([]tenet.Option, error) {
	opts := []tenet.Option{
		tenet.WithVersion(tenetVersion()),
		tenet.WithPolicy(f.policies...),
		tenet.WithData(f.data...),
		tenet.WithNamespaces(f.namespaces...),
		tenet.WithFrameworks(f.frameworks...),
		tenet.WithAllowedBuiltins(f.allowBuiltins...),
		tenet.WithRegoVersion(f.regoVersion),
		tenet.WithSensitiveForPolicies(f.allowSensitive),
		tenet.WithTerraformVariables(f.varFiles, f.vars),
		tenet.WithTerraformDir(f.terraformDir),
		tenet.WithHelm(f.helmValues, f.helmSet, f.kubeVersion),
		tenet.WithRegistry(f.registry.options()),
	}
	verify, err := f.signing.option()
	if err != nil {
		return nil, err
	}
	if verify != nil {
		opts = append(opts, verify)
	}
	if f.allNamespaces {
		opts = append(opts, tenet.WithAllNamespaces())
	}
	if f.noBuiltins {
		opts = append(opts, tenet.WithoutBuiltins())
	}
	if f.severity != "" {
		sevs, err := parseSeverities(f.severity)
		if err != nil {
			return nil, err
		}
		if len(sevs) == 1 {
			opts = append(opts, tenet.WithMinSeverity(sevs[0]))
		} else {
			opts = append(opts, tenet.WithSeverities(sevs...))
		}
	}
	opts = append(opts, tenet.WithRules(f.rules...), tenet.WithSkipRules(f.skipRules...), tenet.WithSkipPaths(f.skipPaths...))
	if f.inputFormat != "" {
		ok := false
		for _, known := range input.Formats() {
			ok = ok || string(known) == f.inputFormat
		}
		if !ok {
			return nil, fmt.Errorf("unknown input format %q (want one of %v)", f.inputFormat, input.Formats())
		}
		opts = append(opts, tenet.WithInputFormat(input.Format(f.inputFormat)))
	}
	return opts, nil
}

// loaded reads the policies without compiling them, for the commands that
// only list what they are or parse inputs (rules, frameworks, version,
// parse); every error is a usage error (exit 2).
func (f *policyFlags) loaded(ctx context.Context, extra ...tenet.Option) (*tenet.Scanner, error) {
	opts, err := f.options()
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	s, err := tenet.Load(ctx, append(opts, extra...)...)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return s, nil
}

// parseSeverities reads --severity: one severity (a minimum) or a
// comma-separated list (exactly those).
func parseSeverities(v string) ([]finding.Severity, error) {
	var out []finding.Severity
	for _, part := range strings.Split(v, ",") {
		sev, err := finding.ParseSeverity(strings.TrimSpace(part))
		if err != nil {
			return nil, err
		}
		out = append(out, sev)
	}
	return out, nil
}

// registerRegoVersion adds --rego-version, for every command that reads
// --policy files.
func registerRegoVersion(fl *pflag.FlagSet, v *string) {
	fl.StringVar(v, "rego-version", "v1", "the Rego syntax of the --policy files, as conftest --rego-version: v0 for policies written before OPA 1.0, or v1 (a bundle's .manifest rego_version wins; the built-in rules are v1)")
}
