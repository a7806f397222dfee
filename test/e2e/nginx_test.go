package e2e

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// nginx is an nginx serving a directory of static files on loopback: the
// bundle server of the --bundle-url tests. nginx answers with an ETag (the
// file's modification time and size) and If-None-Match with 304, which is
// all OPA's bundle protocol asks of a server without long polling.
type nginx struct {
	bin    string
	prefix string // config, pid, logs and temp files
	addr   string // host:port
	cmd    *exec.Cmd
	exited chan struct{}
}

// nginxBinary returns the nginx binary, or skips.
func nginxBinary(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"nginx", "/usr/sbin/nginx"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	t.Skip("nginx is not installed (make nginx, or apt-get install nginx): the bundle server tests need it")
	return ""
}

// freeAddr returns a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startNginx serves root on a free loopback port; it is stopped when the
// test ends.
func startNginx(t *testing.T, root string) *nginx {
	t.Helper()
	n := &nginx{bin: nginxBinary(t), prefix: t.TempDir()}
	for try := 0; ; try++ {
		n.addr = freeAddr(t)
		err := n.start(t, root)
		if err == nil {
			break
		}
		if try == 2 {
			t.Fatal(err)
		}
	}
	t.Cleanup(n.stop)
	return n
}

// start writes the configuration and starts nginx in the foreground on
// n.addr, waiting until it answers.
func (n *nginx) start(t *testing.T, root string) error {
	t.Helper()
	user := ""
	if os.Geteuid() == 0 {
		// Workers of a root master run as nobody, who cannot read a test's
		// temporary directory.
		user = "user root;\n"
	}
	conf := fmt.Sprintf(`%sworker_processes 1;
error_log %[2]s/error.log;
pid %[2]s/nginx.pid;
events { worker_connections 64; }
http {
  access_log %[2]s/access.log;
  client_body_temp_path %[2]s/tmp-body;
  proxy_temp_path %[2]s/tmp-proxy;
  fastcgi_temp_path %[2]s/tmp-fastcgi;
  uwsgi_temp_path %[2]s/tmp-uwsgi;
  scgi_temp_path %[2]s/tmp-scgi;
  types { application/gzip gz; }
  server {
    listen %[3]s;
    root %[4]s;
  }
}
`, user, n.prefix, n.addr, root)
	confPath := filepath.Join(n.prefix, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	n.cmd = exec.Command(n.bin, "-e", filepath.Join(n.prefix, "error.log"), "-p", n.prefix, "-c", confPath, "-g", "daemon off;")
	if err := n.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	n.exited = make(chan struct{})
	go func() { _ = n.cmd.Wait(); close(n.exited) }() // the exit status says nothing the error log does not
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case <-n.exited:
			log, _ := os.ReadFile(filepath.Join(n.prefix, "error.log")) // best effort, for the message
			return fmt.Errorf("nginx exited at start:\n%s", log)
		default:
		}
		if resp, err := http.Get("http://" + n.addr + "/"); err == nil {
			resp.Body.Close()
			return nil
		}
	}
	n.stop()
	return fmt.Errorf("nginx did not answer on %s within 10s", n.addr)
}

// stop ends nginx and waits. SIGTERM is its fast shutdown, in which the
// master stops its workers; a killed master would leave them serving.
func (n *nginx) stop() {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	select {
	case <-n.exited:
		return
	default:
	}
	_ = n.cmd.Process.Signal(syscall.SIGTERM) // it may have exited meanwhile
	select {
	case <-n.exited:
	case <-time.After(10 * time.Second):
		_ = n.cmd.Process.Kill() // last resort
		<-n.exited
	}
}

// restart starts nginx again on the same address.
func (n *nginx) restart(t *testing.T, root string) {
	t.Helper()
	if err := n.start(t, root); err != nil {
		t.Fatal(err)
	}
}

// statuses counts the access log's answers to path by HTTP status.
func (n *nginx) statuses(t *testing.T, path string) map[string]int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(n.prefix, "access.log"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, line := range strings.Split(string(data), "\n") {
		// 127.0.0.1 - - [date] "GET /policy.tar.gz HTTP/1.1" 304 0 "-" "tenet/test"
		_, rest, ok := strings.Cut(line, `"GET `+path+` `)
		if !ok || !strings.HasSuffix(line, `"tenet/test"`) {
			continue
		}
		_, rest, _ = strings.Cut(rest, `" `)
		status, _, _ := strings.Cut(rest, " ")
		out[status]++
	}
	return out
}
