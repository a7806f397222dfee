package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

// ScanFunc runs one scan of the watched inputs.
type ScanFunc func(ctx context.Context) (*finding.Result, error)

// Config is what Run needs. Scan (or Bundles), Store and a positive
// Interval are required.
type Config struct {
	// Scan runs one scan; nil when Bundles makes the scans.
	Scan ScanFunc
	// Bundles, if set, downloads the policies from bundle servers and
	// makes every scan with the newest ones; a new bundle in use starts a
	// scan ("bundle"). Scan must then be nil.
	Bundles *Bundles
	// Paths are the files and directories watched for changes (directories
	// with their subdirectories); none means the schedule alone.
	Paths []string
	// Interval is the time between scheduled scans.
	Interval time.Duration
	// Timeout is the longest one scan is expected to take; Scan enforces
	// it (tenet.WithTimeout), 0 for no limit. /healthz fails when no scan
	// has completed for 2×Interval+Timeout.
	Timeout time.Duration
	// Grace is how long Run waits, once ctx is done, for a scan in
	// progress to return (default 5s). A scan that has not returned by then
	// is abandoned: Run returns, and the scan's result is never recorded.
	Grace time.Duration
	// Debounce is how long the files must stay quiet after a change before
	// the scan starts (default 500ms), so that one save is one scan.
	Debounce time.Duration
	// Store records every run; the previous run it holds is what the first
	// scan is compared with, so a restart raises no alert of its own.
	Store *history.Store
	// Notifier receives an alert for each run whose controls changed; nil
	// for none.
	Notifier *Notifier
	// Metrics, if set, are updated after every scan.
	Metrics *Metrics
	// Listener, if set, serves /healthz and /metrics until Run returns.
	Listener net.Listener
	// Log receives one line per run and per problem; nil discards them.
	Log io.Writer
	// Ticker makes the schedule; nil means time.NewTicker. Tests replace it.
	Ticker func(time.Duration) (<-chan time.Time, func())
	// Now is the clock for history records; nil means time.Now.
	Now func() time.Time
}

// Run scans at once, then on every tick and after every change to the
// watched paths, until ctx is done; then it stops the server and returns
// nil. It returns an error only when it cannot start (the store, the file
// watcher); failed scans and webhooks are logged and retried.
//
// Scans run one at a time, beside the loop that waits for ticks, changes
// and ctx: a scan that never returns (an input that blocks) cannot keep
// Run from stopping, and /healthz reports it.
func Run(ctx context.Context, cfg Config) error {
	w, err := newWatcher(cfg)
	if err != nil {
		return err
	}
	return w.run(ctx)
}

func newWatcher(cfg Config) (*watcher, error) {
	if (cfg.Scan == nil) == (cfg.Bundles == nil) || cfg.Store == nil {
		return nil, errors.New("watch: Store and one of Scan and Bundles are required")
	}
	if cfg.Bundles != nil && (len(cfg.Bundles.Pollers) == 0 || cfg.Bundles.Build == nil) {
		return nil, errors.New("watch: Bundles needs pollers and Build")
	}
	if cfg.Interval <= 0 {
		return nil, errors.New("watch: Interval must be positive")
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = 500 * time.Millisecond
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 5 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Ticker == nil {
		cfg.Ticker = func(d time.Duration) (<-chan time.Time, func()) {
			t := time.NewTicker(d)
			return t.C, t.Stop
		}
	}
	w := &watcher{cfg: cfg, retries: 5, retryWait: 100 * time.Millisecond}
	if cfg.Bundles != nil {
		w.policies = newPolicies(cfg.Bundles, cfg.Metrics, func(format string, args ...any) { fmt.Fprintf(cfg.Log, format+"\n", args...) })
		w.cfg.Scan = w.policies.scan
	}
	w.health.limit = 2*cfg.Interval + cfg.Timeout
	w.health.why = fmt.Sprintf("twice the interval %s plus the scan timeout %s", cfg.Interval, cfg.Timeout)
	return w, nil
}

func (w *watcher) run(ctx context.Context) error {
	cfg := w.cfg
	if err := w.loadPrevious(); err != nil {
		return err
	}
	exclude := []string{cfg.Store.Dir()}
	if cfg.Notifier != nil {
		exclude = append(exclude, cfg.Notifier.Dir())
	}
	fsw, err := newFileWatcher(cfg.Paths, exclude)
	if err != nil {
		return err
	}
	defer fsw.Close()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w.health.reset(time.Now())
	done := make(chan struct{})
	var stopped []chan struct{}
	if n := cfg.Notifier; n != nil {
		n.OnSend = w.onSend
		ch := make(chan struct{})
		stopped = append(stopped, ch)
		go func() { defer close(ch); n.Run(ctx) }()
	}
	if cfg.Listener != nil {
		srv := &http.Server{Handler: w.mux(), ReadHeaderTimeout: 10 * time.Second}
		ch := make(chan struct{})
		stopped = append(stopped, ch)
		go func() {
			defer close(ch)
			if err := srv.Serve(cfg.Listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
				fmt.Fprintf(cfg.Log, "tenet watch: serve: %v\n", err)
			}
		}()
		go func() {
			<-done
			sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer scancel()
			_ = srv.Shutdown(sctx) // best effort: the process is stopping
		}()
	}
	defer func() {
		close(done)
		cancel()
		for _, ch := range stopped {
			<-ch
		}
	}()

	var bundleChanged <-chan struct{}
	if w.policies != nil {
		pollersDone := w.policies.run(ctx)
		// Deferred after the stop of the others: it runs first, cancelling
		// ctx before it waits for the pollers.
		defer func() { cancel(); <-pollersDone }()
		bundleChanged = w.policies.changed
	}
	tick, stopTick := cfg.Ticker(cfg.Interval)
	defer stopTick()
	var (
		debounce <-chan time.Time
		running  chan struct{} // closed when the scan in progress returns; nil when idle
		queued   string        // why of a scan asked for while one runs
	)
	start := func(why string) {
		if running != nil {
			if queued == "" {
				queued = why
			}
			return
		}
		ch := make(chan struct{})
		running = ch
		go func() { defer close(ch); w.scan(ctx, why) }()
	}
	start("start")
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(cfg.Log, "tenet watch: stopping")
			if running != nil {
				select {
				case <-running:
				case <-time.After(cfg.Grace):
					fmt.Fprintf(cfg.Log, "tenet watch: the scan in progress did not stop within %s: abandoned\n", cfg.Grace)
				}
			}
			return nil
		case <-running:
			running = nil
			if why := queued; why != "" {
				queued = ""
				start(why)
			}
		case <-tick:
			start("schedule")
		case <-bundleChanged:
			start("bundle")
		case ev, ok := <-fsw.Events:
			if ok && fsw.relevant(ev) {
				debounce = time.After(cfg.Debounce)
			}
		case err, ok := <-fsw.Errors:
			if ok {
				fmt.Fprintf(cfg.Log, "tenet watch: file watch: %v\n", err)
			}
		case <-debounce:
			debounce = nil
			start("change")
		}
	}
}

// onSend logs and counts each webhook attempt.
func (w *watcher) onSend(err error) {
	if err != nil {
		fmt.Fprintf(w.cfg.Log, "tenet watch: alert not delivered, kept in the outbox: %v\n", err)
	} else {
		fmt.Fprintln(w.cfg.Log, "tenet watch: alert delivered")
	}
	if m := w.cfg.Metrics; m != nil {
		result := "ok"
		if err != nil {
			result = "error"
		}
		m.alertsSent.WithLabelValues(result).Inc()
	}
	w.updatePending()
}

func (w *watcher) mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if problem := w.health.check(time.Now()); problem != "" {
			rw.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(rw, "unhealthy: "+problem)
			return
		}
		fmt.Fprintln(rw, "ok")
	})
	if w.cfg.Metrics != nil {
		mux.Handle("GET /metrics", w.cfg.Metrics.Handler())
	}
	return mux
}
