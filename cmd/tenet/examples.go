package main

import (
	"context"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

// examples are the Example texts of the commands, by command path.
var examples = map[string]string{
	"tenet test": `  # a plan, a manifest, a template, a Dockerfile, a .tf directory, a chart or an overlay
  terraform show -json plan.out > plan.json && tenet test plan.json
  tenet test infra/ k8s/ Dockerfile

  # GitHub code scanning and a summary in the log; fail only on what is new
  tenet test -o table -o sarif=tenet.sarif --baseline main.json plan.json

  # one framework, high and critical rules only, some rules and paths left out
  tenet test --framework cis-aws --severity high,critical --skip-rule TNT-AWS-S3-009 --skip-path 'test/*' .

  # your own policies beside (or instead of) the built-in ones
  tenet test -p policy/ deploy.yaml
  tenet test --no-builtins -p policy/ deploy.yaml
  tenet test -p oci://ghcr.io/org/policies:v1 deploy.yaml     # pulled from a registry (tenet bundle push)`,
	"tenet parse": `  tenet parse plan.json            # the document rules see
  tenet parse --raw Dockerfile     # what conftest-style policies see
  tenet parse --var env=prod infra/`,
	"tenet rules": `  tenet rules --framework hipaa
  tenet rules --target dockerfile -o markdown`,
	"tenet frameworks": `  tenet frameworks
  tenet frameworks -p policy/`,
	"tenet verify": `  tenet verify                     # the built-in bundles' tests
  tenet verify --no-builtins -p policy/
  tenet verify --no-builtins -p oci://ghcr.io/org/policies@sha256:3f1c...`,
	"tenet bundle": `  tenet bundle build policy/ -o policy.tar.gz
  tenet bundle push ghcr.io/org/policies:v1 policy/
  tenet bundle pull ghcr.io/org/policies:v1 -o policy/`,
	"tenet bundle push": `  tenet bundle push ghcr.io/org/policies:v1 policy/
  tenet bundle push ghcr.io/org/policies:v1 policy.tar.gz     # a signed archive stays signed
  tenet bundle push --pin ghcr.io/org/policies:v1 policy/      # prints oci://ghcr.io/org/policies@sha256:...
  tenet bundle push localhost:5000/policies:v1 policy/          # loopback: plain HTTP`,
	"tenet bundle pull": `  tenet bundle pull ghcr.io/org/policies:v1 -o policy/
  tenet bundle pull ghcr.io/org/policies@sha256:3f1c... -o policy/
  tenet bundle pull --plain-http registry.lan:5000/policies:v1 -o policy/`,
	"tenet bundle build": `  tenet bundle build policy/ -o policy.tar.gz
  tenet bundle build policy/ -o policy.tar.gz --signing-key key.pem`,
	"tenet diff": `  tenet test -o json=new.json plan.json && tenet diff main.json new.json`,
	"tenet history verify": `  tenet history verify .tenet-history
  tenet history verify .tenet-history --verification-key history.pub`,
	"tenet history show":   `  tenet history show .tenet-history`,
	"tenet history keygen": `  tenet history keygen history.key history.pub`,
	"tenet watch": `  tenet watch --history /var/lib/tenet --interval 1h --notify-url https://hooks.example.com/tenet infra/

  # policies from an OPA bundle server, signed, polled every 1-2 minutes
  tenet watch --history /var/lib/tenet --bundle-url https://bundles.example.com/tenet/policy.tar.gz \
    --verification-key bundle.pub --bundle-token-file /run/secrets/bundle-token infra/`,
	"tenet healthcheck": `  tenet healthcheck                 # the watch on 127.0.0.1:9464
  tenet healthcheck 127.0.0.1:9100  # a watch started with --listen 127.0.0.1:9100`,
	"tenet version": `  tenet version     # tenet, OPA and the built-in bundles (tenet --version prints tenet's alone)`,
	"tenet config": `  tenet config            # the flags of tenet test and where each value comes from
  TENET_SEVERITY=high tenet config
  tenet config test --severity low --skip-path 'test/*'   # what this command line would run with`,
}

// addExamples sets the Example of every command of root that has one, and
// completions for the flags whose values tenet knows.
func addExamples(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if ex, ok := examples[c.CommandPath()]; ok {
			c.Example = ex
		}
		addCompletions(c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// addCompletions completes rule ids, framework keys, formats and
// severities in the flags that take them.
func addCompletions(c *cobra.Command) {
	fixed := map[string]func() []string{
		"output":       report.Formats,
		"input-format": func() []string { return formatNames() },
		"severity":     func() []string { return []string{"low", "medium", "high", "critical"} },
		"unknown":      func() []string { return []string{"warn", "fail", "ignore"} },
		"exit-codes":   func() []string { return []string{"tenet", "conftest"} },
		"rego-version": func() []string { return []string{"v0", "v1"} },
		"rule":         ruleIDs,
		"skip-rule":    ruleIDs,
		"framework":    frameworkKeys,
	}
	for name, values := range fixed {
		if c.Flags().Lookup(name) == nil {
			continue
		}
		values := values
		_ = c.RegisterFlagCompletionFunc(name, func(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
			var out []string
			for _, v := range values() {
				if strings.HasPrefix(strings.ToLower(v), strings.ToLower(prefix)) {
					out = append(out, v)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		})
	}
}

func formatNames() []string {
	var out []string
	for _, f := range input.Formats() {
		out = append(out, string(f))
	}
	return out
}

// builtinScanner loads the built-in bundles for completions; nil when it
// cannot (completions then offer nothing).
func builtinScanner() *tenet.Scanner {
	s, err := tenet.New(context.Background(), tenet.WithVersion(tenetVersion()))
	if err != nil {
		return nil
	}
	return s
}

func ruleIDs() []string {
	s := builtinScanner()
	if s == nil {
		return nil
	}
	var out []string
	for _, r := range s.Rules() {
		out = append(out, r.ID)
	}
	return out
}

func frameworkKeys() []string {
	s := builtinScanner()
	if s == nil {
		return nil
	}
	var out []string
	for _, c := range s.Coverage() {
		out = append(out, c.ID)
	}
	sort.Strings(out)
	return out
}
