package watch_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
	"github.com/tenet-dev/tenet/pkg/watch"
)

func healthz(t *testing.T, base string) (int, string) {
	t.Helper()
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// startRun runs watch.Run with scan, a short interval and a listener, and
// returns the /healthz base URL, a cancel and Run's result.
func startRun(t *testing.T, scan watch.ScanFunc, logs *syncBuffer) (string, context.CancelFunc, chan error) {
	t.Helper()
	return startRunEvery(t, scan, logs, 100*time.Millisecond, 50*time.Millisecond)
}

// startRunEvery is startRun with the scans' interval and timeout, whose
// sum and the interval's double bound the time /healthz allows without a
// completed scan.
func startRunEvery(t *testing.T, scan watch.ScanFunc, logs *syncBuffer, interval, timeout time.Duration) (string, context.CancelFunc, chan error) {
	t.Helper()
	store, err := history.Open(filepath.Join(t.TempDir(), "history"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := watch.Listen("127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		done <- watch.Run(ctx, watch.Config{
			Scan: scan, Store: store, Listener: l, Log: logs,
			Interval: interval, Timeout: timeout, Grace: 200 * time.Millisecond,
		})
	}()
	return "http://" + l.Addr().String(), cancel, done
}

// TestStuckScan: a scan that never returns (an input that blocks, and
// ignores its context) makes /healthz fail once no scan has completed for
// 2×interval+timeout, saying so; cancelling the context (SIGTERM) still
// makes Run return, within the grace period.
func TestStuckScan(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	started := make(chan struct{}, 1)
	scan := func(context.Context) (*finding.Result, error) {
		started <- struct{}{}
		<-block
		return nil, errors.New("unblocked")
	}
	logs := &syncBuffer{}
	base, cancel, done := startRun(t, scan, logs)
	<-started
	if code, body := healthz(t, base); code != http.StatusOK || body != "ok\n" {
		t.Errorf("/healthz at the start = %d %q, want ok", code, body)
	}
	waitFor(t, func() bool { code, _ := healthz(t, base); return code == http.StatusServiceUnavailable }, logs)
	_, body := healthz(t, base)
	for _, want := range []string{"unhealthy: no scan completed since the start", "the limit is 250ms: twice the interval 100ms plus the scan timeout 50ms", "a scan has been running for"} {
		if !strings.Contains(body, want) {
			t.Errorf("/healthz body %q lacks %q", body, want)
		}
	}

	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return with the scan stuck")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Run took %s to return; the grace period is 200ms", d)
	}
	if !strings.Contains(logs.String(), "the scan in progress did not stop within 200ms: abandoned") {
		t.Errorf("log:\n%s", logs)
	}
}

// TestFailingScans: scans that keep failing complete nothing: /healthz
// fails with the last error.
func TestFailingScans(t *testing.T) {
	scan := func(context.Context) (*finding.Result, error) { return nil, errors.New("waivers.yaml: bad expiry") }
	logs := &syncBuffer{}
	base, cancel, done := startRun(t, scan, logs)
	defer func() { cancel(); <-done }()
	waitFor(t, func() bool { code, _ := healthz(t, base); return code == http.StatusServiceUnavailable }, logs)
	if _, body := healthz(t, base); !strings.Contains(body, "the last one failed at") || !strings.Contains(body, "scan: waivers.yaml: bad expiry") {
		t.Errorf("/healthz body %q", body)
	}
}

// TestHealthyScans: scans that complete on schedule keep /healthz ok.
func TestHealthyScans(t *testing.T) {
	logs := &syncBuffer{}
	scan := func(context.Context) (*finding.Result, error) {
		return &finding.Result{Schema: finding.ResultSchema, Tool: finding.Tool{Name: "tenet", Version: "test"}}, nil
	}
	// Intervals long enough that a loaded machine (go test runs packages
	// side by side) does not delay a scan and its history write past the
	// limit: 2×300ms+200ms. The probes span three intervals.
	base, cancel, done := startRunEvery(t, scan, logs, 300*time.Millisecond, 200*time.Millisecond)
	defer func() { cancel(); <-done }()
	for range 10 {
		if code, body := healthz(t, base); code != http.StatusOK {
			t.Fatalf("/healthz = %d %q", code, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
