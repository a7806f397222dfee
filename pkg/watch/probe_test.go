package watch_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/watch"
)

// TestProbe: Probe passes while a real watch's /healthz answers ok, fails
// with /healthz's reason once its scans keep failing, and fails when
// nothing listens.
func TestProbe(t *testing.T) {
	scan := func(context.Context) (*finding.Result, error) { return nil, errors.New("bad waivers") }
	logs := &syncBuffer{}
	base, cancel, done := startRun(t, scan, logs)
	defer func() { cancel(); <-done }()
	addr := strings.TrimPrefix(base, "http://")

	if err := watch.Probe(t.Context(), addr); err != nil {
		t.Errorf("Probe at the start = %v, want healthy", err)
	}
	waitFor(t, func() bool { return watch.Probe(t.Context(), addr) != nil }, logs)
	if err := watch.Probe(t.Context(), addr); err == nil || !strings.Contains(err.Error(), "503") || !strings.Contains(err.Error(), "bad waivers") {
		t.Errorf("Probe after failing scans = %v, want 503 with the reason", err)
	}

	// A wildcard address is asked on loopback, as watch --listen-any :PORT
	// listens there too.
	_, port, _ := net.SplitHostPort(addr)
	if err := watch.Probe(t.Context(), ":"+port); err == nil || !strings.Contains(err.Error(), "http://127.0.0.1:"+port+"/healthz") {
		t.Errorf("Probe(:%s) = %v, want the loopback /healthz asked", port, err)
	}
}

func TestProbeNothingListens(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
	defer cancel()
	if err := watch.Probe(ctx, addr); err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("Probe(%s) with nothing listening = %v", addr, err)
	}
	if err := watch.Probe(ctx, "no-port"); err == nil || !strings.Contains(err.Error(), `probe address "no-port"`) {
		t.Errorf("Probe(no-port) = %v", err)
	}
}
