package bundlepoll

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// Defaults of a Poller, OPA's own: a poll every 60 to 120 seconds.
const (
	DefaultMinDelay = 60 * time.Second
	DefaultMaxDelay = 120 * time.Second
	// DefaultRetryDelay is the first wait after a failure; it doubles with
	// each failure in a row, up to MaxDelay.
	DefaultRetryDelay = time.Second
)

// Bundle is a downloaded bundle archive.
type Bundle struct {
	// URL is the client's URL as Label gives it.
	URL  string
	Data []byte
	ETag string
}

// Outcome is what one poll did.
type Outcome string

// The outcomes of a poll.
const (
	// Updated: a new bundle was downloaded and Apply accepted it.
	Updated Outcome = "updated"
	// NotModified: the server answered 304; the bundle in use is current.
	NotModified Outcome = "not_modified"
	// Failed: the download failed (network, status, size); nothing changed.
	Failed Outcome = "error"
	// Refused: the bundle was downloaded but Apply refused it (a bad
	// archive or signature); the bundle in use stays.
	Refused Outcome = "refused"
)

// Poller downloads a bundle until its context is done, handing every new
// one to Apply.
type Poller struct {
	Client *Client
	// MinDelay and MaxDelay bound the wait between two polls, picked at
	// random between them (spreading many clients' polls); zero means the
	// defaults.
	MinDelay, MaxDelay time.Duration
	// RetryDelay is the first wait after a failure; zero means
	// DefaultRetryDelay. Each failure in a row doubles it, up to MaxDelay,
	// and the wait is picked at random in its upper half (jitter).
	RetryDelay time.Duration
	// LongPoll, when positive, asks the server to hold each request up to
	// this long until the bundle changes; then the next request follows at
	// once. A server that does not answer with MediaType does not support
	// it, and the poller falls back to the delays.
	LongPoll time.Duration
	// Apply takes a new bundle into use; an error refuses it. A refused
	// bundle's ETag is not kept, so it is downloaded (and refused, and
	// reported) again at the next poll, until the server has a good one.
	Apply func(ctx context.Context, b Bundle) error
	// Report, if set, is told the outcome of every poll and its error
	// (nil for Updated and NotModified).
	Report func(o Outcome, err error)
}

// Run polls until ctx is done.
func (p *Poller) Run(ctx context.Context) {
	minDelay, maxDelay := p.MinDelay, p.MaxDelay
	if minDelay <= 0 {
		minDelay = DefaultMinDelay
	}
	if maxDelay < minDelay {
		maxDelay = max(minDelay, DefaultMaxDelay)
	}
	retryDelay := p.RetryDelay
	if retryDelay <= 0 {
		retryDelay = DefaultRetryDelay
	}
	var (
		etag     string
		failures int
		longPoll = p.LongPoll > 0
	)
	for {
		wait := time.Duration(0)
		if longPoll && etag != "" {
			wait = p.LongPoll
		}
		o, next, err := p.poll(ctx, etag, wait)
		if ctx.Err() != nil {
			return
		}
		if p.Report != nil {
			p.Report(o, err)
		}
		var delay time.Duration
		switch o {
		case Failed, Refused:
			delay = backoff(retryDelay, maxDelay, failures)
			failures++
		default:
			failures = 0
			etag = next.ETag
			if !next.NotModified {
				longPoll = p.LongPoll > 0 && next.LongPoll
			}
			if !longPoll || etag == "" {
				delay = minDelay + rand.N(maxDelay-minDelay+1)
			}
		}
		if delay > 0 {
			t := time.NewTimer(delay)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
	}
}

// poll fetches once and applies a new bundle.
func (p *Poller) poll(ctx context.Context, etag string, wait time.Duration) (Outcome, *Response, error) {
	resp, err := p.Client.Fetch(ctx, etag, wait)
	if err != nil {
		return Failed, nil, err
	}
	if resp.NotModified {
		return NotModified, resp, nil
	}
	if len(resp.Data) == 0 {
		return Failed, nil, errors.New("server answered 200 with an empty body")
	}
	if err := p.Apply(ctx, Bundle{URL: p.Client.URL(), Data: resp.Data, ETag: resp.ETag}); err != nil {
		return Refused, nil, err
	}
	return Updated, resp, nil
}

// backoff is the wait after failures+1 failures in a row: first doubled
// failures times, capped at limit, then picked at random in its upper
// half, so that many clients a server's outage stopped do not come back
// all at once.
func backoff(first, limit time.Duration, failures int) time.Duration {
	d := first
	for range min(failures, 30) {
		if d >= limit/2 {
			d = limit
			break
		}
		d *= 2
	}
	d = min(d, limit)
	return d/2 + rand.N(d/2+1)
}
