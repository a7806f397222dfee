package evalcache

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const ns = "0123456789abcdef0123456789abcdef"

func key(c byte) string { return strings.Repeat(string(c), 64) }

func TestPutGet(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "cache"), ns, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get(key('a')); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := s.Put(key('a'), []byte(`{"findings":[]}`)); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Get(key('a'))
	if !ok || string(got) != `{"findings":[]}` {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	// Another namespace never reads this one's entries.
	other, err := Open(s.root, strings.Repeat("f", 32), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := other.Get(key('a')); ok {
		t.Error("an entry was read across namespaces")
	}
	if _, ok := s.Get("../../etc/passwd"); ok {
		t.Error("a key that is not a digest was read")
	}
	if err := s.Put("../x", nil); err == nil {
		t.Error("a key that is not a digest was written")
	}
}

// TestDamagedEntries: a truncated entry, one renamed to another key and a
// symbolic link are misses, never results.
func TestDamagedEntries(t *testing.T) {
	s, err := Open(t.TempDir(), ns, 0)
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte("x"), 1000)
	for _, k := range []byte("abc") {
		if err := s.Put(key(k), data); err != nil {
			t.Fatal(err)
		}
	}
	raw, _ := os.ReadFile(s.path(key('a')))
	if err := os.WriteFile(s.path(key('a')), raw[:len(raw)-10], 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get(key('a')); ok {
		t.Error("a truncated entry was read")
	}
	if err := os.MkdirAll(filepath.Dir(s.path(key('d'))), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(s.path(key('b')), s.path(key('d'))); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get(key('d')); ok {
		t.Error("an entry moved to another key was read")
	}
	target := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.WriteFile(target, encode(key('e'), []byte("planted")), 0o600); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(s.path(key('e'))), 0o700)
	if err := os.Symlink(target, s.path(key('e'))); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get(key('e')); ok {
		t.Error("an entry behind a symbolic link was read")
	}
}

// TestSharedDirectoryRefused: a cache directory others may write to is
// refused: whoever writes there could plant results that hide findings.
func TestSharedDirectoryRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, ns, 0); err == nil || !strings.Contains(err.Error(), "writable by group or others") {
		t.Errorf("Open(world-writable) = %v", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, ns, 0); err != nil {
		t.Errorf("Open(0700) = %v", err)
	}
	if _, err := Open(dir, "not hex", 0); err == nil {
		t.Error("a namespace that is not a digest was opened")
	}
}

// TestPrune: beyond its bound the cache drops other namespaces' entries
// first, then its own least recently used, down to nine tenths.
func TestPrune(t *testing.T) {
	root := t.TempDir()
	old, err := Open(root, strings.Repeat("e", 32), 0)
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte("x"), 900) // about 1000 bytes an entry
	if err := old.Put(key('0'), data); err != nil {
		t.Fatal(err)
	}
	s, err := Open(root, ns, 4000)
	if err != nil {
		t.Fatal(err)
	}
	base := time.Now().Add(-time.Hour)
	for i, k := range []byte("abcd") {
		if err := s.Put(key(k), data); err != nil {
			t.Fatal(err)
		}
		at := base.Add(time.Duration(i) * time.Minute)
		os.Chtimes(s.path(key(k)), at, at)
	}
	s.Get(key('a')) // used now: the most recent
	if err := s.Prune(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, strings.Repeat("e", 32))); !os.IsNotExist(err) {
		t.Errorf("the other namespace was kept: %v", err)
	}
	for k, want := range map[byte]bool{'a': true, 'b': false, 'c': true, 'd': true} {
		if _, ok := s.Get(key(k)); ok != want {
			t.Errorf("entry %c kept = %v, want %v", k, ok, want)
		}
	}
}
