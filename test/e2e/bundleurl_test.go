package e2e

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const bundleURLDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`

// bundleURLPolicy is revision rev of a conftest-style policy: revision 1
// denies the Deployment once, later ones twice, so that the findings tell
// which revision a run used.
func bundleURLPolicy(t *testing.T, rev string) string {
	t.Helper()
	dir := t.TempDir()
	rego := `package main

import rego.v1

deny contains msg if {
	input.kind == "Deployment"
	msg := sprintf("revision ` + rev + `: deployment %s", [input.metadata.name])
}
`
	if rev != "1" {
		rego += `
deny contains "revision ` + rev + `: second rule" if input.kind == "Deployment"
`
	}
	if err := os.WriteFile(filepath.Join(dir, "policy.rego"), []byte(rego), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// publish builds revision rev with tenet bundle build (signed with priv
// when set) and moves it into place at dst atomically, as a bundle server
// should be fed, with a modification time of its own: nginx's ETag is the
// time and size, and two revisions of one size written within a second
// would otherwise share it.
func publish(t *testing.T, dst, rev, priv string, mtime time.Time) {
	t.Helper()
	tmp := filepath.Join(t.TempDir(), "policy.tar.gz")
	args := []string{"bundle", "build", bundleURLPolicy(t, rev), "-o", tmp, "--revision", rev}
	if priv != "" {
		args = append(args, "--signing-key", priv)
	}
	wantRun(t, run(t, "", args...), 0, "wrote", "")
	replaceFile(t, tmp, dst, mtime)
}

func replaceFile(t *testing.T, src, dst string, mtime time.Time) {
	t.Helper()
	if err := os.Chtimes(src, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(src, dst); err != nil {
		t.Fatal(err)
	}
}

// recordedBundles reads the bundles a history record lists.
func recordedBundles(t *testing.T, file string) []map[string]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Bundles []map[string]string `json:"bundles"`
	}
	if err := json.NewDecoder(gz).Decode(&rec); err != nil {
		t.Fatal(err)
	}
	return rec.Bundles
}

// TestWatchBundleURL runs tenet watch against a real nginx serving a signed
// bundle built by tenet bundle build, through every state a bundle server
// goes through: not up yet, serving, unchanged (304), a new revision, a
// corrupt file, an unsigned bundle, down, and back.
func TestWatchBundleURL(t *testing.T) {
	priv, pub := writeKeys(t)
	www := t.TempDir()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "deploy.yaml"), []byte(bundleURLDeployment), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := startNginx(t, www)
	url := "http://" + srv.addr + "/policy.tar.gz"
	// Not published yet: nginx answers 404, and the first scan gives up
	// after --bundle-wait.
	w := startWatch(t, dir, "--interval", "1h", "--listen", "127.0.0.1:0", "--history", "h", "--no-builtins",
		"--bundle-url", url, "--bundle-poll", "100ms", "--bundle-wait", "1s", "--verification-key", pub, "deploy.yaml")
	base := w.log.waitMatch(t, `serving /healthz and /metrics on (http://\S+)`)[1]
	w.log.waitMatch(t, `^tenet watch: bundle `+regexp.QuoteMeta(url)+`: download failed \(no bundle loaded yet\): server answered 404 Not Found$`)
	w.log.waitMatch(t, `scan \(start\): no policy bundle loaded after 1s \(last error: .*404 Not Found\); the first one starts a scan`)

	t0 := time.Now().Add(-time.Hour)
	bundlePath := filepath.Join(www, "policy.tar.gz")
	publish(t, bundlePath, "1", priv, t0)
	w.log.waitMatch(t, `bundle .*: revision 1 loaded$`)
	w.log.waitMatch(t, `run 1 \(bundle\) in \S+: 1 deny, .* \(bundle revision 1\); first complete run`)
	bundles := recordedBundles(t, filepath.Join(dir, "h", "000001.json.gz"))
	if last := bundles[len(bundles)-1]; last["revision"] != "1" || last["source"] != url {
		t.Errorf("run 1 records bundles %v, want revision 1 from %s", bundles, url)
	}

	t.Run("unchanged: 304", func(t *testing.T) {
		deadline := time.Now().Add(30 * time.Second)
		for srv.statuses(t, "/policy.tar.gz")["304"] < 3 && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		st := srv.statuses(t, "/policy.tar.gz")
		if st["304"] < 3 || st["200"] != 1 {
			t.Errorf("nginx answered %v, want one 200 and then 304s", st)
		}
	})

	t.Run("new revision swaps the policies", func(t *testing.T) {
		publish(t, bundlePath, "2", priv, t0.Add(time.Minute))
		w.log.waitMatch(t, `bundle .*: revision 2 loaded; the next scan uses it$`)
		w.log.waitMatch(t, `run 2 \(bundle\) in \S+: 2 deny, .* \(bundle revision 2\)`)
		bundles := recordedBundles(t, filepath.Join(dir, "h", "000002.json.gz"))
		if last := bundles[len(bundles)-1]; last["revision"] != "2" {
			t.Errorf("run 2 records bundles %v, want revision 2", bundles)
		}
	})

	t.Run("corrupt and unsigned bundles are refused, revision 2 stays", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad")
		if err := os.WriteFile(bad, []byte("<html>half an upload</html>"), 0o644); err != nil {
			t.Fatal(err)
		}
		replaceFile(t, bad, bundlePath, t0.Add(2*time.Minute))
		w.log.waitMatch(t, `^tenet watch: bundle \S+: bundle refused \(keeping revision 2\): not a gzip-compressed bundle archive`)
		publish(t, bundlePath, "3", "", t0.Add(3*time.Minute))
		w.log.waitMatch(t, `^tenet watch: bundle \S+: bundle refused \(keeping revision 2\): bundle is not signed`)
		metrics := httpGet(t, base+"/metrics")
		for _, want := range []string{
			`tenet_bundle_revision{revision="2",url="` + url + `"} 1`,
			`tenet_bundle_requests_total{result="refused",url="` + url + `"}`,
			`tenet_bundle_requests_total{result="not_modified",url="` + url + `"}`,
		} {
			if !strings.Contains(metrics, want) {
				t.Errorf("/metrics lacks %s", want)
			}
		}
		if body := httpGet(t, base+"/healthz"); body != "ok\n" {
			t.Errorf("/healthz = %q: a refused bundle must not make the watch unhealthy", body)
		}
	})

	t.Run("server down, then back", func(t *testing.T) {
		srv.stop()
		w.log.waitMatch(t, `bundle \S+: download failed \(keeping revision 2\): dial tcp .*connection refused$`)
		publish(t, bundlePath, "4", priv, t0.Add(4*time.Minute))
		srv.restart(t, www)
		w.log.waitMatch(t, `bundle .*: revision 4 loaded; the next scan uses it$`)
		w.log.waitMatch(t, `run 3 \(bundle\) in \S+: 2 deny, .* \(bundle revision 4\)`)
	})
	if strings.Contains(w.log.String(), "run 4") {
		t.Errorf("a run other than those the bundles started:\n%s", w.log)
	}
}
