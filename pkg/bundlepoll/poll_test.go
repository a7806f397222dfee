package bundlepoll_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/bundlepoll"
)

// longPollServer implements the bundle service protocol of OPA's docs,
// long polling included: a request whose If-None-Match is the current
// ETag and whose Prefer header says wait=N is held until the bundle
// changes (answered 200) or N seconds pass (answered 304). Answers carry
// the bundles media type, which tells the client long polling is on offer.
type longPollServer struct {
	mu      sync.Mutex
	version int
	changed chan struct{} // closed and replaced at every publish
	prefers []string
	offer   bool // whether to answer with the media type
}

func newLongPollServer(offer bool) *longPollServer {
	return &longPollServer{changed: make(chan struct{}), offer: offer}
}

func (s *longPollServer) publish() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *longPollServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.prefers = append(s.prefers, r.Header.Get("Prefer"))
	etag, changed := fmt.Sprintf(`"v%d"`, s.version), s.changed
	s.mu.Unlock()
	if r.Header.Get("If-None-Match") == etag {
		var wait time.Duration
		for _, p := range strings.Split(r.Header.Get("Prefer"), ";") {
			if n, ok := strings.CutPrefix(strings.TrimSpace(p), "wait="); ok {
				var secs int
				fmt.Sscan(n, &secs)
				wait = time.Duration(secs) * time.Second
			}
		}
		select {
		case <-changed:
		case <-time.After(wait):
			w.WriteHeader(http.StatusNotModified)
			return
		case <-r.Context().Done():
			return
		}
		s.mu.Lock()
		etag = fmt.Sprintf(`"v%d"`, s.version)
		s.mu.Unlock()
	}
	if s.offer {
		w.Header().Set("Content-Type", bundlepoll.MediaType)
	} else {
		w.Header().Set("Content-Type", "application/gzip")
	}
	w.Header().Set("ETag", etag)
	fmt.Fprintf(w, "bundle %s", etag)
}

func (s *longPollServer) preferHeaders() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.prefers...)
}

// collect runs a poller whose Apply sends each bundle's body to the
// returned channel.
func collect(t *testing.T, p *bundlepoll.Poller) <-chan string {
	t.Helper()
	got := make(chan string, 100)
	p.Apply = func(_ context.Context, b bundlepoll.Bundle) error {
		got <- string(b.Data)
		return nil
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); p.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return got
}

func next(t *testing.T, got <-chan string, within time.Duration) string {
	t.Helper()
	select {
	case s := <-got:
		return s
	case <-time.After(within):
		t.Fatalf("no bundle within %s", within)
		return ""
	}
}

// TestLongPoll: with a server that offers long polling, a new bundle
// arrives as soon as it is published, although the poll delay is an hour;
// every request after the first asks to wait (Prefer: wait=N) and sends
// the ETag.
func TestLongPoll(t *testing.T) {
	t.Parallel()
	srv := newLongPollServer(true)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c, err := bundlepoll.NewClient(ts.URL+"/b.tar.gz", bundlepoll.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := collect(t, &bundlepoll.Poller{Client: c, MinDelay: time.Hour, MaxDelay: time.Hour, LongPoll: 2 * time.Second})
	if b := next(t, got, 5*time.Second); b != `bundle "v0"` {
		t.Fatalf("first bundle = %q", b)
	}
	// Published while a request is held (or about to be): delivered within
	// the wait, not after the hour.
	srv.publish()
	if b := next(t, got, 5*time.Second); b != `bundle "v1"` {
		t.Fatalf("second bundle = %q", b)
	}
	// A quiet period: held requests time out with 304 and are sent again.
	time.Sleep(2500 * time.Millisecond)
	srv.publish()
	if b := next(t, got, 5*time.Second); b != `bundle "v2"` {
		t.Fatalf("third bundle = %q", b)
	}
	prefers := srv.preferHeaders()
	if prefers[0] != "modes=snapshot" {
		t.Errorf("first request Prefer = %q, want no wait before the server offered long polling", prefers[0])
	}
	if len(prefers) < 4 {
		t.Fatalf("%d requests, want a 304 after the quiet period: %q", len(prefers), prefers)
	}
	for _, p := range prefers[1:] {
		if p != "modes=snapshot;wait=2" {
			t.Errorf("long poll Prefer = %q, want modes=snapshot;wait=2", p)
		}
	}
}

// TestLongPollNotOffered: a server that answers application/gzip does not
// do long polling: the client stops asking to wait and polls on the
// delays, as OPA does.
func TestLongPollNotOffered(t *testing.T) {
	t.Parallel()
	srv := newLongPollServer(false)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c, err := bundlepoll.NewClient(ts.URL, bundlepoll.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := collect(t, &bundlepoll.Poller{Client: c, MinDelay: 20 * time.Millisecond, MaxDelay: 40 * time.Millisecond, LongPoll: time.Minute})
	next(t, got, 5*time.Second)
	srv.publish()
	next(t, got, 5*time.Second)
	for i, p := range srv.preferHeaders() {
		if strings.Contains(p, "wait=") {
			t.Errorf("request %d asked to wait (%q) from a server that does not offer it", i, p)
		}
	}
}

// TestRefusedBundleRetried: a bundle Apply refuses is reported and
// downloaded again (its ETag is not kept) until a good one comes; after a
// failure the waits back off.
func TestRefusedBundleRetried(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	body := "bad"
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		tag := `"` + body + `"`
		if r.Header.Get("If-None-Match") == tag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", tag)
		fmt.Fprint(w, body)
	}))
	defer ts.Close()
	c, err := bundlepoll.NewClient(ts.URL, bundlepoll.Options{})
	if err != nil {
		t.Fatal(err)
	}
	outcomes := make(chan bundlepoll.Outcome, 100)
	applied := make(chan string, 10)
	p := &bundlepoll.Poller{Client: c, MinDelay: 10 * time.Millisecond, MaxDelay: 20 * time.Millisecond, RetryDelay: 5 * time.Millisecond,
		Apply: func(_ context.Context, b bundlepoll.Bundle) error {
			if string(b.Data) == "bad" {
				return fmt.Errorf("bad signature")
			}
			applied <- string(b.Data)
			return nil
		},
		Report: func(o bundlepoll.Outcome, err error) {
			if (err != nil) != (o == bundlepoll.Failed || o == bundlepoll.Refused) {
				t.Errorf("outcome %s with error %v", o, err)
			}
			outcomes <- o
		}}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); p.Run(ctx) }()
	defer func() { cancel(); <-done }()
	for range 2 {
		if o := <-outcomes; o != bundlepoll.Refused {
			t.Fatalf("outcome %s, want refused", o)
		}
	}
	mu.Lock()
	body = "good"
	mu.Unlock()
	if b := next(t, applied, 5*time.Second); b != "good" {
		t.Fatalf("applied %q", b)
	}
	for o := range outcomes {
		if o == bundlepoll.NotModified {
			break // the good one's ETag is kept
		}
	}
}

// TestClientRefusals: the URLs and answers a client refuses, each the
// attack it stands for.
func TestClientRefusals(t *testing.T) {
	t.Parallel()
	tok := func() (string, error) { return "s3cret-token", nil }
	for _, tc := range []struct {
		name, url string
		opts      bundlepoll.Options
		want      string
	}{
		{"token over http to another host", "http://bundles.example/b.tar.gz", bundlepoll.Options{Token: tok}, "a token is sent only over https"},
		{"credentials in the URL", "https://user:pw@bundles.example/b.tar.gz", bundlepoll.Options{}, "holds credentials"},
		{"file scheme", "file:///etc/passwd", bundlepoll.Options{}, `scheme "file"`},
		{"no host", "https:///b.tar.gz", bundlepoll.Options{}, "has no host"},
	} {
		_, err := bundlepoll.NewClient(tc.url, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
		if err != nil && (strings.Contains(err.Error(), "pw") || strings.Contains(err.Error(), "s3cret")) {
			t.Errorf("%s: error shows a secret: %v", tc.name, err)
		}
	}
	if _, err := bundlepoll.NewClient("http://127.0.0.1:1/b.tar.gz", bundlepoll.Options{Token: tok}); err != nil {
		t.Errorf("token over http to loopback: %v", err)
	}
}

// TestSizeLimit: a download larger than the limit is refused while it is
// read, whether the server says its length or not.
func TestSizeLimit(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("x", 1000)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			w.(http.Flusher).Flush() // no Content-Length
		}
		fmt.Fprint(w, big)
	}))
	defer ts.Close()
	for _, path := range []string{"/sized", "/chunked"} {
		c, err := bundlepoll.NewClient(ts.URL+path, bundlepoll.Options{MaxBytes: 999})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Fetch(t.Context(), "", 0); err == nil || !strings.Contains(err.Error(), "limit") {
			t.Errorf("%s: %v, want the size limit", path, err)
		}
		c, _ = bundlepoll.NewClient(ts.URL+path, bundlepoll.Options{MaxBytes: 1000})
		if r, err := c.Fetch(t.Context(), "", 0); err != nil || len(r.Data) != 1000 {
			t.Errorf("%s at the limit: %v", path, err)
		}
		// The largest limit: one byte past it wrapped around and every
		// bundle read as empty.
		c, _ = bundlepoll.NewClient(ts.URL+path, bundlepoll.Options{MaxBytes: math.MaxInt64})
		if r, err := c.Fetch(t.Context(), "", 0); err != nil || len(r.Data) != 1000 {
			t.Errorf("%s under the largest limit: %d bytes, %v", path, len(r.Data), err)
		}
	}
}

// TestRedirectDowngrade: a redirect from https to http is refused, so a
// token never crosses the network in clear; the http server never sees it.
func TestRedirectDowngrade(t *testing.T) {
	t.Parallel()
	var sawAuth atomic.Bool
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			sawAuth.Store(true)
		}
		fmt.Fprint(w, "bundle")
	}))
	defer plain.Close()
	tls := httptest.NewTLSServer(http.RedirectHandler(plain.URL+"/b.tar.gz", http.StatusFound))
	defer tls.Close()
	c, err := bundlepoll.NewClient(tls.URL+"/b.tar.gz?sig=secret-query", bundlepoll.Options{Transport: tls.Client().Transport, Token: func() (string, error) { return "s3cret-token", nil }})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Fetch(t.Context(), "", 0)
	if err == nil || !strings.Contains(err.Error(), "refused a redirect from https to") {
		t.Fatalf("%v, want the downgrade refused", err)
	}
	if strings.Contains(err.Error(), "secret-query") || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error shows a secret: %v", err)
	}
	if sawAuth.Load() {
		t.Error("the http server received the token")
	}
}

// TestTokenFile: the token is read at every request (a rotated token is
// used at once), sent as a bearer token, and a missing file is an error
// that does not show the token.
func TestTokenFile(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var auths []string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		auths = append(auths, r.Header.Get("Authorization"))
		mu.Unlock()
		fmt.Fprint(w, "bundle")
	}))
	defer ts.Close()
	file := filepath.Join(t.TempDir(), "token")
	c, err := bundlepoll.NewClient(ts.URL, bundlepoll.Options{Token: bundlepoll.TokenFile(file), Header: http.Header{"X-Team": {"audit"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Fetch(t.Context(), "", 0); err == nil || !strings.Contains(err.Error(), "bundle token") {
		t.Errorf("missing token file: %v", err)
	}
	for _, tok := range []string{"one\n", "two"} {
		if err := os.WriteFile(file, []byte(tok), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Fetch(t.Context(), "", 0); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(auths, ",") != "Bearer one,Bearer two" {
		t.Errorf("Authorization headers = %q", auths)
	}
}

func TestLabel(t *testing.T) {
	t.Parallel()
	if got := bundlepoll.Label("https://u:p@h.example:8443/a/b.tar.gz?token=x#f"); got != "https://h.example:8443/a/b.tar.gz" {
		t.Errorf("Label = %q", got)
	}
}
