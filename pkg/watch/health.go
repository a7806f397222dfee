package watch

import (
	"fmt"
	"sync"
	"time"
)

// health is what /healthz answers from: when a scan last completed (ran
// and was recorded), and what the scans since have been doing.
//
// The limit is 2×Interval+Timeout. Scans start at least every Interval
// and take up to Timeout, so a completed scan is never more than
// Interval+Timeout old while all is well; one more Interval of slack keeps
// a single slow or failed scan from flapping the probe, and a watch whose
// scans hang or keep failing is reported within three intervals.
type health struct {
	limit time.Duration
	why   string // how the limit is made, for the message

	mu        sync.Mutex
	since     time.Time // start of Run, or the last completed scan
	completed bool      // whether since is a completed scan
	running   time.Time // start of the scan in progress; zero when idle
	lastErr   error     // why the last scan did not complete
	lastErrAt time.Time
}

func (h *health) reset(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.since, h.completed, h.running, h.lastErr = now, false, time.Time{}, nil
}

func (h *health) started(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.running = now
}

// done records a scan that completed (err nil) or failed.
func (h *health) done(now time.Time, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.running = time.Time{}
	if err != nil {
		h.lastErr, h.lastErrAt = err, now
		return
	}
	h.since, h.completed, h.lastErr = now, true, nil
}

// check is "" while a scan has completed within the limit, else why not.
func (h *health) check(now time.Time) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	age := now.Sub(h.since)
	if age <= h.limit {
		return ""
	}
	what := "since the start"
	if h.completed {
		what = "since " + h.since.UTC().Format(time.RFC3339)
	}
	msg := fmt.Sprintf("no scan completed %s, %s ago (the limit is %s: %s)", what, age.Round(time.Second), h.limit, h.why)
	if !h.running.IsZero() {
		msg += fmt.Sprintf("; a scan has been running for %s", now.Sub(h.running).Round(time.Second))
	}
	if h.lastErr != nil {
		msg += fmt.Sprintf("; the last one failed at %s: %v", h.lastErrAt.UTC().Format(time.RFC3339), h.lastErr)
	}
	return msg
}
