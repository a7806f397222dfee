package e2e

import (
	"archive/zip"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoInstall serves the repository as a module version from a local
// module proxy directory (the layout proxy.golang.org serves) and checks
// that `go install github.com/tenet-dev/tenet/cmd/tenet@VERSION` builds a
// binary that reports that version. Dependencies come from the usual
// proxy; without it the test is skipped.
func TestGoInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tenet from scratch")
	}
	const mod = "github.com/tenet-dev/tenet"
	files, err := exec.Command("git", "-C", repoRoot, "ls-files").Output()
	if err != nil {
		t.Skipf("git ls-files: %v", err)
	}
	// The go command keeps a module version it has downloaded, in the
	// user's module cache: a version named after the files' content is
	// never one built from older files.
	type file struct {
		name string
		data []byte
	}
	var tree []file
	sum := sha256.New()
	for _, f := range strings.Split(strings.TrimSpace(string(files)), "\n") {
		data, err := os.ReadFile(filepath.Join(repoRoot, f))
		if err != nil {
			continue // a file deleted in the work tree
		}
		tree = append(tree, file{f, data})
		fmt.Fprintf(sum, "%s %d\n", f, len(data))
		sum.Write(data)
	}
	version := fmt.Sprintf("v0.0.0-20261204000000-%x", sum.Sum(nil)[:6])
	proxy := t.TempDir()
	dir := filepath.Join(proxy, mod, "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(version+".mod", gomod)
	write(version+".info", []byte(`{"Version":"`+version+`","Time":"2026-12-04T00:00:00Z"}`))
	write("list", []byte(version+"\n"))
	zf, err := os.Create(filepath.Join(dir, version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	for _, f := range tree {
		w, err := zw.Create(mod + "@" + version + "/" + f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(f.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zf.Close()
	bin := t.TempDir()
	cmd := exec.Command("go", "install", mod+"/cmd/tenet@"+version)
	cmd.Env = append(os.Environ(), "GOBIN="+bin, "GOPROXY=file://"+proxy+","+goProxy(), "GONOSUMDB="+mod, "GOFLAGS=-mod=mod", "GOWORK=off")
	cmd.Dir = t.TempDir()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	out, err := exec.Command(filepath.Join(bin, "tenet"), "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(out)); got != "tenet "+version {
		t.Errorf("tenet --version = %q, want the module version", got)
	}
}

// goProxy is the proxy the go command would use for dependencies.
func goProxy() string {
	out, err := exec.Command("go", "env", "GOPROXY").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" {
		return "https://proxy.golang.org,direct"
	}
	return strings.TrimSpace(string(out))
}
