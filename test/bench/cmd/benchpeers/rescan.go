// The re-scan cases: tenet with --cache after a hundredth of the input
// changed, as most CI runs and every watch tick see it: spread over every
// resource type of a plan, unchanged, and in a few types.

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// rescanEvery: one resource (plan) or file (manifests) in rescanEvery is
// edited between the run that fills the cache and the re-scan.
const rescanEvery = 100

// rescan times tenet --cache on a fresh copy of in: the run that fills an
// empty cache ("cache-fill"), then the run after the edit ("rescan"), and
// adds both samples to r.
func rescan(ctx context.Context, c config, self string, in input, run int, r *row) error {
	work := filepath.Join(c.dir, "rescan")
	if err := os.RemoveAll(work); err != nil {
		return err
	}
	if err := os.MkdirAll(work, 0o700); err != nil {
		return err
	}
	path := filepath.Join(work, filepath.Base(in.file))
	if err := copyInput(in.file, path); err != nil {
		return err
	}
	args := []string{c.tenet, "test", "--eval-timeout", "0", "--cache", filepath.Join(work, "cache"), "-o", "json", path}
	out := filepath.Join(c.dir, "out", "rescan-"+in.name+".json")
	// Each run after the first edits the input as its name says, then
	// scans it with the cache the runs before filled.
	edits := []struct {
		name string
		edit func(string, int) error
	}{
		{"cache-fill", nil},
		{"rescan", editPlan},
		{"rescan-unchanged", nil},
		{"rescan-types", editPlanTypes},
	}
	if in.many {
		edits = edits[:2]
		edits[1].edit = editManifests
	}
	for _, e := range edits {
		name := e.name
		if e.edit != nil {
			if err := e.edit(path, run); err != nil {
				return fmt.Errorf("edit %s: %w", path, err)
			}
		}
		sm, err := measure(ctx, self, args, out)
		if err != nil {
			return fmt.Errorf("tenet %s on %s: %w", name, in.name, err)
		}
		fmt.Fprintf(os.Stderr, "%-10s %-16s run %d: %6.2f s %6d MB\n", name, in.name, run+1, sm.wall.Seconds(), sm.rss>>20)
		r.samples[name] = append(r.samples[name], sm)
	}
	return nil
}

// copyInput copies a file, or a directory of files.
func copyInput(from, to string) error {
	info, err := os.Stat(from)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		data, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := copyInput(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// editPlan changes the planned values of one resource change in
// rescanEvery (an attribute no rule reads, so the findings stay; the
// document changes): changes spread over every resource type.
func editPlan(path string, run int) error {
	return rewritePlan(path, func(changes []any) {
		for i := run % rescanEvery; i < len(changes); i += rescanEvery {
			markChange(changes[i], run)
		}
	})
}

// editPlanTypes changes as many resources as editPlan, or a few more,
// all of as few types as hold that many: every resource of one type, then
// of the next, in the order of their names from one that depends on run,
// as a change that touches a few kinds of resource does.
func editPlanTypes(path string, run int) error {
	return rewritePlan(path, func(changes []any) {
		byType := map[string][]int{}
		for i, c := range changes {
			rc, _ := c.(map[string]any)
			t, _ := rc["type"].(string)
			byType[t] = append(byType[t], i)
		}
		types := slices.Sorted(maps.Keys(byType))
		edited := 0
		for k := 0; k < len(types) && edited < len(changes)/rescanEvery; k++ {
			for _, i := range byType[types[(run*7+k)%len(types)]] {
				markChange(changes[i], run)
				edited++
			}
		}
	})
}

// markChange sets an attribute no rule reads in the planned values of c.
func markChange(c any, run int) {
	rc, _ := c.(map[string]any)
	change, _ := rc["change"].(map[string]any)
	if after, ok := change["after"].(map[string]any); ok {
		after["tenet_rescan"] = run
	}
}

// rewritePlan edits the resource changes of the plan at path in place.
func rewritePlan(path string, edit func(changes []any)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var plan map[string]any
	if err := dec.Decode(&plan); err != nil {
		return err
	}
	changes, _ := plan["resource_changes"].([]any)
	edit(changes)
	out, err := json.Marshal(plan)
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o644)
}

// editManifests adds an object to one file in rescanEvery.
func editManifests(dir string, run int) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return err
	}
	slices.Sort(names)
	for i := run % rescanEvery; i < len(names); i += rescanEvery {
		f, err := os.OpenFile(names[i], os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(names[i]), ".yaml")
		_, werr := fmt.Fprintf(f, "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rescan-%s-%d\ndata:\n  run: \"%d\"\n", name, run, run)
		if err := f.Close(); werr == nil {
			werr = err
		}
		if werr != nil {
			return werr
		}
	}
	return nil
}
