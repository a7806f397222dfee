// Preparing the inputs and the policies the peers read.

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/finding"
	regolib "github.com/tenet-dev/tenet/rego"
	"github.com/tenet-dev/tenet/test/bench"
)

// preparePolicy writes the Rego the peers load: every library and bundle
// module without the tests, and the wrappers.
func preparePolicy(ctx context.Context, c *config) error {
	c.policy = filepath.Join(c.dir, "policy")
	c.wrapOPA = filepath.Join(c.dir, "wrap-opa")
	c.wrapCT = filepath.Join(c.dir, "wrap-conftest")
	for _, d := range []string{c.policy, c.wrapOPA, c.wrapCT} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
	}
	for prefix, fsys := range map[string]fs.FS{"rego": regolib.FS, "bundles": bundles.FS} {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			dst := filepath.Join(c.policy, prefix, p)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			return err
		}
	}
	sources, err := bundles.Sources(true)
	if err != nil {
		return err
	}
	cat, err := catalog.Load(ctx, sources, catalog.Options{})
	if err != nil {
		return err
	}
	rules := map[string]finding.Rule{}
	for _, r := range cat.Rules {
		rules[r.ID] = r
	}
	// opa: one package per target, rN := <ref>: the values pkg/engine's
	// query asks for, in the form opa eval reads.
	// conftest: the same sets as its own deny and warn rules (unknown
	// findings are warnings), in a namespace per target.
	for _, t := range []string{"terraform", "kubernetes"} {
		var opa, ct strings.Builder
		fmt.Fprintf(&opa, "package tenet_bench.%s\n\n", t)
		fmt.Fprintf(&ct, "package tenet_bench.%s\n\n", t)
		n := 0
		for _, ev := range cat.Evals {
			if !applies(rules[ev.RuleID], t) {
				continue
			}
			fmt.Fprintf(&opa, "r%d := %s\n", n, ev.Ref)
			n++
			kind := "warn"
			if ev.Kind == finding.KindDeny {
				kind = "deny"
			}
			fmt.Fprintf(&ct, "%s contains f if some f in %s\n", kind, ev.Ref)
		}
		if err := writeFile(filepath.Join(c.wrapOPA, t+".rego"), opa.String()); err != nil {
			return err
		}
		if err := writeFile(filepath.Join(c.wrapCT, t+".rego"), ct.String()); err != nil {
			return err
		}
	}
	return nil
}

func applies(r finding.Rule, target string) bool {
	if len(r.Selectors) == 0 {
		return true
	}
	return slices.ContainsFunc(r.Selectors, func(s finding.Selector) bool { return s.Type == target })
}

func writeFile(path, content string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(content), 0o644)
}

func preparePlan(ctx context.Context, c config, rules []finding.Rule, n int) (input, error) {
	in := input{
		name:   fmt.Sprintf("plan-%d", n),
		file:   filepath.Join(c.dir, fmt.Sprintf("plan-%d.json", n)),
		parsed: filepath.Join(c.dir, fmt.Sprintf("parsed-%d.json", n)),
		target: engine.Target("terraform-plan"),
	}
	f, err := os.Create(in.file)
	if err != nil {
		return in, err
	}
	if err := bench.WritePlan(f, n, bench.ResourceTypes(rules, "terraform"), 1); err != nil {
		f.Close()
		return in, err
	}
	if err := f.Close(); err != nil {
		return in, err
	}
	fi, err := os.Stat(in.file)
	if err != nil {
		return in, err
	}
	in.bytes = fi.Size()
	return in, parseTo(ctx, c, in.parsed, in.file)
}

// parseTo writes tenet parse's output for paths into file.
func parseTo(ctx context.Context, c config, file string, paths ...string) error {
	out, err := os.Create(file)
	if err != nil {
		return err
	}
	defer out.Close()
	cmd := exec.CommandContext(ctx, c.tenet, append([]string{"parse"}, paths...)...)
	cmd.Stdout, cmd.Stderr = out, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("tenet parse: %w", err)
	}
	return out.Close()
}

// prepareManifests writes the manifests and their parsed documents, one
// JSON file per manifest.
func prepareManifests(ctx context.Context, c config) (input, error) {
	in := input{
		name:   fmt.Sprintf("manifests-%d", c.manifests),
		file:   filepath.Join(c.dir, "manifests"),
		parsed: filepath.Join(c.dir, "parsed-manifests"),
		target: "kubernetes",
		many:   true,
	}
	for _, d := range []string{in.file, in.parsed} {
		if err := os.RemoveAll(d); err != nil {
			return in, err
		}
	}
	if err := bench.WriteManifests(in.file, c.manifests, 1); err != nil {
		return in, err
	}
	files, err := filepath.Glob(filepath.Join(in.file, "*.yaml"))
	if err != nil {
		return in, err
	}
	all := filepath.Join(c.dir, "parsed-manifests.json")
	if err := parseTo(ctx, c, all, files...); err != nil {
		return in, err
	}
	data, err := os.ReadFile(all)
	if err != nil {
		return in, err
	}
	var docs []json.RawMessage
	if err := json.Unmarshal(data, &docs); err != nil {
		return in, err
	}
	for i, d := range docs {
		name := strings.TrimSuffix(filepath.Base(files[i]), ".yaml") + ".json"
		if err := writeFile(filepath.Join(in.parsed, name), string(d)); err != nil {
			return in, err
		}
	}
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			return in, err
		}
		in.bytes += fi.Size()
	}
	return in, nil
}
