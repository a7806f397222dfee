package watch

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// fileWatcher wraps fsnotify: it watches the directories of the paths and
// keeps the events that concern them.
type fileWatcher struct {
	*fsnotify.Watcher
	files   map[string]bool // watched files, cleaned
	dirs    []string        // watched directory trees, cleaned
	exclude []string        // the history and outbox directories, whose writes are ours
}

func newFileWatcher(paths []string, exclude []string) (*fileWatcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &fileWatcher{Watcher: fw, files: map[string]bool{}}
	for _, e := range exclude {
		if e != "" {
			w.exclude = append(w.exclude, abs(e))
		}
	}
	for _, p := range paths {
		p = abs(p)
		info, err := os.Stat(p)
		if err != nil {
			fw.Close()
			return nil, fmt.Errorf("watch: %w", err)
		}
		if !info.IsDir() {
			// Editors replace files by renaming: watch the directory.
			w.files[p] = true
			if err := fw.Add(filepath.Dir(p)); err != nil {
				fw.Close()
				return nil, fmt.Errorf("watch %s: %w", p, err)
			}
			continue
		}
		w.dirs = append(w.dirs, p)
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if w.excluded(path) || strings.HasPrefix(filepath.Base(path), ".") && path != p {
				return filepath.SkipDir
			}
			return fw.Add(path)
		})
		if err != nil {
			fw.Close()
			return nil, fmt.Errorf("watch %s: %w", p, err)
		}
	}
	return w, nil
}

// relevant tells whether an event changes a watched input. A directory
// created under a watched tree is added to the watch.
func (w *fileWatcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := abs(ev.Name)
	if w.excluded(name) {
		return false
	}
	if w.files[name] {
		return true
	}
	for _, d := range w.dirs {
		if strings.HasPrefix(name, d+string(filepath.Separator)) {
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(name); err == nil && info.IsDir() {
					_ = w.Add(name) // best effort: a vanished directory needs no watch
				}
			}
			return !strings.HasPrefix(filepath.Base(name), ".")
		}
	}
	return false
}

// excluded tells whether path is an excluded directory or inside one.
func (w *fileWatcher) excluded(path string) bool {
	for _, e := range w.exclude {
		if path == e || strings.HasPrefix(path, e+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func abs(p string) string {
	if p == "" {
		return ""
	}
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return a
}

// Listen opens the address for /healthz and /metrics. It refuses an
// address that is not on the loopback interface unless any is true: the
// metrics name every control that fails.
func Listen(addr string, any bool) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("listen address %q: %w", addr, err)
	}
	if !any && !loopback(host) {
		return nil, fmt.Errorf("listen address %q is not a loopback address (use --listen-any to serve on other interfaces)", addr)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	return l, nil
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
