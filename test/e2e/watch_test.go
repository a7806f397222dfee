package e2e

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// watchProcess is a running tenet watch with its standard error collected.
type watchProcess struct {
	cmd  *exec.Cmd
	log  *lines
	done chan struct{} // closed when standard error is closed
}

// startWatch runs tenet watch with args in dir; the process is killed when
// the test ends if it is still running.
func startWatch(t *testing.T, dir string, args ...string) *watchProcess {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"watch"}, args...)...)
	cmd.Dir = dir
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	w := &watchProcess{cmd: cmd, log: &lines{}, done: make(chan struct{})}
	go func() { w.log.read(stderr); close(w.done) }()
	return w
}

// lines collects a stream's lines for tests that wait on them.
type lines struct {
	mu  sync.Mutex
	all []string
}

func (l *lines) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		l.mu.Lock()
		l.all = append(l.all, sc.Text())
		l.mu.Unlock()
	}
}

// waitMatch waits for a line matching re and returns its submatches.
func (l *lines) waitMatch(t *testing.T, re string) []string {
	t.Helper()
	rx := regexp.MustCompile(re)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		l.mu.Lock()
		for _, s := range l.all {
			if m := rx.FindStringSubmatch(s); m != nil {
				l.mu.Unlock()
				return m
			}
		}
		l.mu.Unlock()
	}
	t.Fatalf("no line matches %s in:\n%s", re, l)
	return nil
}

func (l *lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.all, "\n")
}

// TestWatch runs tenet watch as a service would: a change to the watched
// manifest flips controls and one alert reaches the webhook; /healthz and
// /metrics answer; SIGTERM stops it with exit 0.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join("testdata", "diff", "pod-old.yaml"), filepath.Join(dir, "pod.yaml"))
	var (
		mu     sync.Mutex
		alerts []map[string]any
	)
	got := make(chan struct{}, 10)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var a map[string]any
		if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		mu.Lock()
		alerts = append(alerts, a)
		mu.Unlock()
		got <- struct{}{}
	}))
	defer hook.Close()

	w := startWatch(t, dir, "--interval", "1h", "--debounce", "200ms", "--listen", "127.0.0.1:0",
		"--history", "h", "--notify-url", hook.URL, "pod.yaml")
	cmd, log, readDone := w.cmd, w.log, w.done

	base := log.waitMatch(t, `serving /healthz and /metrics on (http://\S+)`)[1]
	log.waitMatch(t, `run 1 \(start\) .*first complete run`)

	copyFile(t, filepath.Join("testdata", "diff", "pod-new.yaml"), filepath.Join(dir, "pod.yaml"))
	select {
	case <-got:
	case <-time.After(30 * time.Second):
		t.Fatalf("no alert after the change; log:\n%s", log)
	}
	log.waitMatch(t, `run 2 \(change\) .*[0-9]+ controls changed; alert queued`)
	// The webhook has answered; wait until the sender has seen the answer
	// and emptied the outbox, or SIGTERM could interrupt it (the alert
	// would then be sent again on the next start: at least once).
	log.waitMatch(t, `alert delivered`)
	mu.Lock()
	text, _ := alerts[0]["text"].(string)
	mu.Unlock()
	if !regexp.MustCompile(`tenet: [0-9]+ controls changed status in run 2 \(pod\.yaml\)`).MatchString(text) || !strings.Contains(text, "• cis-k8s-1.10.0 5.2.5: pass → fail") {
		t.Errorf("alert text:\n%s", text)
	}

	if body := httpGet(t, base+"/healthz"); body != "ok\n" {
		t.Errorf("/healthz = %q", body)
	}
	metrics := httpGet(t, base+"/metrics")
	for _, want := range []string{
		`tenet_control_status{control="5.2.5",framework="cis-k8s-1.10.0",status="fail"} 1`,
		`tenet_framework_controls{framework="cis-k8s-1.10.0",status="fail"}`,
		`tenet_findings{kind="deny",severity="high"}`,
		`tenet_scan_duration_seconds_count 2`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}

	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	<-readDone
	err := cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) || err != nil {
		t.Errorf("after SIGTERM: %v; log:\n%s", err, log)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopping took %s", d)
	}
	time.Sleep(100 * time.Millisecond)
	mu.Lock()
	if len(alerts) != 1 {
		t.Errorf("webhook got %d alerts, want 1", len(alerts))
	}
	mu.Unlock()
	if got := runIn(t, dir, "", "history", "verify", "h"); got.code != 0 || !strings.Contains(got.stdout, "intact, 2 records") {
		t.Errorf("history verify: exit %d: %s%s", got.code, got.stdout, got.stderr)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "h", "outbox")); len(entries) != 0 {
		t.Errorf("outbox not empty: %v", entries)
	}
}

func httpGet(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s %v", url, resp.Status, err)
	}
	return string(b)
}

func TestWatchUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"watch", "pod.yaml"}, "watch needs --history DIR"},
		{[]string{"watch", "--history", "h", "--listen", "0.0.0.0:9464", "pod.yaml"}, "is not a loopback address"},
		{[]string{"watch", "--history", "h", "-"}, "cannot read standard input"},
		{[]string{"watch", "--history", "h", "--waivers", "test/e2e/testdata/waivers/all.yaml", "pod.yaml"}, "all.yaml:2: broad waiver refused"},
		{[]string{"watch", "--history", "h", "--bundle-poll", "10s", "pod.yaml"}, "--bundle-poll needs --bundle-url"},
		{[]string{"watch", "--history", "h", "--bundle-url", "ftp://bundles.example/b.tar.gz", "pod.yaml"}, `scheme "ftp" is not http or https`},
		{[]string{"watch", "--history", "h", "--bundle-url", "http://bundles.example/b.tar.gz", "--bundle-token-env", "HOME", "pod.yaml"}, "a token is sent only over https"},
		{[]string{"watch", "--history", "h", "--bundle-url", "https://bundles.example/b.tar.gz", "--bundle-header", "no colon", "pod.yaml"}, "want 'Name: value'"},
		{[]string{"watch", "--history", "h", "--bundle-url", "https://bundles.example/b.tar.gz", "--bundle-token-env", "A", "--bundle-token-file", "f", "pod.yaml"}, "give one"},
	} {
		got := run(t, "", tc.args...)
		if got.code != 2 || !strings.Contains(got.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, got.code, got.stderr, tc.want)
		}
	}
}

// TestWatchStopsWithStuckScan: a FIFO in the watched directory that no
// one writes to can block a scan (an open that never returns); SIGTERM
// still stops tenet watch, with exit 0, within the 5s grace period.
func TestWatchStopsWithStuckScan(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join("testdata", "diff", "pod-old.yaml"), filepath.Join(dir, "pod.yaml"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	w := startWatch(t, "", "--interval", "1h", "--listen", "127.0.0.1:0", "--history", filepath.Join(t.TempDir(), "h"), dir)
	cmd, log, readDone := w.cmd, w.log, w.done
	log.waitMatch(t, `serving /healthz and /metrics`)
	time.Sleep(300 * time.Millisecond) // the first scan is under way

	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { <-readDone; exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("after SIGTERM: %v; log:\n%s", err, log)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("tenet watch ignored SIGTERM; log:\n%s", log)
	}
	if d := time.Since(start); d > 8*time.Second {
		t.Errorf("stopping took %s", d)
	}
}

// TestWatchSkipsHistory: a history directory inside the watched directory
// is not scanned: the JSON alerts of its outbox are not inputs.
func TestWatchSkipsHistory(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join("testdata", "diff", "pod-old.yaml"), filepath.Join(dir, "pod.yaml"))
	if err := os.MkdirAll(filepath.Join(dir, "h", "outbox"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "h", "outbox", "000009-000.json"), []byte(`{"text": "tenet: an alert", "changes": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	w := startWatch(t, dir, "--interval", "1h", "--listen", "127.0.0.1:0", "--history", "h", ".")
	cmd, log, readDone := w.cmd, w.log, w.done
	log.waitMatch(t, `run 1 \(start\)`)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	<-readDone
	if err := cmd.Wait(); err != nil {
		t.Fatalf("watch: %v; log:\n%s", err, log)
	}
	got := runIn(t, dir, "", "history", "show", "-o", "json", "h")
	var runs []struct {
		Inputs []struct{ Path string } `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &runs); err != nil || len(runs) != 1 {
		t.Fatalf("history show: %v: %s%s", err, got.stdout, got.stderr)
	}
	if len(runs[0].Inputs) != 1 || runs[0].Inputs[0].Path != "pod.yaml" {
		t.Errorf("inputs of the run = %+v, want pod.yaml alone", runs[0].Inputs)
	}
}

// TestWatchCache: watch keeps evaluation results in the user's cache
// directory by default, and none with --cache off.
func TestWatchCache(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		entries bool
	}{{nil, true}, {[]string{"--cache", "off"}, false}} {
		xdg := t.TempDir()
		t.Setenv("XDG_CACHE_HOME", xdg)
		dir := t.TempDir()
		copyFile(t, filepath.Join("testdata", "diff", "pod-old.yaml"), filepath.Join(dir, "pod.yaml"))
		w := startWatch(t, dir, append(tc.args, "--interval", "1h", "--listen", "127.0.0.1:0", "--history", "h", ".")...)
		w.log.waitMatch(t, `run 1 \(start\)`)
		if err := w.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		<-w.done
		if err := w.cmd.Wait(); err != nil {
			t.Fatalf("watch %v: %v; log:\n%s", tc.args, err, w.log)
		}
		var files int
		_ = filepath.WalkDir(filepath.Join(xdg, "tenet", "eval"), func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files++
			}
			return nil
		})
		if (files > 0) != tc.entries {
			t.Errorf("watch %v: %d cache entries under %s", tc.args, files, xdg)
		}
	}
}
