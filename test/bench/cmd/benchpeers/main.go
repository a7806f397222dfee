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
// kind, the values pkg/engine's query asks for. conftest queries, with
// --namespace, a package whose deny and warn rules collect the same sets
// (unknown findings as warnings). --all-namespaces does not work on this
// library: it would query the helper function tenet.lib.cloudwatch.deny as
// a rule.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tenet-dev/tenet/pkg/tenet"
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
			if err := rescan(ctx, c, self, in, i, &r); err != nil {
				return err
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
