// Command benchpeers runs the peer benchmark behind `make bench-peers`:
// tenet, conftest and opa eval on the same generated inputs with the same
// rules, several runs each, and a plain encoding/json decode of each plan as
// the floor. It prints a Markdown table of medians (wall time and peak RSS
// of each child process, read from getrusage) and can write it into
// docs/performance.md.
//
// The built-in rules are tenet-native: they read the normalized document
// (tenet parse), not the raw file. So the peers get that document, and the
// same Rego: the library and bundle modules (tests left out), plus a small
// generated wrapper per input kind. opa eval queries a package whose rules
// rN are the deny, warn and unknown sets of every rule that applies to the
// kind, the query pkg/engine builds. conftest queries, with --namespace, a
// package whose deny and warn rules collect the same sets (unknown findings
// as warnings). --all-namespaces does not work on this library: it would
// query the helper function tenet.lib.cloudwatch.deny as a rule.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/tenet"
	regolib "github.com/tenet-dev/tenet/rego"
	"github.com/tenet-dev/tenet/test/bench"
)

func main() {
	if len(os.Args) >= 4 && os.Args[1] == "-spawn" {
		os.Exit(spawn(os.Args[2], os.Args[3:]))
	}
	if len(os.Args) == 3 && os.Args[1] == "-decode" {
		// The parse floor, run as a child so that its RSS is its own.
		if err := decode(os.Args[2]); err != nil {
			fmt.Fprintln(os.Stderr, "benchpeers:", err)
			os.Exit(1)
		}
		return
	}
	var c config
	flag.StringVar(&c.sizes, "sizes", "1000,10000,50000", "plan sizes in resources, comma-separated (100000 needs about 4 GB free per peer)")
	flag.IntVar(&c.runs, "runs", 3, "runs of each tool on each input; the table shows medians")
	flag.IntVar(&c.manifests, "manifests", 1000, "Kubernetes manifest files in the many-files case (0: skip it)")
	flag.StringVar(&c.dir, "dir", "bin/bench", "working directory for inputs and outputs")
	flag.StringVar(&c.tenet, "tenet", "bin/tenet", "tenet binary")
	flag.StringVar(&c.opa, "opa", "opa", "opa binary")
	flag.StringVar(&c.conftest, "conftest", "conftest", "conftest binary")
	flag.StringVar(&c.doc, "doc", "", "Markdown file whose bench-peers block is replaced by the results")
	flag.StringVar(&c.command, "command", "", "command line recorded in the results (default: this one)")
	flag.Parse()
	if c.command == "" {
		c.command = strings.Join(os.Args, " ")
	}
	if err := run(context.Background(), c); err != nil {
		fmt.Fprintln(os.Stderr, "benchpeers:", err)
		os.Exit(1)
	}
}

type config struct {
	sizes                   string
	runs, manifests         int
	dir, tenet, opa, doc    string
	conftest, command       string
	policy, wrapOPA, wrapCT string // prepared policy directories
}

// input is one benchmark case.
type input struct {
	name   string
	file   string // what tenet and the floor read
	parsed string // what opa and conftest read: tenet parse output
	target string // the engine's query group
	bytes  int64
	many   bool // a directory of files
}

// sample is one child run.
type sample struct {
	wall time.Duration
	rss  int64 // bytes
}

func run(ctx context.Context, c config) error {
	sizes, err := parseSizes(c.sizes)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(c.dir, "out"), 0o755); err != nil {
		return err
	}
	s, err := tenet.New(context.Background())
	if err != nil {
		return err
	}
	if err := preparePolicy(ctx, &c); err != nil {
		return err
	}
	var inputs []input
	for _, n := range sizes {
		in, err := preparePlan(ctx, c, s.Rules(), n)
		if err != nil {
			return err
		}
		inputs = append(inputs, in)
	}
	if c.manifests > 0 {
		in, err := prepareManifests(ctx, c)
		if err != nil {
			return err
		}
		inputs = append(inputs, in)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var rows []row
	for _, in := range inputs {
		tools := toolsFor(c, self, in)
		r := row{in: in, samples: map[string][]sample{}, findings: map[string]int{}}
		for i := range c.runs {
			// Interleave the tools so that drift in the machine's speed
			// touches them alike.
			for _, t := range tools {
				out := filepath.Join(c.dir, "out", t.name+"-"+in.name+".json")
				sm, err := measure(ctx, self, t.args, out)
				if err != nil {
					return fmt.Errorf("%s on %s: %w", t.name, in.name, err)
				}
				fmt.Fprintf(os.Stderr, "%-8s %-16s run %d: %6.2f s %6d MB\n", t.name, in.name, i+1, sm.wall.Seconds(), sm.rss>>20)
				r.samples[t.name] = append(r.samples[t.name], sm)
				if i == 0 && t.count != nil {
					n, err := t.count(out)
					if err != nil {
						return fmt.Errorf("count %s findings on %s: %w", t.name, in.name, err)
					}
					r.findings[t.name] = n
				}
			}
		}
		rows = append(rows, r)
	}
	versions := toolVersions(ctx, c)
	table := render(c, rows, versions)
	fmt.Print(table)
	if c.doc != "" {
		return replaceBlock(c.doc, table)
	}
	return nil
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("bad size %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}

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
	dirs, err := catalog.Subdirectories("bundles", bundles.FS, true)
	if err != nil {
		return err
	}
	cat, err := catalog.Load(ctx, append([]catalog.Source{{Path: "rego", FS: regolib.FS, Builtin: true}}, dirs...), catalog.Options{})
	if err != nil {
		return err
	}
	rules := map[string]finding.Rule{}
	for _, r := range cat.Rules {
		rules[r.ID] = r
	}
	// opa: one package per target, rN := <ref>, as pkg/engine generates.
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

// tool is one command of the benchmark and how to count its findings.
type tool struct {
	name  string
	args  []string
	count func(out string) (int, error)
}

func toolsFor(c config, self string, in input) []tool {
	var ts []tool
	if !in.many {
		ts = append(ts, tool{name: "floor", args: []string{self, "-decode", in.file}})
	}
	ts = append(ts,
		tool{name: "tenet", args: []string{c.tenet, "test", "--eval-timeout", "0", "-o", "json", in.file}, count: countTenet},
		tool{name: "conftest", args: []string{c.conftest, "test", "--namespace", "tenet_bench." + in.target, "--no-color", "-o", "json", "-p", c.policy, "-p", c.wrapCT, in.parsed}, count: countConftest},
	)
	if !in.many {
		// opa eval takes one input document per run.
		ts = append(ts, tool{name: "opa", args: []string{c.opa, "eval", "-d", c.policy, "-d", c.wrapOPA, "-i", in.parsed, "data.tenet_bench." + in.target}, count: countOPA})
	}
	return ts
}

// measure runs args with stdout to out and returns its wall time and peak
// RSS. The tool is started by a fresh copy of this program (spawn), not by
// the driver itself: Go starts children with vfork semantics, and Linux
// then counts the parent's own peak memory (large here: the driver reads
// big outputs to count findings) as the child's.
func measure(ctx context.Context, self string, args []string, out string) (sample, error) {
	f, err := os.Create(out)
	if err != nil {
		return sample{}, err
	}
	defer f.Close()
	report := out + ".spawn"
	defer os.Remove(report)
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, self, append([]string{"-spawn", report}, args...)...)
	cmd.Stdout, cmd.Stderr = f, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	// Exit status 1 is policy failures for tenet and conftest, but conftest
	// exits 1 on errors too, saying so on standard error.
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1 && !strings.Contains(stderr.String(), "Error:")) {
		return sample{}, fmt.Errorf("%w: %s", err, stderr.String())
	}
	data, err := os.ReadFile(report)
	if err != nil {
		return sample{}, fmt.Errorf("%s: no measurement: %w: %s", args[0], err, stderr.String())
	}
	var wallNS, rssKB int64
	if _, err := fmt.Sscan(string(data), &wallNS, &rssKB); err != nil {
		return sample{}, fmt.Errorf("%s: bad measurement %q: %w", args[0], data, err)
	}
	return sample{wall: time.Duration(wallNS), rss: rssKB << 10}, nil
}

// spawn runs args as a child with this process's standard streams, writes
// its wall time (ns) and peak RSS (KiB, Linux's unit) to report, and
// returns its exit code. It runs in a fresh process whose own memory is
// small, so the child's peak RSS is the child's.
func spawn(report string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, "benchpeers:", err)
		return 1
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	if err := os.WriteFile(report, fmt.Appendf(nil, "%d %d\n", wall.Nanoseconds(), rss), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "benchpeers:", err)
		return 1
	}
	return cmd.ProcessState.ExitCode()
}

func decode(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var v any
	return json.Unmarshal(data, &v)
}

func countTenet(out string) (int, error) {
	var r struct {
		Findings []json.RawMessage `json:"findings"`
	}
	err := readJSON(out, &r)
	return len(r.Findings), err
}

func countConftest(out string) (int, error) {
	var rs []struct {
		Failures []json.RawMessage `json:"failures"`
		Warnings []json.RawMessage `json:"warnings"`
	}
	err := readJSON(out, &rs)
	n := 0
	for _, r := range rs {
		n += len(r.Failures) + len(r.Warnings)
	}
	return n, err
}

func countOPA(out string) (int, error) {
	var r struct {
		Result []struct {
			Expressions []struct {
				Value map[string][]json.RawMessage `json:"value"`
			} `json:"expressions"`
		} `json:"result"`
	}
	if err := readJSON(out, &r); err != nil {
		return 0, err
	}
	n := 0
	for _, res := range r.Result {
		for _, e := range res.Expressions {
			for _, v := range e.Value {
				n += len(v)
			}
		}
	}
	return n, nil
}

func readJSON(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewDecoder(f).Decode(v)
}

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
