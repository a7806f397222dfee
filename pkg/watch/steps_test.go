package watch

// These tests reach inside: they stop a scan at a step boundary, as a
// killed process would stop, and make outbox writes fail.

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

// state is a watched input: a file holding the status of control SC-28.
type state string

func (s state) set(t *testing.T, st finding.Status) {
	t.Helper()
	if err := os.WriteFile(string(s), []byte(st), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (s state) scan(context.Context) (*finding.Result, error) {
	data, err := os.ReadFile(string(s))
	if err != nil {
		return nil, err
	}
	st := finding.Status(strings.TrimSpace(string(data)))
	return &finding.Result{
		Schema: finding.ResultSchema, Tool: finding.Tool{Name: "tenet", Version: "test"},
		Inputs: []finding.Input{{Path: string(s)}},
		Frameworks: []finding.Framework{{ID: "nist", Controls: []finding.Control{{ID: "SC-28", Status: st}},
			Counts: map[finding.Status]int{st: 1}}},
	}, nil
}

// webhook records the alerts it accepts.
type webhook struct {
	mu     sync.Mutex
	alerts []Alert
}

func (h *webhook) ServeHTTP(_ http.ResponseWriter, r *http.Request) {
	var a Alert
	if err := json.NewDecoder(r.Body).Decode(&a); err == nil {
		h.mu.Lock()
		h.alerts = append(h.alerts, a)
		h.mu.Unlock()
	}
}

func (h *webhook) got() []Alert {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Alert(nil), h.alerts...)
}

type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// setup is a history with one passing run of the input, which now fails.
type setup struct {
	input  state
	store  *history.Store
	outbox string
	hook   *webhook
	url    string
	log    *logBuffer
}

func newSetup(t *testing.T) *setup {
	t.Helper()
	dir := t.TempDir()
	s := &setup{input: state(filepath.Join(dir, "state.txt")), outbox: filepath.Join(dir, "h", "outbox"), hook: &webhook{}, log: &logBuffer{}}
	var err error
	if s.store, err = history.Open(filepath.Join(dir, "h")); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.hook)
	t.Cleanup(srv.Close)
	s.url = srv.URL
	s.input.set(t, finding.StatusPass)
	w := s.watcher(t)
	w.scan(t.Context(), "start")
	s.input.set(t, finding.StatusFail)
	return s
}

// watcher is a new process's watcher on the same history and outbox.
func (s *setup) watcher(t *testing.T) *watcher {
	t.Helper()
	n, err := NewNotifier(s.url, s.outbox)
	if err != nil {
		t.Fatal(err)
	}
	w, err := newWatcher(Config{Scan: s.input.scan, Store: s.store, Notifier: n, Interval: time.Hour, Log: s.log})
	if err != nil {
		t.Fatal(err)
	}
	w.retryWait = time.Millisecond
	if err := w.loadPrevious(); err != nil {
		t.Fatal(err)
	}
	return w
}

// restart runs a new process until its first scan is logged and the
// outbox is empty, and returns the alerts the webhook got.
func (s *setup) restart(t *testing.T) []Alert {
	t.Helper()
	w := s.watcher(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error)
	go func() { done <- w.run(ctx) }()
	runs := strings.Count(s.log.String(), "tenet watch: run ")
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		p, _ := w.cfg.Notifier.Pending()
		if strings.Count(s.log.String(), "tenet watch: run ") > runs && len(p) == 0 && len(s.hook.got()) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no alert after the restart; log:\n%s", s.log)
		}
	}
	time.Sleep(50 * time.Millisecond) // room for a duplicate to show up
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return s.hook.got()
}

// TestAlertSurvivesKill: the process is killed at each step of a run whose
// control changed; after a restart the webhook gets exactly one alert for
// the change, and the history verifies. (Killed between the history write
// and the outbox write, the old order lost the alert: the restart compared
// with the recorded run and saw no change.)
func TestAlertSurvivesKill(t *testing.T) {
	for _, step := range []string{"alert staged", "recorded", "alert queued"} {
		t.Run(step, func(t *testing.T) {
			s := newSetup(t)
			w := s.watcher(t)
			w.afterStep = func(at string) {
				if at == step {
					runtime.Goexit() // the process dies here: nothing after this step runs
				}
			}
			killed := make(chan struct{})
			go func() { defer close(killed); w.scan(t.Context(), "change") }()
			<-killed

			alerts := s.restart(t)
			if len(alerts) != 1 {
				t.Fatalf("webhook got %d alerts, want 1; log:\n%s", len(alerts), s.log)
			}
			a := alerts[0]
			rec, err := s.store.Get(a.Run.Seq)
			if err != nil || rec.Hash != a.Run.Hash || a.Changes[0].To != finding.StatusFail {
				t.Errorf("alert %+v does not name a recorded run: %v", a.Run, err)
			}
			if _, err := s.store.Verify(""); err != nil {
				t.Error(err)
			}
			if entries, _ := os.ReadDir(s.outbox); len(entries) != 0 {
				t.Errorf("outbox left with %v", entries)
			}
		})
	}
}

// failingCreate makes the first n outbox writes fail.
func failingCreate(n int) func(dir, pattern string) (*os.File, error) {
	var mu sync.Mutex
	return func(dir, pattern string) (*os.File, error) {
		mu.Lock()
		defer mu.Unlock()
		if n > 0 {
			n--
			return nil, errors.New("no space left on device")
		}
		return os.CreateTemp(dir, pattern)
	}
}

// TestOutboxWriteRetried: outbox writes that fail a few times are retried;
// the run is recorded and its alert queued.
func TestOutboxWriteRetried(t *testing.T) {
	s := newSetup(t)
	w := s.watcher(t)
	w.cfg.Notifier.createTemp = failingCreate(2)
	w.scan(t.Context(), "change")
	log := s.log.String()
	if !strings.Contains(log, "write the alert to the outbox: attempt 2 of 5 failed: outbox: no space left on device") || !strings.Contains(log, "run 2 (change)") || !strings.Contains(log, "alert queued") {
		t.Errorf("log:\n%s", log)
	}
	if p, _ := w.cfg.Notifier.Pending(); len(p) != 1 {
		t.Errorf("outbox holds %v, want the alert", p)
	}
}

// TestOutboxWriteFails: when the alert cannot be written at all, the run
// is not recorded (so the change is not forgotten), the failure is logged
// loudly, counted and shown by /healthz; once the outbox works again, the
// next scan records the run and alerts once.
func TestOutboxWriteFails(t *testing.T) {
	s := newSetup(t)
	w := s.watcher(t)
	w.cfg.Metrics = NewMetrics()
	w.cfg.Notifier.createTemp = failingCreate(1000)
	w.health.reset(time.Now())
	w.scan(t.Context(), "change")
	log := s.log.String()
	if !strings.Contains(log, "RUN NOT RECORDED (change): ALERT NOT WRITTEN") || !strings.Contains(log, "attempt 5 of 5 failed") {
		t.Errorf("log:\n%s", log)
	}
	if last, err := s.store.Last(); err != nil || last.Seq != 1 {
		t.Errorf("last record = %+v, %v; want run 1 only", last, err)
	}
	if got := w.health.check(time.Now().Add(3 * time.Hour)); !strings.Contains(got, "the last one failed") || !strings.Contains(got, "no space left on device") {
		t.Errorf("health = %q", got)
	}

	alerts := s.restart(t)
	if len(alerts) != 1 || alerts[0].Run.Seq != 2 {
		t.Errorf("alerts = %+v, want one for run 2", alerts)
	}
}
