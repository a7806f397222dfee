package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/tenet-dev/tenet/pkg/diff"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

// ScanFunc runs one scan of the watched inputs.
type ScanFunc func(ctx context.Context) (*finding.Result, error)

// Config is what Run needs. Scan and Store are required.
type Config struct {
	Scan ScanFunc
	// Paths are the files and directories watched for changes (directories
	// with their subdirectories); none means the schedule alone.
	Paths []string
	// Interval is the time between scheduled scans.
	Interval time.Duration
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
func Run(ctx context.Context, cfg Config) error {
	if cfg.Scan == nil || cfg.Store == nil {
		return errors.New("watch: Scan and Store are required")
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = 500 * time.Millisecond
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
	w := &watcher{cfg: cfg}
	if err := w.loadPrevious(); err != nil {
		return err
	}
	fsw, err := newFileWatcher(cfg.Paths, cfg.Store.Dir())
	if err != nil {
		return err
	}
	defer fsw.Close()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	var stopped []chan struct{}
	if n := cfg.Notifier; n != nil {
		m := cfg.Metrics
		n.OnSend = func(err error) {
			if err != nil {
				fmt.Fprintf(cfg.Log, "tenet watch: alert not delivered, kept in the outbox: %v\n", err)
			} else {
				fmt.Fprintln(cfg.Log, "tenet watch: alert delivered")
			}
			if m != nil {
				result := "ok"
				if err != nil {
					result = "error"
				}
				m.alertsSent.WithLabelValues(result).Inc()
				if p, perr := n.Pending(); perr == nil {
					m.alertsPending.Set(float64(len(p)))
				}
			}
		}
		ch := make(chan struct{})
		stopped = append(stopped, ch)
		go func() { defer close(ch); cfg.Notifier.Run(ctx) }()
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

	tick, stopTick := cfg.Ticker(cfg.Interval)
	defer stopTick()
	var debounce <-chan time.Time
	w.scan(ctx, "start")
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(cfg.Log, "tenet watch: stopping")
			return nil
		case <-tick:
			w.scan(ctx, "schedule")
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
			w.scan(ctx, "change")
		}
	}
}

// watcher is the state of one Run.
type watcher struct {
	cfg  Config
	prev *finding.Result // the last complete run, nil before the first
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

// scan runs one scan, records it, and queues an alert if controls changed.
// A run with input errors is recorded but not compared: a half-written
// file would otherwise flip every control and back.
func (w *watcher) scan(ctx context.Context, why string) {
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
		return
	}
	rec, err := w.cfg.Store.Append(ctx, w.cfg.Now(), res)
	if err != nil {
		fmt.Fprintf(w.cfg.Log, "tenet watch: %v\n", err)
		return
	}
	sm := res.Summary
	line := fmt.Sprintf("tenet watch: run %d (%s) in %s: %d deny, %d warn, %d unknown, %d input errors",
		rec.Seq, why, elapsed.Round(time.Millisecond), sm.Deny, sm.Warn, sm.Unknown, sm.Errors)
	switch {
	case len(res.Errors) > 0:
		line += "; not compared (incomplete)"
	case w.prev == nil:
		line += "; first complete run, nothing to compare"
		w.prev = res
	default:
		changes := diff.Controls(w.prev, res)
		w.prev = res
		line += fmt.Sprintf("; %d controls changed", len(changes))
		if len(changes) > 0 && w.cfg.Notifier != nil {
			if err := w.cfg.Notifier.Enqueue(NewAlert(rec, res, changes)); err != nil {
				line += "; alert NOT queued: " + err.Error()
			} else {
				line += "; alert queued"
			}
		}
	}
	fmt.Fprintln(w.cfg.Log, line)
	w.updatePending()
}

func (w *watcher) updatePending() {
	if w.cfg.Metrics == nil || w.cfg.Notifier == nil {
		return
	}
	if p, err := w.cfg.Notifier.Pending(); err == nil {
		w.cfg.Metrics.alertsPending.Set(float64(len(p)))
	}
}

func (w *watcher) mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(rw, "ok")
	})
	if w.cfg.Metrics != nil {
		mux.Handle("GET /metrics", w.cfg.Metrics.Handler())
	}
	return mux
}

// fileWatcher wraps fsnotify: it watches the directories of the paths and
// keeps the events that concern them.
type fileWatcher struct {
	*fsnotify.Watcher
	files   map[string]bool // watched files, cleaned
	dirs    []string        // watched directory trees, cleaned
	exclude string          // the history directory, whose writes are ours
}

func newFileWatcher(paths []string, exclude string) (*fileWatcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &fileWatcher{Watcher: fw, files: map[string]bool{}, exclude: abs(exclude)}
	for _, p := range paths {
		p = abs(p)
		info, err := os.Stat(p)
		if err != nil {
			fw.Close()
			return nil, fmt.Errorf("watch: %w", err)
		}
		if !info.IsDir() {
			// Editors replace files by renaming: watch the directory.
			w.files[p] = true
			if err := fw.Add(filepath.Dir(p)); err != nil {
				fw.Close()
				return nil, fmt.Errorf("watch %s: %w", p, err)
			}
			continue
		}
		w.dirs = append(w.dirs, p)
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if path == w.exclude || strings.HasPrefix(filepath.Base(path), ".") && path != p {
				return filepath.SkipDir
			}
			return fw.Add(path)
		})
		if err != nil {
			fw.Close()
			return nil, fmt.Errorf("watch %s: %w", p, err)
		}
	}
	return w, nil
}

// relevant tells whether an event changes a watched input. A directory
// created under a watched tree is added to the watch.
func (w *fileWatcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := abs(ev.Name)
	if w.exclude != "" && (name == w.exclude || strings.HasPrefix(name, w.exclude+string(filepath.Separator))) {
		return false
	}
	if w.files[name] {
		return true
	}
	for _, d := range w.dirs {
		if strings.HasPrefix(name, d+string(filepath.Separator)) {
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(name); err == nil && info.IsDir() {
					_ = w.Add(name) // best effort: a vanished directory needs no watch
				}
			}
			return !strings.HasPrefix(filepath.Base(name), ".")
		}
	}
	return false
}

func abs(p string) string {
	if p == "" {
		return ""
	}
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return a
}

// Listen opens the address for /healthz and /metrics. It refuses an
// address that is not on the loopback interface unless any is true: the
// metrics name every control that fails.
func Listen(addr string, any bool) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("listen address %q: %w", addr, err)
	}
	if !any && !loopback(host) {
		return nil, fmt.Errorf("listen address %q is not a loopback address (use --listen-any to serve on other interfaces)", addr)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	return l, nil
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
