package watch_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/diff"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
	"github.com/tenet-dev/tenet/pkg/watch"
)

// hook is a webhook that records the alerts it accepts.
type hook struct {
	mu     sync.Mutex
	alerts []watch.Alert
	got    chan struct{}
}

func newHook() *hook { return &hook{got: make(chan struct{}, 100)} }

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var a watch.Alert
	if err := json.NewDecoder(r.Body).Decode(&a); err != nil || r.Header.Get("Content-Type") != "application/json" {
		http.Error(w, "bad alert", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	h.alerts = append(h.alerts, a)
	h.mu.Unlock()
	h.got <- struct{}{}
}

func (h *hook) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.alerts)
}

func (h *hook) wait(t *testing.T, what string) {
	t.Helper()
	select {
	case <-h.got:
	case <-time.After(10 * time.Second):
		t.Fatalf("no alert %s", what)
	}
}

func alert(seq int) watch.Alert {
	return watch.Alert{Text: "tenet: test", Run: watch.RunInfo{Seq: seq},
		Changes: []diff.ControlChange{{Framework: "nist", Control: "SC-28", From: finding.StatusPass, To: finding.StatusFail}}}
}

// TestNotifierDownThenUp: while the webhook refuses connections the alert
// stays in the outbox and is retried; once it listens the alert arrives
// exactly once, and the outbox is empty.
func TestNotifierDownThenUp(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // now connections are refused

	n, err := watch.NewNotifier("http://"+addr+"/hook", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	n.MinBackoff, n.MaxBackoff = 10*time.Millisecond, 40*time.Millisecond
	failures := make(chan error, 100)
	n.OnSend = func(err error) {
		if err != nil {
			failures <- err
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go n.Run(ctx)
	if err := n.Enqueue(alert(1)); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		select {
		case err := <-failures:
			if !strings.Contains(err.Error(), "connection refused") {
				t.Errorf("attempt %d: %v, want connection refused", i, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no retry")
		}
	}
	if p, _ := n.Pending(); len(p) != 1 {
		t.Fatalf("outbox holds %d alerts while the webhook is down, want 1", len(p))
	}

	h := newHook()
	l, err = net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("cannot listen on %s again: %v", addr, err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	defer srv.Close()
	h.wait(t, "after the webhook came back")
	time.Sleep(200 * time.Millisecond) // room for a duplicate to show up
	if h.count() != 1 {
		t.Errorf("webhook got %d alerts, want 1", h.count())
	}
	if p, _ := n.Pending(); len(p) != 0 {
		t.Errorf("outbox still holds %v", p)
	}
}

// TestNotifierRestart: an alert queued while the webhook fails is sent by
// the next notifier on the same outbox.
func TestNotifierRestart(t *testing.T) {
	dir := t.TempDir()
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	}))
	defer down.Close()
	n, err := watch.NewNotifier(down.URL, dir)
	if err != nil {
		t.Fatal(err)
	}
	tried := make(chan error, 10)
	n.OnSend = func(err error) { tried <- err }
	ctx, cancel := context.WithCancel(t.Context())
	go n.Run(ctx)
	if err := n.Enqueue(alert(7)); err != nil {
		t.Fatal(err)
	}
	if err := <-tried; err == nil || !strings.Contains(err.Error(), "503") {
		t.Fatalf("first attempt: %v, want a 503", err)
	}
	cancel()

	h := newHook()
	up := httptest.NewServer(h)
	defer up.Close()
	n2, err := watch.NewNotifier(up.URL, dir)
	if err != nil {
		t.Fatal(err)
	}
	go n2.Run(t.Context())
	h.wait(t, "after the restart")
	if h.alerts[0].Run.Seq != 7 || h.alerts[0].Changes[0].To != finding.StatusFail {
		t.Errorf("alert = %+v", h.alerts[0])
	}
}

// scanFile is a fake scan: the file holds the status of control SC-28.
func scanFile(path string) watch.ScanFunc {
	return func(context.Context) (*finding.Result, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		st := finding.Status(strings.TrimSpace(string(data)))
		res := &finding.Result{
			Schema: finding.ResultSchema, Tool: finding.Tool{Name: "tenet", Version: "test"},
			Inputs: []finding.Input{{Path: path}},
			Frameworks: []finding.Framework{{ID: "nist", Controls: []finding.Control{{ID: "SC-28", Title: "Protection at rest", Status: st}},
				Counts: map[finding.Status]int{st: 1}}},
		}
		if st == finding.StatusFail {
			res.Findings = []finding.Finding{{RuleID: "R-1", Kind: finding.KindDeny, Severity: finding.SeverityHigh, File: path}}
			res.Summary.Deny, res.Summary.Failed = 1, true
		}
		return res, nil
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return string(body)
}

// TestRun: a scheduled scan that changes nothing sends nothing; changing
// the watched file flips the control and sends one alert; the metrics show
// the new status; cancelling the context stops Run.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "state.txt")
	if err := os.WriteFile(input, []byte("pass\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	store, err := history.Open(filepath.Join(dir, "history"))
	if err != nil {
		t.Fatal(err)
	}
	h := newHook()
	srv := httptest.NewServer(h)
	defer srv.Close()
	n, err := watch.NewNotifier(srv.URL, filepath.Join(dir, "history", "outbox"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := watch.Listen("127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + l.Addr().String()
	ticks := make(chan time.Time)
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error)
	go func() {
		done <- watch.Run(ctx, watch.Config{
			Scan: scanFile(input), Paths: []string{dir}, Interval: time.Hour, Debounce: 50 * time.Millisecond,
			Store: store, Notifier: n, Metrics: watch.NewMetrics(), Listener: l, Log: logs,
			Ticker: func(time.Duration) (<-chan time.Time, func()) { return ticks, func() {} },
		})
	}()
	waitFor(t, func() bool { return strings.Contains(logs.String(), "run 1 (start)") }, logs)
	ticks <- time.Now()
	waitFor(t, func() bool { return strings.Contains(logs.String(), "run 2 (schedule)") }, logs)
	if !strings.Contains(logs.String(), "run 2 (schedule) in") || !strings.Contains(logs.String(), "0 controls changed") {
		t.Errorf("log:\n%s", logs)
	}
	if got := get(t, base+"/healthz"); got != "ok\n" {
		t.Errorf("/healthz = %q", got)
	}

	if err := os.WriteFile(input, []byte("fail\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.wait(t, "after the change")
	a := h.alerts[0]
	if a.Run.Seq != 3 || len(a.Changes) != 1 || a.Changes[0] != (diff.ControlChange{Framework: "nist", Control: "SC-28", Title: "Protection at rest", From: "pass", To: "fail"}) {
		t.Errorf("alert = %+v", a)
	}
	if !strings.Contains(a.Text, "nist SC-28: pass → fail") {
		t.Errorf("alert text = %q", a.Text)
	}
	// The sender counts the delivery just after the webhook answered.
	waitFor(t, func() bool {
		return strings.Contains(get(t, base+"/metrics"), `tenet_alert_attempts_total{result="ok"} 1`)
	}, logs)
	metrics := get(t, base+"/metrics")
	for _, want := range []string{
		`tenet_control_status{control="SC-28",framework="nist",status="fail"} 1`,
		`tenet_framework_controls{framework="nist",status="fail"} 1`,
		`tenet_findings{kind="deny",severity="high"} 1`,
		`tenet_scan_duration_seconds_count 3`,
		`tenet_scans_total{result="fail"} 1`,
		`tenet_alert_attempts_total{result="ok"} 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
	if h.count() != 1 {
		t.Errorf("webhook got %d alerts, want 1", h.count())
	}
	if v, err := store.Verify(""); err != nil || v.Records != 3 {
		t.Errorf("history: %+v, %v; want 3 intact records", v, err)
	}
}

func TestListen(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0"} {
		if l, err := watch.Listen(addr, false); err == nil {
			l.Close()
			t.Errorf("Listen(%q) accepted a non-loopback address", addr)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:0"} {
		l, err := watch.Listen(addr, false)
		if err != nil {
			t.Errorf("Listen(%q): %v", addr, err)
			continue
		}
		l.Close()
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitFor(t *testing.T, cond func() bool, logs *syncBuffer) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out; log:\n%s", logs)
}
