package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/tenet-dev/tenet/pkg/bundlepoll"
	"github.com/tenet-dev/tenet/pkg/tenet"
	"github.com/tenet-dev/tenet/pkg/watch"
)

// bundleURLFlags choose the bundle servers tenet watch downloads its
// policies from.
type bundleURLFlags struct {
	urls      []string
	poll      time.Duration
	longPoll  time.Duration
	wait      time.Duration
	headers   []string
	tokenFile string
	tokenEnv  string
}

func (f *bundleURLFlags) register(fl *pflag.FlagSet) {
	fl.StringArrayVar(&f.urls, "bundle-url", nil, "download a policy bundle (.tar.gz, as tenet bundle build or opa build write) from this OPA bundle server URL, poll it, and use each new revision from the next scan on (repeatable; https, or http where you choose it; signed as --verification-key requires)")
	fl.DurationVar(&f.poll, "bundle-poll", bundlepoll.DefaultMinDelay, "wait between polls of a --bundle-url: picked at random between this and twice this; failures back off from 1s up to twice this")
	fl.DurationVar(&f.longPoll, "bundle-long-poll", 0, "ask the bundle server to hold each request up to this long until the bundle changes (OPA's long polling; used only when the server offers it; 0: off)")
	fl.DurationVar(&f.wait, "bundle-wait", watch.DefaultBundleWait, "how long a scan waits for the first bundles; a scan that gives up fails, and the first bundle starts a scan")
	fl.StringArrayVar(&f.headers, "bundle-header", nil, "send this header to the bundle servers, 'Name: value' (repeatable; sent as given, over http too)")
	fl.StringVar(&f.tokenFile, "bundle-token-file", "", "send the bearer token in this file to the bundle servers (read at every request; never printed; https or loopback only)")
	fl.StringVar(&f.tokenEnv, "bundle-token-env", "", "send the bearer token in this environment variable to the bundle servers (https or loopback only)")
}

// check refuses bundle flags without --bundle-url and bad values.
func (f *bundleURLFlags) check(fl *pflag.FlagSet) error {
	if len(f.urls) == 0 {
		for _, name := range []string{"bundle-poll", "bundle-long-poll", "bundle-wait", "bundle-header", "bundle-token-file", "bundle-token-env"} {
			if fl.Changed(name) {
				return fmt.Errorf("--%s needs --bundle-url", name)
			}
		}
		return nil
	}
	switch {
	case f.poll <= 0:
		return errors.New("--bundle-poll must be positive")
	case f.longPoll < 0:
		return errors.New("--bundle-long-poll must not be negative")
	case f.wait <= 0:
		return errors.New("--bundle-wait must be positive")
	case f.tokenFile != "" && f.tokenEnv != "":
		return errors.New("--bundle-token-file and --bundle-token-env: give one")
	}
	return nil
}

// pollers makes one poller per --bundle-url.
func (f *bundleURLFlags) pollers() ([]*bundlepoll.Poller, error) {
	header := http.Header{}
	for _, h := range f.headers {
		name, value, ok := strings.Cut(h, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, fmt.Errorf("--bundle-header %q: want 'Name: value'", name)
		}
		header.Add(name, strings.TrimSpace(value))
	}
	opts := bundlepoll.Options{Header: header, UserAgent: "tenet/" + tenetVersion()}
	switch {
	case f.tokenFile != "":
		opts.Token = bundlepoll.TokenFile(f.tokenFile)
	case f.tokenEnv != "":
		opts.Token = bundlepoll.TokenEnv(f.tokenEnv)
	}
	var out []*bundlepoll.Poller
	for _, u := range f.urls {
		c, err := bundlepoll.NewClient(u, opts)
		if err != nil {
			return nil, fmt.Errorf("--bundle-url: %w", err)
		}
		out = append(out, &bundlepoll.Poller{Client: c, MinDelay: f.poll, MaxDelay: 2 * f.poll, LongPoll: f.longPoll})
	}
	return out, nil
}

// bundles is the watch's Bundles: each accepted set of downloads becomes
// a new scanner with the policy options and the downloaded archives.
func (f *bundleURLFlags) bundles(opts []tenet.Option, scan func(*tenet.Scanner) watch.ScanFunc) (*watch.Bundles, error) {
	pollers, err := f.pollers()
	if err != nil {
		return nil, err
	}
	build := func(ctx context.Context, bs []bundlepoll.Bundle) (*watch.Policy, error) {
		all := slices.Clone(opts)
		for _, b := range bs {
			all = append(all, tenet.WithPolicyArchive(b.URL, b.Data))
		}
		sc, err := tenet.New(ctx, all...)
		if err != nil {
			return nil, err
		}
		return &watch.Policy{Scan: scan(sc), Bundles: sc.Bundles()}, nil
	}
	return &watch.Bundles{Pollers: pollers, Build: build, Wait: f.wait}, nil
}
