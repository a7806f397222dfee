package watch

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

// DefaultListen is the address watch serves /healthz and /metrics on
// unless told otherwise, and the one Probe asks by default.
const DefaultListen = "127.0.0.1:9464"

// Probe asks the watch listening on addr (host:port) whether it is
// healthy: nil when its /healthz answers 200, else an error carrying the
// reason /healthz gave. It is the HEALTHCHECK of an image without a shell
// or curl, so it needs nothing but the tenet binary.
func Probe(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("probe address %q: %w", addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		// watch --listen-any :9464 listens everywhere; ask it on loopback.
		host = "127.0.0.1"
	}
	url := "http://" + net.JoinHostPort(host, port) + "/healthz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("probe %s: %w", url, err)
	}
	// No proxy: the probe asks the process next to it, never a proxy the
	// environment names for outbound traffic.
	client := &http.Client{Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("probe: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	if err != nil {
		return fmt.Errorf("probe %s: read the answer: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s: %s", url, resp.Status, strings.TrimSpace(string(body)))
	}
	return nil
}
