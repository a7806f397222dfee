package watch

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/bundlepoll"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// revisionPolicies builds, for each bundle, a scan whose result records
// the bundle's content as its revision; a scan blocks while hold is set.
func revisionPolicies(t *testing.T, hold *sync.WaitGroup, started chan<- string) *policies {
	t.Helper()
	client, err := bundlepoll.NewClient("http://127.0.0.1:1/b.tar.gz", bundlepoll.Options{})
	if err != nil {
		t.Fatal(err)
	}
	build := func(_ context.Context, bs []bundlepoll.Bundle) (*Policy, error) {
		rev := string(bs[0].Data)
		if rev == "bad" {
			return nil, errStr("bundle is not signed")
		}
		bundles := []finding.Bundle{{Name: "b", Revision: rev, Source: bs[0].URL}}
		return &Policy{Bundles: bundles, Scan: func(context.Context) (*finding.Result, error) {
			started <- rev
			hold.Wait()
			return &finding.Result{Bundles: bundles}, nil
		}}, nil
	}
	return newPolicies(&Bundles{Pollers: []*bundlepoll.Poller{{Client: client}}, Build: build, Wait: time.Minute}, nil, func(string, ...any) {})
}

type errStr string

func (e errStr) Error() string { return string(e) }

// TestPoliciesSwapBetweenScans: a new bundle applied while a scan runs
// does not reach that scan, which finishes with the revision it started
// with; the next scan has the new one; a refused bundle changes nothing.
func TestPoliciesSwapBetweenScans(t *testing.T) {
	var hold sync.WaitGroup
	started := make(chan string, 10)
	p := revisionPolicies(t, &hold, started)
	url := p.cfg.Pollers[0].Client.URL()
	apply := func(rev string) error {
		return p.apply(t.Context(), 0, bundlepoll.Bundle{URL: url, Data: []byte(rev)})
	}
	if err := apply("1"); err != nil {
		t.Fatal(err)
	}
	hold.Add(1)
	done := make(chan *finding.Result)
	go func() {
		res, err := p.scan(t.Context())
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	if rev := <-started; rev != "1" {
		t.Fatalf("scan started with %s", rev)
	}
	if err := apply("2"); err != nil {
		t.Fatal(err)
	}
	if err := apply("bad"); err == nil {
		t.Fatal("a refused bundle was applied")
	}
	hold.Done()
	if res := <-done; res.Bundles[0].Revision != "1" {
		t.Errorf("the scan in progress finished with revision %s, want the 1 it started with", res.Bundles[0].Revision)
	}
	select {
	case <-p.changed:
	default:
		t.Error("revision 2 did not ask for a scan")
	}
	go func() { _, _ = p.scan(t.Context()) }() // its result was checked above
	if rev := <-started; rev != "2" {
		t.Errorf("next scan started with %s, want 2", rev)
	}
	if got := p.describe(&finding.Result{Bundles: []finding.Bundle{{Revision: "2", Source: url}}}); got != " (bundle revision 2)" {
		t.Errorf("describe = %q", got)
	}
}

// TestPoliciesFirstWait: a scan waits for the first bundle up to Wait and
// fails saying why; the first bundle then asks for a scan, and a scan
// waiting when it arrives goes on with it.
func TestPoliciesFirstWait(t *testing.T) {
	var hold sync.WaitGroup
	started := make(chan string, 10)
	p := revisionPolicies(t, &hold, started)
	p.cfg.Wait = 50 * time.Millisecond
	p.report(p.cfg.Pollers[0].Client.URL(), bundlepoll.Failed, errStr("dial tcp: connection refused"))
	_, err := p.scan(t.Context())
	if err == nil || !strings.Contains(err.Error(), "no policy bundle loaded after 50ms (last error: http://127.0.0.1:1/b.tar.gz: dial tcp: connection refused)") {
		t.Fatalf("scan without a bundle: %v", err)
	}
	if err := p.apply(t.Context(), 0, bundlepoll.Bundle{URL: "u", Data: []byte("1")}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-p.changed:
	default:
		t.Error("the first bundle after a scan gave up did not ask for a scan")
	}

	q := revisionPolicies(t, &hold, started)
	res := make(chan error)
	go func() { _, err := q.scan(t.Context()); res <- err }()
	time.Sleep(20 * time.Millisecond)
	if err := q.apply(t.Context(), 0, bundlepoll.Bundle{URL: "u", Data: []byte("1")}); err != nil {
		t.Fatal(err)
	}
	if err := <-res; err != nil {
		t.Errorf("waiting scan: %v", err)
	}
	select {
	case <-q.changed:
		t.Error("the first bundle asked for a second scan while one was waiting for it")
	default:
	}
}
