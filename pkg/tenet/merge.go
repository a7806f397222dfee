package tenet

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/tenet-dev/tenet/pkg/diff"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/merge"
	"github.com/tenet-dev/tenet/pkg/report"
)

// Merge reads the json reports of the shards of one run (WithShard) and
// makes the report of the whole run: what one scan of all the inputs
// would have reported (merge.Results says what it refuses). A path may be
// a directory: its .json files are read, in name order. Then, as Scan
// does, the result is compared with WithBaseline's report, written to
// WithOutputs' reports (at WithNow's time) and recorded in WithHistory's
// history. The gate of the shards decides Summary.Failed; the options
// that choose policies or inputs play no part.
func Merge(ctx context.Context, paths []string, opts ...Option) (*finding.Result, error) {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	if err := checkOutputs(cfg.outputs); err != nil {
		return nil, err
	}
	files, err := reportFiles(paths)
	if err != nil {
		return nil, &ReportError{Err: err}
	}
	res, gate, err := mergeFiles(ctx, files)
	if err != nil {
		return nil, err
	}
	if cfg.baseline != "" {
		base, err := report.ReadJSONFile(cfg.baseline)
		if err != nil {
			return nil, fmt.Errorf("baseline: %w", err)
		}
		res.Baseline = diff.MarkBaseline(res.Findings, base, cfg.baseline)
		res.Tally(gate)
	}
	store, err := openHistory(cfg)
	if err != nil {
		return nil, err
	}
	s := &Scanner{cfg: cfg, history: store}
	runs, err := s.earlierRuns()
	if err != nil {
		return nil, err
	}
	if err := s.deliver(ctx, res, cfg.now().UTC(), runs); err != nil {
		return nil, err
	}
	return res, nil
}

// mergeFiles reads the reports and merges them, in the order given (so
// that what is refused, and why, does not depend on timing). Reading is
// most of the work and is done on every core, a batch at a time: the
// first report whole, the others without their frameworks.
func mergeFiles(ctx context.Context, files []string) (*finding.Result, finding.Gate, error) {
	var m merge.Merger
	first, err := report.ReadJSONFile(files[0])
	if err != nil {
		return nil, finding.Gate{}, &ReportError{Err: err}
	}
	if err := m.Add(merge.Part{Name: files[0], Report: first}); err != nil {
		return nil, finding.Gate{}, err
	}
	batch := make([]*finding.Result, runtime.GOMAXPROCS(0))
	errs := make([]error, len(batch))
	for rest := files[1:]; len(rest) > 0; rest = rest[min(len(batch), len(rest)):] {
		if err := ctx.Err(); err != nil {
			return nil, finding.Gate{}, err
		}
		now := rest[:min(len(batch), len(rest))]
		var wg sync.WaitGroup
		for i, f := range now {
			wg.Go(func() { batch[i], errs[i] = report.ReadJSONFileLean(f) })
		}
		wg.Wait()
		for i, f := range now {
			if errs[i] != nil {
				return nil, finding.Gate{}, &ReportError{Err: errs[i]}
			}
			if err := m.Add(merge.Part{Name: f, Report: batch[i]}); err != nil {
				return nil, finding.Gate{}, err
			}
			batch[i] = nil
		}
	}
	res, err := m.Result()
	if err != nil {
		return nil, finding.Gate{}, err
	}
	return res, first.Shard.Gate, nil
}

// ReportError is a report, or a directory of reports, that Merge could
// not read (as opposed to reports that it read and refuses to merge).
type ReportError struct{ Err error }

func (e *ReportError) Error() string { return e.Err.Error() }

func (e *ReportError) Unwrap() error { return e.Err }

// reportFiles lists the reports that paths name: files as given, and the
// .json files of directories (not their subdirectories), in name order.
func reportFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p) // sorted by name
		if err != nil {
			return nil, err
		}
		n := len(files)
		for _, e := range entries {
			if !e.IsDir() && filepath.Ext(e.Name()) == ".json" {
				files = append(files, filepath.Join(p, e.Name()))
			}
		}
		if len(files) == n {
			return nil, fmt.Errorf("%s: no .json report in the directory", p)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no report to merge")
	}
	return files, nil
}
