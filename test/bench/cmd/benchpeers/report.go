// The report table and where it is written.

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// row is the measurements of one input.
type row struct {
	in       input
	samples  map[string][]sample
	findings map[string]int
}

func (r row) median(tool string) (sample, bool) {
	ss := r.samples[tool]
	if len(ss) == 0 {
		return sample{}, false
	}
	walls := make([]time.Duration, len(ss))
	rsss := make([]int64, len(ss))
	for i, s := range ss {
		walls[i], rsss[i] = s.wall, s.rss
	}
	slices.Sort(walls)
	slices.Sort(rsss)
	return sample{wall: walls[len(walls)/2], rss: rsss[len(rsss)/2]}, true
}

func render(c config, rows []row, versions map[string]string) string {
	var b strings.Builder
	b.WriteString("| input | size | conftest ÷ tenet | opa eval ÷ tenet | tenet ÷ floor | tenet | conftest | opa eval | floor | peak RSS tenet / conftest / opa | tenet RSS ÷ input | findings tenet / conftest / opa |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		t, _ := r.median("tenet")
		ratio := func(tool string) string {
			s, ok := r.median(tool)
			if !ok {
				return "n/a"
			}
			return fmt.Sprintf("%.1f×", s.wall.Seconds()/t.wall.Seconds())
		}
		secs := func(tool string) string {
			s, ok := r.median(tool)
			if !ok {
				return "n/a"
			}
			return fmt.Sprintf("%.2f s", s.wall.Seconds())
		}
		mb := func(tool string) string {
			s, ok := r.median(tool)
			if !ok {
				return "n/a"
			}
			return fmt.Sprintf("%d", s.rss>>20)
		}
		floorRatio := "n/a"
		if f, ok := r.median("floor"); ok {
			floorRatio = fmt.Sprintf("%.1f×", t.wall.Seconds()/f.wall.Seconds())
		}
		counts := func(tool string) string {
			if n, ok := r.findings[tool]; ok {
				return strconv.Itoa(n)
			}
			return "n/a"
		}
		fmt.Fprintf(&b, "| %s | %.1f MB | **%s** | **%s** | **%s** | %s | %s | %s | %s | %s / %s / %s MB | %.1f× | %s / %s / %s |\n",
			r.in.name, float64(r.in.bytes)/1e6, ratio("conftest"), ratio("opa"), floorRatio,
			secs("tenet"), secs("conftest"), secs("opa"), secs("floor"),
			mb("tenet"), mb("conftest"), mb("opa"), float64(t.rss)/float64(r.in.bytes),
			counts("tenet"), counts("conftest"), counts("opa"))
	}
	b.WriteString("\n")
	// Linearity: each plan size against the previous one.
	var prev *row
	for i := range rows {
		r := &rows[i]
		if r.in.many {
			continue
		}
		if prev != nil {
			a, _ := prev.median("tenet")
			z, _ := r.median("tenet")
			fmt.Fprintf(&b, "- tenet, %s against %s: %.1f× the input, %.2f× the time.\n", r.in.name, prev.in.name,
				float64(r.in.bytes)/float64(prev.in.bytes), z.wall.Seconds()/a.wall.Seconds())
		}
		prev = r
	}
	b.WriteString("\nRe-scans with `--cache` (docs/performance.md): the run that fills an empty cache; then, each with the cache the runs before filled, the run after one resource (plan) or file (manifests) in 100 changed, spread over every type; the run after no change; and the run after as many resources changed, all of as few types as hold that many (plans only). Each as a share of tenet's time without the cache.\n\n")
	b.WriteString("| input | tenet | tenet, filling the cache | re-scan, 1% changed | unchanged | 1% changed, in a few types | peak RSS of the 1% re-scan |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		t, _ := r.median("tenet")
		fill, ok1 := r.median("cache-fill")
		re, ok2 := r.median("rescan")
		if !ok1 || !ok2 {
			continue
		}
		share := func(name string) string {
			s, ok := r.median(name)
			if !ok {
				return "–"
			}
			return fmt.Sprintf("%.2f s (%.0f%%)", s.wall.Seconds(), 100*s.wall.Seconds()/t.wall.Seconds())
		}
		fmt.Fprintf(&b, "| %s | %.2f s | %.2f s | **%s** | %s | %s | %d MB |\n", r.in.name, t.wall.Seconds(), fill.wall.Seconds(),
			share("rescan"), share("rescan-unchanged"), share("rescan-types"), re.rss>>20)
	}
	fmt.Fprintf(&b, "\nMedians of %d runs, wall time and peak RSS of each process. Machine: %s, %d cores, %s RAM, %s/%s. ",
		c.runs, cpuModel(), runtime.NumCPU(), memTotal(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "Versions: %s; %s; %s; %s.\n\n", versions["tenet"], versions["opa"], versions["conftest"], runtime.Version())
	fmt.Fprintf(&b, "Command: `%s`\n", c.command)
	return b.String()
}

func toolVersions(ctx context.Context, c config) map[string]string {
	first := func(args ...string) string {
		out, err := exec.CommandContext(ctx, args[0], args[1:]...).Output()
		if err != nil {
			return args[0] + " (version unknown)"
		}
		line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
		return line
	}
	return map[string]string{
		"tenet":    first(c.tenet, "version"),
		"opa":      "opa " + strings.TrimPrefix(first(c.opa, "version"), "Version: "),
		"conftest": first(c.conftest, "--version"),
	}
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

func memTotal() string {
	data, _ := os.ReadFile("/proc/meminfo")
	for _, l := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(l, "MemTotal:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return fmt.Sprintf("%d GB", (kb+1<<19)>>20)
		}
	}
	return "unknown"
}

const (
	beginMarker = "<!-- bench-peers:begin -->"
	endMarker   = "<!-- bench-peers:end -->"
)

// replaceBlock puts table between the markers of doc.
func replaceBlock(doc, table string) error {
	data, err := os.ReadFile(doc)
	if err != nil {
		return err
	}
	s := string(data)
	i, j := strings.Index(s, beginMarker), strings.Index(s, endMarker)
	if i < 0 || j < i {
		return fmt.Errorf("%s has no %s ... %s block", doc, beginMarker, endMarker)
	}
	s = s[:i+len(beginMarker)] + "\n" + table + s[j:]
	return os.WriteFile(doc, []byte(s), 0o644)
}
