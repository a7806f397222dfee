package watch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tenet-dev/tenet/pkg/bundlepoll"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// DefaultBundleWait is how long a scan waits for the first policy bundles
// when Bundles.Wait is zero.
const DefaultBundleWait = 2 * time.Minute

// Bundles keeps the policies up to date from bundle servers: each poller
// downloads one bundle, and every new download that Build accepts replaces
// the policies between two scans.
type Bundles struct {
	// Pollers download the bundles; Run sets their Apply and Report.
	Pollers []*bundlepoll.Poller
	// Build makes the policies from the newest accepted download of every
	// poller, in the pollers' order. An error refuses the new download
	// and the policies in use stay.
	Build func(ctx context.Context, bundles []bundlepoll.Bundle) (*Policy, error)
	// Wait bounds how long a scan waits for the first policies, once
	// every poller has delivered a bundle Build accepted (default
	// DefaultBundleWait). A scan that gives up fails; the first policies
	// then start a scan of their own.
	Wait time.Duration
}

// Policy is a scan built from downloaded bundles.
type Policy struct {
	Scan ScanFunc
	// Bundles lists the bundles loaded, with their revisions; those whose
	// Source is a poller's URL are logged and exposed in the metrics.
	Bundles []finding.Bundle
}

// policies is the state behind Bundles during one Run.
type policies struct {
	cfg     *Bundles
	current atomic.Pointer[Policy]
	ready   chan struct{} // closed when current is first set
	changed chan struct{} // one pending "scan again": new policies
	log     func(format string, args ...any)
	metrics *Metrics

	mu       sync.Mutex // serializes builds and guards what follows
	latest   []*bundlepoll.Bundle
	missed   bool // a scan gave up waiting: the first policies start one
	lastErr  error
	lastLine map[string]string // the last failure logged for each URL
}

func newPolicies(b *Bundles, m *Metrics, log func(string, ...any)) *policies {
	if b.Wait <= 0 {
		b.Wait = DefaultBundleWait
	}
	if m != nil {
		m.registerBundles()
	}
	return &policies{cfg: b, ready: make(chan struct{}), changed: make(chan struct{}, 1),
		latest: make([]*bundlepoll.Bundle, len(b.Pollers)), log: log, metrics: m, lastLine: map[string]string{}}
}

// run starts the pollers; they stop with ctx, and the returned channel
// closes when they all have.
func (p *policies) run(ctx context.Context) <-chan struct{} {
	var wg sync.WaitGroup
	for i, poller := range p.cfg.Pollers {
		url := poller.Client.URL()
		poller.Apply = func(ctx context.Context, b bundlepoll.Bundle) error { return p.apply(ctx, i, b) }
		poller.Report = func(o bundlepoll.Outcome, err error) { p.report(url, o, err) }
		wg.Add(1)
		go func() { defer wg.Done(); poller.Run(ctx) }()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	return done
}

// apply builds the policies with b in place of poller i's bundle and, when
// that works, makes them the current ones: a scan loads the current
// policies once when it starts, so it never sees half a change.
func (p *policies) apply(ctx context.Context, i int, b bundlepoll.Bundle) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	next := append([]*bundlepoll.Bundle(nil), p.latest...)
	next[i] = &b
	var all []bundlepoll.Bundle
	for _, nb := range next {
		if nb == nil {
			// Not every server has answered yet: keep this one for the
			// first build.
			p.latest = next
			p.log("tenet watch: bundle %s downloaded; waiting for the other bundle servers", b.URL)
			return nil
		}
		all = append(all, *nb)
	}
	pol, err := p.cfg.Build(ctx, all)
	if err != nil {
		return err // reported by report, with the poll's outcome
	}
	p.latest = next
	p.lastErr = nil
	first := p.current.Swap(pol) == nil
	revs := p.revisions(pol)
	if p.metrics != nil {
		p.metrics.bundlesLoaded(pol, p.cfg.Pollers, time.Now())
	}
	if first {
		close(p.ready)
		p.log("tenet watch: bundle %s: revision %s loaded", b.URL, revs[b.URL])
		if !p.missed {
			return nil // the scan waiting for it goes on with it
		}
	} else {
		p.log("tenet watch: bundle %s: revision %s loaded; the next scan uses it", b.URL, revs[b.URL])
	}
	select {
	case p.changed <- struct{}{}:
	default: // a scan is already due
	}
	return nil
}

// revisions maps each poller's URL to the revision of its bundle in pol.
func (p *policies) revisions(pol *Policy) map[string]string {
	out := map[string]string{}
	for _, b := range pol.Bundles {
		rev := b.Revision
		if rev == "" {
			rev = "(none)"
		}
		out[b.Source] = rev
	}
	return out
}

// report logs a failed poll in one line and counts every poll.
func (p *policies) report(url string, o bundlepoll.Outcome, err error) {
	if p.metrics != nil {
		p.metrics.bundleRequests.WithLabelValues(url, string(o)).Inc()
	}
	if err == nil {
		if o == bundlepoll.Updated || o == bundlepoll.NotModified {
			p.mu.Lock()
			delete(p.lastLine, url)
			p.mu.Unlock()
		}
		return
	}
	keep := "no bundle loaded yet"
	if pol := p.current.Load(); pol != nil {
		keep = "keeping revision " + p.revisions(pol)[url]
	}
	what := "download failed"
	if o == bundlepoll.Refused {
		what = "bundle refused"
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	msg = strings.TrimPrefix(msg, url+": ") // a policy error names the bundle too
	line := fmt.Sprintf("tenet watch: bundle %s: %s (%s): %s", url, what, keep, msg)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lastErr = fmt.Errorf("%s: %s", url, msg)
	// The same failure poll after poll is logged once (the metrics count
	// every one); a new one, or a recovery, is logged.
	if line != p.lastLine[url] {
		p.log("%s", line)
		p.lastLine[url] = line
	}
}

// scan runs a scan with the current policies, waiting for the first ones
// up to Wait.
func (p *policies) scan(ctx context.Context) (*finding.Result, error) {
	select {
	case <-p.ready:
	default:
		t := time.NewTimer(p.cfg.Wait)
		defer t.Stop()
		select {
		case <-p.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
			p.mu.Lock()
			select {
			case <-p.ready: // loaded just now (apply closes ready under mu)
				p.mu.Unlock()
				return p.current.Load().Scan(ctx)
			default:
			}
			p.missed = true
			last := p.lastErr
			p.mu.Unlock()
			why := "no answer yet"
			if last != nil {
				why = "last error: " + last.Error()
			}
			return nil, errors.New("no policy bundle loaded after " + p.cfg.Wait.String() + " (" + why + "); the first one starts a scan")
		}
	}
	return p.current.Load().Scan(ctx)
}

// describe names the revisions of the downloaded bundles a run used, as
// its report records them, for the run's log line.
func (p *policies) describe(res *finding.Result) string {
	urls := map[string]bool{}
	for _, poller := range p.cfg.Pollers {
		urls[poller.Client.URL()] = true
	}
	var revs []string
	for _, b := range res.Bundles {
		if urls[b.Source] {
			revs = append(revs, b.Revision)
		}
	}
	if len(revs) == 1 {
		return " (bundle revision " + revs[0] + ")"
	}
	return " (bundle revisions " + strings.Join(revs, ", ") + ")"
}
