package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
	"github.com/tenet-dev/tenet/pkg/tenet"
	"github.com/tenet-dev/tenet/pkg/watch"
)

type watchFlags struct {
	policyFlags
	interval   time.Duration
	timeout    time.Duration
	debounce   time.Duration
	notifyURL  string
	listen     string
	listenAny  bool
	history    string
	historyKey string
	maxSize    int64
	maxMemory  memoryFlag
	waivers    waiverFlags
	bundleURL  bundleURLFlags
	cache      string
	cacheMax   sizeFlag
}

func newWatchCommand(s streams) *cobra.Command {
	f := watchFlags{cache: "auto", cacheMax: tenet.DefaultCacheSize}
	cmd := &cobra.Command{
		Use:   "watch PATH...",
		Short: "Re-scan on a schedule and on changes, record history, alert on control changes",
		Long: `Scan PATH... now, then every --interval and whenever a watched file changes,
append each run to the history in --history DIR, and when a control changes
status from one complete run to the next, POST an alert to --notify-url (JSON
with a Slack-compatible "text" field). Alerts wait in DIR/outbox until the
webhook accepts them, retried with backoff, across restarts; an alert is
written there before its run is recorded, so a crash cannot lose it. Serves
/healthz and Prometheus /metrics on --listen; /healthz answers 503 when no scan
has completed (run and recorded) for twice --interval plus --timeout. The
history directory is never scanned. Stops on SIGINT or SIGTERM (exit 0), within
5s even when a scan is stuck.

With --bundle-url, the policies come from OPA bundle servers as well: each
URL is polled (ETag and 304, long polling where offered), a new revision is
checked (archive limits, and the signature under --verification-key) and
replaces the policies between two scans, then starts a scan. A failed
download or a refused bundle keeps the policies in use and is reported on
standard error and in /metrics. Scans wait up to --bundle-wait for the first
bundles. Each run's report and history record the bundle revisions it used.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.bundleURL.check(cmd.Flags()); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			return runWatch(cmd.Context(), s, f, args)
		},
	}
	f.register(cmd)
	fl := cmd.Flags()
	fl.DurationVar(&f.interval, "interval", time.Hour, "time between scheduled scans")
	fl.DurationVar(&f.timeout, "timeout", 10*time.Minute, "stop a scan after this long, reporting the inputs not evaluated by then as errors (0: no limit); /healthz fails when no scan completes for twice --interval plus --timeout")
	fl.DurationVar(&f.debounce, "debounce", time.Second, "quiet time after a file change before the scan starts")
	fl.StringVar(&f.notifyURL, "notify-url", "", "webhook that receives an alert (JSON POST) when controls change status")
	fl.StringVar(&f.listen, "listen", "127.0.0.1:9464", "address of /healthz and /metrics (loopback only, unless --listen-any)")
	fl.BoolVar(&f.listenAny, "listen-any", false, "allow a --listen address that is not loopback")
	fl.StringVar(&f.history, "history", "", "history directory the runs are appended to (required)")
	fl.StringVar(&f.historyKey, "history-signing-key", "", "sign every history record with this PEM private key (see tenet history keygen)")
	fl.Int64Var(&f.maxSize, "max-file-size", 512<<20, "refuse input files larger than this many bytes")
	fl.StringVar(&f.cache, "cache", "auto", "keep each input's evaluation results in DIR (a large plan's shard by shard), so that a scan evaluates only what changed (same findings); auto is tenet/eval in the user's cache directory, off none")
	fl.Var(&f.cacheMax, "cache-max-size", "bound the --cache directory, e.g. 512MiB; the least recently used results go first")
	f.maxMemory = memoryFlag{auto: true}
	fl.Var(&f.maxMemory, "max-memory", "stop a scan with a policy error when the heap passes this size, e.g. 4GiB; auto is 7/8 of the machine's or container's memory, 0 no limit")
	f.waivers.register(fl, "apply the waivers in this YAML file, read again at every scan (repeatable; see docs/waivers.md)")
	f.bundleURL.register(fl)
	return cmd
}

func runWatch(ctx context.Context, s streams, f watchFlags, args []string) error {
	usage := func(err error) error { return &exitError{code: exitUsage, err: err} }
	if f.history == "" {
		return usage(fmt.Errorf("watch needs --history DIR: every run is recorded there"))
	}
	if f.interval <= 0 {
		return usage(fmt.Errorf("--interval must be positive"))
	}
	if f.timeout < 0 {
		return usage(fmt.Errorf("--timeout must not be negative"))
	}
	for _, a := range args {
		if a == "-" {
			return usage(fmt.Errorf("watch cannot read standard input: name files or directories"))
		}
	}
	// New refuses a broken or broad waiver file at start; later edits fail
	// that scan only. The history directory holds the alert outbox, JSON
	// files that a walk of a watched directory holding it would otherwise
	// scan.
	opts, err := f.options()
	if err != nil {
		return usage(err)
	}
	opts = append(opts, f.waivers.options()...)
	opts = append(opts, tenet.WithMaxFileSize(f.maxSize), tenet.WithMemoryLimit(f.maxMemory.bytes()),
		tenet.WithTimeout(f.timeout), tenet.WithExclude(f.history))
	cacheDir, err := cacheDirOf(f.cache)
	if err != nil {
		return usage(err)
	}
	if cacheDir != "" {
		opts = append(opts, tenet.WithCache(cacheDir, int64(f.cacheMax)))
	}
	scan := func(sc *tenet.Scanner) watch.ScanFunc {
		return func(ctx context.Context) (*finding.Result, error) {
			res, err := sc.Scan(ctx, args...)
			// The watch reports a run's input errors itself (and does not
			// compare an incomplete run): only a failed scan is an error.
			var incomplete *tenet.IncompleteError
			if errors.As(err, &incomplete) {
				err = nil
			}
			if err == nil {
				warnWaivers(s.err, res)
			}
			return res, err
		}
	}
	var (
		scanFunc watch.ScanFunc
		bundles  *watch.Bundles
	)
	if len(f.bundleURL.urls) > 0 {
		// The policies are built when the bundles arrive: --rule and
		// --framework are checked against them then.
		if bundles, err = f.bundleURL.bundles(opts, scan); err != nil {
			return usage(err)
		}
	} else {
		sc, err := tenet.New(ctx, opts...)
		if err != nil {
			return usage(err)
		}
		scanFunc = scan(sc)
	}
	// Listen before touching the history, so a refused address leaves no
	// directory behind.
	l, err := watch.Listen(f.listen, f.listenAny)
	if err != nil {
		return usage(err)
	}
	defer l.Close()
	var hopts []history.Option
	if f.historyKey != "" {
		sign, err := readSigningKey(f.historyKey)
		if err != nil {
			return usage(err)
		}
		hopts = append(hopts, sign)
	}
	store, err := history.Open(f.history, hopts...)
	if err != nil {
		return usage(err)
	}
	var notifier *watch.Notifier
	if f.notifyURL != "" {
		if notifier, err = watch.NewNotifier(f.notifyURL, filepath.Join(f.history, "outbox")); err != nil {
			return usage(err)
		}
	}
	fmt.Fprintf(s.err, "tenet watch: serving /healthz and /metrics on http://%s\n", l.Addr())
	err = watch.Run(ctx, watch.Config{
		Scan:     scanFunc,
		Bundles:  bundles,
		Paths:    args,
		Interval: f.interval,
		Timeout:  f.timeout,
		Debounce: f.debounce,
		Store:    store,
		Notifier: notifier,
		Metrics:  watch.NewMetrics(),
		Listener: l,
		Log:      s.err,
	})
	if err != nil {
		return usage(err)
	}
	return nil
}

// cacheDirOf is the directory of a --cache flag (test's and watch's): ""
// for off (and for test's default, unset), and for auto tenet/eval under
// the user's cache directory ($XDG_CACHE_HOME or ~/.cache on Linux). Both
// commands take the same words, so that --cache off on a command line
// turns off a cache that .tenet.yaml sets, rather than making a
// directory named off.
func cacheDirOf(flag string) (string, error) {
	switch flag {
	case "off", "":
		return "", nil
	case "auto":
		dir, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("--cache auto: %w (name a directory, or --cache off)", err)
		}
		return filepath.Join(dir, "tenet", "eval"), nil
	}
	return flag, nil
}
