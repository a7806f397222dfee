package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBundleURLOPAAgrees shows that the bundle service tenet watch polls is
// one a stock OPA accepts: opa run --server, configured with services and
// bundles pointing at the same nginx URL and the same verification key,
// loads the signed bundle tenet bundle build wrote, at the same revision
// tenet watch reports, and its deny messages are tenet's findings. (OPA
// cannot serve bundles: nginx serves, tenet and OPA are two clients.)
func TestBundleURLOPAAgrees(t *testing.T) {
	opa := opaBinary(t)
	priv, pub := writeKeys(t)
	www := t.TempDir()
	srv := startNginx(t, www)
	publish(t, filepath.Join(www, "policy.tar.gz"), "7", priv, time.Now().Add(-time.Hour))
	url := "http://" + srv.addr + "/policy.tar.gz"

	pubPEM, err := os.ReadFile(pub)
	if err != nil {
		t.Fatal(err)
	}
	// JSON is YAML: the PEM's line breaks survive as \n escapes.
	config, err := json.Marshal(map[string]any{
		"services": map[string]any{"nginx": map[string]any{"url": "http://" + srv.addr}},
		"bundles": map[string]any{"policy": map[string]any{
			"service":  "nginx",
			"resource": "/policy.tar.gz",
			"polling":  map[string]any{"min_delay_seconds": 1, "max_delay_seconds": 2},
			"signing":  map[string]any{"keyid": "default"},
		}},
		"keys": map[string]any{"default": map[string]any{"algorithm": "RS256", "key": string(pubPEM)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	confPath := filepath.Join(dir, "opa.yaml")
	if err := os.WriteFile(confPath, config, 0o644); err != nil {
		t.Fatal(err)
	}
	opaAddr := freeAddr(t)
	var opaLog bytes.Buffer
	cmd := exec.Command(opa, "run", "--server", "--addr", opaAddr, "-c", confPath)
	cmd.Stdout, cmd.Stderr = &opaLog, &opaLog
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }() // killed: its exit status says nothing

	// /health?bundles answers 200 once every configured bundle is active.
	api := "http://" + opaAddr
	var ready bool
	for deadline := time.Now().Add(30 * time.Second); !ready && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(api + "/health?bundles"); err == nil {
			resp.Body.Close()
			ready = resp.StatusCode == http.StatusOK
		}
	}
	if !ready {
		t.Fatalf("opa did not activate the bundle from %s within 30s; its log:\n%s", url, opaLog.String())
	}
	var rev struct {
		Result string `json:"result"`
	}
	opaJSON(t, http.MethodGet, api+"/v1/data/system/bundles/policy/manifest/revision", nil, &rev)
	if rev.Result != "7" {
		t.Errorf("opa loaded revision %q, want 7", rev.Result)
	}
	var deny struct {
		Result []string `json:"result"`
	}
	opaJSON(t, http.MethodPost, api+"/v1/data/main/deny", map[string]any{"input": map[string]any{"kind": "Deployment", "metadata": map[string]any{"name": "web"}}}, &deny)

	if err := os.WriteFile(filepath.Join(dir, "deploy.yaml"), []byte(bundleURLDeployment), 0o644); err != nil {
		t.Fatal(err)
	}
	w := startWatch(t, dir, "--interval", "1h", "--listen", "127.0.0.1:0", "--history", "h", "--no-builtins",
		"--bundle-url", url, "--verification-key", pub, "deploy.yaml")
	w.log.waitMatch(t, `run 1 \(start\) in \S+: 2 deny, .* \(bundle revision `+rev.Result+`\)`)
	got := run(t, "", "test", "--no-builtins", "-p", filepath.Join(www, "policy.tar.gz"), "--verification-key", pub, "-o", "json", filepath.Join(dir, "deploy.yaml"))
	for _, msg := range deny.Result {
		if !strings.Contains(got.stdout, fmt.Sprintf("%q", msg)) {
			t.Errorf("opa denies %q, tenet does not report it:\n%s", msg, got.stdout)
		}
	}
	if len(deny.Result) != 2 {
		t.Errorf("opa denies %q, want the two messages of revision 7", deny.Result)
	}
}

// opaJSON sends a request to OPA's REST API and decodes the answer.
func opaJSON(t *testing.T, method, url string, body, out any) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body) // for the message
		t.Fatalf("%s %s: %s %s", method, url, resp.Status, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
}
