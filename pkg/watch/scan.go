package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/tenet-dev/tenet/pkg/diff"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

// watcher is the state of one Run.
type watcher struct {
	cfg      Config
	health   health
	policies *policies       // nil without Config.Bundles
	prev     *finding.Result // the last complete run, nil before the first; the scan goroutine's own
	// retries and retryWait bound the attempts at an outbox write: the
	// wait doubles after each failure.
	retries   int
	retryWait time.Duration
	// afterStep, if set, is called at each step boundary of a scan (tests
	// stop the scan there to stand for a process that was killed).
	afterStep func(step string)
}

func (w *watcher) loadPrevious() error {
	last, err := w.cfg.Store.Last()
	if err != nil || last == nil {
		return err
	}
	res, err := last.Result()
	if err != nil {
		return err
	}
	if len(res.Errors) == 0 {
		w.prev = res
	}
	return nil
}

func (w *watcher) step(name string) {
	if w.afterStep != nil {
		w.afterStep(name)
	}
}

// scan runs one scan and records it. When controls changed since the last
// complete run, the alert is written to the outbox (staged) before the
// record, and queued after it: a crash between the two leaves a staged
// alert that the next scan queues (its record is there) or drops (it is
// not, and that scan raises the change again). An alert that cannot be
// written, even after retries, leaves the run unrecorded for the same
// reason. A run with input errors is recorded but not compared: a
// half-written file would otherwise flip every control and back.
func (w *watcher) scan(ctx context.Context, why string) {
	w.health.started(time.Now())
	w.recoverOutbox()
	start := time.Now()
	res, err := w.cfg.Scan(ctx)
	elapsed := time.Since(start)
	if ctx.Err() != nil {
		return
	}
	if w.cfg.Metrics != nil {
		w.cfg.Metrics.scanned(res, elapsed, time.Now())
	}
	if err != nil {
		fmt.Fprintf(w.cfg.Log, "tenet watch: scan (%s): %v\n", why, err)
		w.health.done(time.Now(), fmt.Errorf("scan: %w", err))
		return
	}
	var changes []diff.ControlChange
	compare := len(res.Errors) == 0 && w.prev != nil
	if compare {
		changes = diff.Controls(w.prev, res)
	}
	rec, st, err := w.record(ctx, res, changes)
	if err != nil {
		fmt.Fprintf(w.cfg.Log, "tenet watch: RUN NOT RECORDED (%s): %v\n", why, err)
		if w.cfg.Metrics != nil {
			w.cfg.Metrics.recordErrors.Inc()
		}
		w.health.done(time.Now(), fmt.Errorf("run not recorded: %w", err))
		return
	}
	w.step("recorded")
	queued := ""
	if st != nil {
		err := w.retry(ctx, "queue the alert", func() error { return w.cfg.Notifier.release(*st) })
		if err != nil {
			queued = "; alert staged but not queued (the next scan queues it): " + err.Error()
		} else {
			queued = "; alert queued"
			w.step("alert queued")
		}
	}
	sm := res.Summary
	line := fmt.Sprintf("tenet watch: run %d (%s) in %s: %d deny, %d warn, %d unknown, %d input errors",
		rec.Seq, why, elapsed.Round(time.Millisecond), sm.Deny, sm.Warn, sm.Unknown, sm.Errors)
	if w.policies != nil {
		line += w.policies.describe(res)
	}
	switch {
	case len(res.Errors) > 0:
		line += "; not compared (incomplete)"
	case !compare:
		line += "; first complete run, nothing to compare"
		w.prev = res
	default:
		w.prev = res
		line += fmt.Sprintf("; %d controls changed", len(changes)) + queued
	}
	fmt.Fprintln(w.cfg.Log, line)
	w.health.done(time.Now(), nil)
	w.updatePending()
}

// record appends res to the history, with the alert for changes staged in
// the outbox first when there is one to send.
func (w *watcher) record(ctx context.Context, res *finding.Result, changes []diff.ControlChange) (*history.Record, *staged, error) {
	n := w.cfg.Notifier
	var st *staged
	rec, err := w.cfg.Store.AppendAfter(ctx, w.cfg.Now(), res, func(rec *history.Record) error {
		if len(changes) == 0 || n == nil {
			return nil
		}
		// Called again when another process took the number: the alert
		// staged for the old number is dropped by the next recovery.
		a := NewAlert(rec, res, changes)
		err := w.retry(ctx, "write the alert to the outbox", func() error {
			s, err := n.stage(a)
			st = &s
			return err
		})
		if err != nil {
			st = nil
			return fmt.Errorf("ALERT NOT WRITTEN, so the run is not recorded and the next scan raises the change again: %w", err)
		}
		w.step("alert staged")
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return rec, st, nil
}

// retry runs f until it succeeds, at most w.retries times, waiting
// w.retryWait after the first failure and twice as long after each next.
func (w *watcher) retry(ctx context.Context, what string, f func() error) error {
	wait := w.retryWait
	var err error
	for i := range w.retries {
		if err = f(); err == nil {
			return nil
		}
		fmt.Fprintf(w.cfg.Log, "tenet watch: %s: attempt %d of %d failed: %v\n", what, i+1, w.retries, err)
		if i+1 == w.retries {
			break
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		wait *= 2
	}
	return err
}

// recoverOutbox settles alerts that an earlier scan staged without
// finishing; see Notifier.recoverStaged.
func (w *watcher) recoverOutbox() {
	n := w.cfg.Notifier
	if n == nil {
		return
	}
	err := n.recoverStaged(func(seq int, hash string) (bool, error) {
		r, err := w.cfg.Store.Get(seq)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		return r.Hash == hash, nil
	})
	if err != nil {
		fmt.Fprintf(w.cfg.Log, "tenet watch: %v\n", err)
	}
}

func (w *watcher) updatePending() {
	if w.cfg.Metrics == nil || w.cfg.Notifier == nil {
		return
	}
	if p, err := w.cfg.Notifier.Pending(); err == nil {
		w.cfg.Metrics.alertsPending.Set(float64(len(p)))
	}
}
