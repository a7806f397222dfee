package bundlepoll

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// MediaType is the content type a bundle server answers with when it
// supports long polling (OPA's rule: any other type, such as
// application/gzip, means it does not).
const MediaType = "application/vnd.openpolicyagent.bundles"

// DefaultRequestTimeout bounds one download, long polls excepted (they get
// their wait on top).
const DefaultRequestTimeout = 5 * time.Minute

// Options tune a Client. The zero value downloads without credentials,
// with http.DefaultTransport, up to catalog.DefaultMaxArchiveBytes.
type Options struct {
	// Header holds extra request headers, sent as they are.
	Header http.Header
	// Token returns the bearer token sent in Authorization; nil for none.
	// It is called for every request, so that a rotated token is used.
	Token func() (string, error)
	// MaxBytes bounds a download; zero means catalog.DefaultMaxArchiveBytes,
	// the limit tenet puts on any bundle archive.
	MaxBytes int64
	// Timeout bounds one request; zero means DefaultRequestTimeout.
	Timeout time.Duration
	// Transport makes the requests; nil means http.DefaultTransport.
	Transport http.RoundTripper
	// UserAgent, if set, names the client to the server (its access log).
	UserAgent string
}

// Client downloads one bundle URL.
type Client struct {
	url  *url.URL
	opts Options
	http *http.Client
}

// Response is the answer to one Fetch.
type Response struct {
	// Data is the archive; nil when NotModified.
	Data []byte
	// ETag is the entity tag the server gave (or, on a 304 without one,
	// the one sent).
	ETag string
	// NotModified is true for a 304: the bundle in use is current.
	NotModified bool
	// LongPoll is true when the server answered a 200 with MediaType,
	// saying it supports long polling.
	LongPoll bool
}

// NewClient checks rawURL and returns a client for it. The URL must be
// https, or http (which the user chose; it is not encrypted). A token over
// plain http is refused unless the host is loopback: anyone on the path
// could read it.
func NewClient(rawURL string, opts Options) (*Client, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bundle URL: %w", err)
	}
	switch {
	case u.Scheme != "https" && u.Scheme != "http":
		return nil, fmt.Errorf("bundle URL %s: scheme %q is not http or https", Label(rawURL), u.Scheme)
	case u.Host == "":
		return nil, fmt.Errorf("bundle URL %s has no host", Label(rawURL))
	case u.User != nil:
		return nil, fmt.Errorf("bundle URL %s holds credentials: give a token with --bundle-token-file or --bundle-token-env instead", Label(rawURL))
	case u.Scheme == "http" && opts.Token != nil && !isLoopback(u.Hostname()):
		return nil, fmt.Errorf("bundle URL %s: a token is sent only over https (or http to loopback), never in clear over the network", Label(rawURL))
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = catalog.DefaultMaxArchiveBytes
	}
	// One byte past the limit tells a bundle over it: the largest int64
	// would have none, and every bundle would read as empty.
	opts.MaxBytes = min(opts.MaxBytes, catalog.MaxByteLimit)
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultRequestTimeout
	}
	c := &Client{url: u, opts: opts}
	c.http = &http.Client{Transport: opts.Transport, CheckRedirect: c.checkRedirect}
	return c, nil
}

// checkRedirect follows at most 10 redirects, and none from https to http:
// it would send the request, and maybe a token, in clear. (Go drops the
// Authorization header on a redirect to another host by itself.)
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	if req.URL.Scheme != "https" && via[0].URL.Scheme == "https" {
		return fmt.Errorf("refused a redirect from https to %s", Label(req.URL.String()))
	}
	return nil
}

// URL is the client's URL without credentials or query, for messages.
func (c *Client) URL() string { return Label(c.url.String()) }

// Fetch downloads the bundle once. With etag set it asks for the bundle
// only if it changed (If-None-Match); with wait > 0 it asks the server to
// hold the request up to wait until it changes (Prefer: wait=N, in whole
// seconds, as OPA sends it).
func (c *Client) Fetch(ctx context.Context, etag string, wait time.Duration) (*Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout+wait)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url.String(), nil)
	if err != nil {
		return nil, err
	}
	for k, vs := range c.opts.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	// Only full bundles: tenet does not apply OPA's delta bundles.
	prefer := "modes=snapshot"
	if wait > 0 {
		prefer += ";wait=" + strconv.Itoa(max(1, int(wait/time.Second)))
	}
	req.Header.Set("Prefer", prefer)
	if c.opts.UserAgent != "" {
		req.Header.Set("User-Agent", c.opts.UserAgent)
	}
	req.Header.Set("Accept", MediaType+", application/gzip, application/octet-stream")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if c.opts.Token != nil {
		tok, err := c.opts.Token()
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.scrub(err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		// Drain a little so that the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096)) // best effort
		tag := resp.Header.Get("ETag")
		if tag == "" {
			tag = etag
		}
		return &Response{ETag: tag, NotModified: true}, nil
	default:
		return nil, fmt.Errorf("server answered %s", resp.Status)
	}
	if resp.ContentLength > c.opts.MaxBytes {
		return nil, fmt.Errorf("bundle is %d bytes, more than the limit of %d", resp.ContentLength, c.opts.MaxBytes)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read bundle: %w", c.scrub(err))
	}
	if int64(len(data)) > c.opts.MaxBytes {
		return nil, fmt.Errorf("bundle is more than %d bytes (the limit)", c.opts.MaxBytes)
	}
	ct, _, _ := strings.Cut(resp.Header.Get("Content-Type"), ";")
	return &Response{Data: data, ETag: resp.Header.Get("ETag"), LongPoll: strings.TrimSpace(ct) == MediaType}, nil
}

// scrub drops the URL that net/http puts in its errors, query and all:
// it may hold a secret, and the caller names the bundle already.
func (c *Client) scrub(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// Label is a URL as tenet shows and records it: without user
// information, query or fragment, which may hold secrets.
func Label(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(unparsable URL)"
	}
	u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
	return u.String()
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// TokenFile returns a token source that reads the token from path at every
// request, trimmed of surrounding white space. Its errors name the file,
// never its content.
func TokenFile(path string) func() (string, error) {
	return func() (string, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("bundle token: %w", err)
		}
		tok := strings.TrimSpace(string(b))
		if tok == "" {
			return "", fmt.Errorf("bundle token file %s is empty", path)
		}
		return tok, nil
	}
}

// TokenEnv returns a token source that reads the environment variable
// name at every request.
func TokenEnv(name string) func() (string, error) {
	return func() (string, error) {
		tok := strings.TrimSpace(os.Getenv(name))
		if tok == "" {
			return "", fmt.Errorf("bundle token: environment variable %s is empty or not set", name)
		}
		return tok, nil
	}
}
