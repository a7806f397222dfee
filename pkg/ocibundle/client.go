package ocibundle

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"oras.land/oras-go/v2/errdef"
	"oras.land/oras-go/v2/registry/remote"
	"oras.land/oras-go/v2/registry/remote/auth"
	"oras.land/oras-go/v2/registry/remote/credentials"
	"oras.land/oras-go/v2/registry/remote/errcode"
	"oras.land/oras-go/v2/registry/remote/retry"
)

// repository connects to the repository of ref: plain HTTP only where
// asked or on loopback, credentials from the Docker config file.
func repository(ref Ref, opts Options) (*remote.Repository, error) {
	repo, err := remote.NewRepository(ref.String())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ref, err)
	}
	repo.PlainHTTP = opts.PlainHTTP || IsLoopback(ref.Host())
	repo.MaxMetadataBytes = opts.Limits.withDefaults().MaxManifestBytes
	cfgPath, err := dockerConfigPath(opts.DockerConfig)
	if err != nil {
		return nil, err
	}
	store, err := credentials.NewStore(cfgPath, credentials.StoreOptions{})
	if err != nil {
		return nil, fmt.Errorf("read registry credentials: %w", err)
	}
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.TLSHandshakeTimeout = 10 * time.Second
	base.ResponseHeaderTimeout = 30 * time.Second
	client := &auth.Client{
		// retry retries 5xx, 429 and resets, never refused connections.
		Client:     &http.Client{Transport: retry.NewTransport(base)},
		Credential: credentialsFrom(store, cfgPath),
		Cache:      auth.NewCache(),
	}
	if opts.UserAgent != "" {
		client.SetUserAgent(opts.UserAgent)
	}
	repo.Client = client
	return repo, nil
}

// credentialsFrom looks the registry up in the Docker config file, marking
// its errors so that they say which file is wrong.
func credentialsFrom(store credentials.Store, path string) auth.CredentialFunc {
	lookup := credentials.Credential(store)
	return func(ctx context.Context, host string) (auth.Credential, error) {
		cred, err := lookup(ctx, host)
		if err != nil {
			return cred, &credentialError{path: path, err: err}
		}
		return cred, nil
	}
}

// credentialError is a Docker config file that cannot be read.
type credentialError struct {
	path string
	err  error
}

func (e *credentialError) Error() string {
	return fmt.Sprintf("read the credentials in %s: %v", e.path, e.err)
}

func (e *credentialError) Unwrap() error { return e.err }

// dockerConfigPath is the config file given, else $DOCKER_CONFIG/config.json,
// else ~/.docker/config.json.
func dockerConfigPath(given string) (string, error) {
	if given != "" {
		return given, nil
	}
	if dir := os.Getenv("DOCKER_CONFIG"); dir != "" {
		return filepath.Join(dir, "config.json"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the Docker config file: %w", err)
	}
	return filepath.Join(home, ".docker", "config.json"), nil
}

// IsLoopback tells whether host (host[:port]) is localhost or a loopback
// address, which is reached over plain HTTP without asking.
func IsLoopback(host string) bool {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// ErrUnauthorized is the registry refusing the credentials, or asking for
// some where the Docker config file has none.
var ErrUnauthorized = errors.New("authentication failed")

// ErrNotFound is a repository, tag or digest the registry does not have.
var ErrNotFound = errors.New("not found")

// ErrUnreachable is a registry that cannot be connected to.
var ErrUnreachable = errors.New("unreachable")

// registryError makes err one line that names the registry and the
// problem. The registry's own messages are kept (they say which
// repository or tag), but never credentials: requests carry them in
// headers, which no error prints.
func registryError(ref Ref, op string, err error) error {
	host := ref.Host()
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s %s: registry %s did not answer in time: %w", op, ref, host, err)
	}
	if errors.Is(err, auth.ErrBasicCredentialNotFound) {
		return fmt.Errorf("%s %s: registry %s: %w: it asks for credentials and the Docker config file has none for it: log in with docker login %s",
			op, ref, host, ErrUnauthorized, host)
	}
	var cerr *credentialError
	if errors.As(err, &cerr) {
		return fmt.Errorf("%s %s: registry %s: %s", op, ref, host, oneLine(cerr.Error()))
	}
	var resp *errcode.ErrorResponse
	if errors.As(err, &resp) {
		switch resp.StatusCode {
		case http.StatusUnauthorized, http.StatusForbidden:
			return fmt.Errorf("%s %s: registry %s: %w (HTTP %d): check its entry in the Docker config file, or log in with docker login %s",
				op, ref, host, ErrUnauthorized, resp.StatusCode, host)
		case http.StatusNotFound:
			return fmt.Errorf("%s %s: %w in registry %s", op, ref, ErrNotFound, host)
		}
		return fmt.Errorf("%s %s: registry %s answered HTTP %d: %s", op, ref, host, resp.StatusCode, oneLine(resp.Errors.Error()))
	}
	if errors.Is(err, errdef.ErrNotFound) {
		return fmt.Errorf("%s %s: %w in registry %s", op, ref, ErrNotFound, host)
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		// The URL is the registry's: say which host, then the cause.
		cause := uerr.Err
		var opErr *net.OpError
		if errors.As(cause, &opErr) {
			cause = opErr.Err
		}
		hint := ""
		if strings.Contains(cause.Error(), "server gave HTTP response to HTTPS client") {
			hint = " (the registry speaks plain HTTP: use --plain-http if that is intended)"
		}
		return fmt.Errorf("%s %s: registry %s %w: %s%s", op, ref, host, ErrUnreachable, oneLine(cause.Error()), hint)
	}
	return fmt.Errorf("%s %s: %s", op, ref, oneLine(err.Error()))
}

func oneLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
