package tenet

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
	"github.com/tenet-dev/tenet/pkg/report"
)

// Output is a report that a scan writes once it is done, as the CLI's -o
// flag: a Go program that passes WithOutputs and WithHistory gets what
// `tenet test` does with one call.
type Output struct {
	// Format is one of report.Formats().
	Format string
	// File is the path written; empty writes to Writer.
	File string
	// Writer receives the report when File is empty.
	Writer io.Writer
	// Options tune the report. A zero Timestamp is the scan's time
	// (WithNow); a nil History is the runs that WithHistory recorded
	// before this one.
	Options report.Options
}

// WithOutputs makes every Scan write these reports, also when some inputs
// failed (the scan then returns the result with an *IncompleteError). An
// output that cannot be written fails the scan.
func WithOutputs(outs ...Output) Option {
	return func(c *config) { c.outputs = append(c.outputs, outs...) }
}

// WithHistory records every Scan in the hash-chained history in dir
// (pkg/history), after its reports are written, and gives the reports that
// draw trends the runs recorded before. The directory is never scanned: a
// watch's alert outbox there holds JSON files. opts are the store's, e.g.
// history.WithSigningKey.
func WithHistory(dir string, opts ...history.Option) Option {
	return func(c *config) {
		c.historyDir, c.historyOpts = dir, opts
		c.exclude = append(c.exclude, dir)
	}
}

// checkOutputs refuses an output that names no known format or no
// destination, and two that would write into one another.
func checkOutputs(outs []Output) error {
	files := map[string]string{}
	writers := map[io.Writer]string{}
	for _, o := range outs {
		if _, err := report.New(o.Format, o.Options); err != nil {
			return err
		}
		switch {
		case o.File != "":
			if prev, ok := files[o.File]; ok {
				return fmt.Errorf("outputs %s and %s both write %s", prev, o.Format, o.File)
			}
			files[o.File] = o.Format
		case o.Writer == nil:
			return fmt.Errorf("output %s: no file and no writer", o.Format)
		default:
			if prev, ok := writers[o.Writer]; ok {
				return fmt.Errorf("outputs %s and %s write to the same writer, which no program could read", prev, o.Format)
			}
			writers[o.Writer] = o.Format
		}
	}
	return nil
}

// openHistory opens the WithHistory store; nil without one.
func openHistory(cfg config) (*history.Store, error) {
	if cfg.historyDir == "" {
		return nil, nil
	}
	return history.Open(cfg.historyDir, cfg.historyOpts...)
}

// earlierRuns is what the history holds before this run, for the trends
// of the reports; read before the scan, so that a damaged history stops
// the run before its work.
func (s *Scanner) earlierRuns() ([]report.RunSummary, error) {
	if s.history == nil {
		return nil, nil
	}
	runs, err := s.history.Summaries()
	if errors.Is(err, history.ErrTampered) {
		return nil, fmt.Errorf("%w (the history is damaged: move a file that is not a record out of %s; tenet history verify names the first bad file)", err, s.history.Dir())
	}
	return runs, err
}

// deliver writes the reports of a finished scan and then records it in
// the history, so that the record follows what the reports said.
func (s *Scanner) deliver(ctx context.Context, res *finding.Result, now time.Time, runs []report.RunSummary) error {
	for _, o := range s.cfg.outputs {
		opts := o.Options
		if opts.Timestamp.IsZero() {
			opts.Timestamp = now
		}
		if opts.History == nil {
			opts.History = runs
		}
		if err := writeOutput(o, opts, res); err != nil {
			return err
		}
	}
	if s.history != nil {
		if _, err := s.history.Append(ctx, now, res); err != nil {
			return err
		}
	}
	return nil
}

func writeOutput(o Output, opts report.Options, res *finding.Result) (err error) {
	rep, err := report.New(o.Format, opts)
	if err != nil {
		return err
	}
	w := o.Writer
	if o.File != "" {
		f, err := os.Create(o.File)
		if err != nil {
			return fmt.Errorf("output %s: %w", o.Format, err)
		}
		// A report cut short by a full disk must not pass for a whole one.
		defer func() {
			if cerr := f.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("output %s: %w", o.Format, cerr)
			}
		}()
		w = f
	}
	if err := rep.Write(w, res); err != nil {
		return fmt.Errorf("write %s output: %w", o.Format, err)
	}
	return nil
}
