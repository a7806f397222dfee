// Package evalcache keeps evaluation results on disk between runs, so that
// a re-scan evaluates only what changed since the last one.
//
// An entry is addressed by a key the caller makes from everything the
// result depends on: the policies, the options that change evaluation and
// the document itself. Entries of different policies (another bundle
// revision, another tenet) live in different namespaces and are never read
// for each other. The store is only a cache: a missing, truncated or
// corrupt entry is a miss, and the directory can be deleted at any time.
// It is bounded: Prune removes the least recently used entries, and every
// other namespace first, beyond the size given.
//
// A cache holds results that decide a verdict, so whoever can write to it
// can hide findings. Open refuses a directory that others may write to or
// that belongs to another user, as ssh does for its keys.
package evalcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"
)

// magic starts every entry; the version changes with the entry format.
const magic = "tenet-evalcache/v1 "

// MaxEntry is the largest entry read back; a larger file is a miss.
const MaxEntry = 256 << 20

// Store is a cache directory opened for one namespace. Its methods are
// safe for concurrent use by goroutines and by processes sharing the
// directory: entries are written to a temporary file and renamed.
type Store struct {
	root string // the directory given to Open
	dir  string // root/namespace
	max  int64
}

var hexName = regexp.MustCompile(`^[0-9a-f]{16,64}$`)

// Open opens (creating it, mode 0700) the cache directory dir for the
// namespace ns, a hex string naming the policies and tool the results were
// made with; maxBytes bounds the whole directory (0: no bound).
func Open(dir, ns string, maxBytes int64) (*Store, error) {
	if !hexName.MatchString(ns) {
		return nil, fmt.Errorf("cache namespace %q is not a hex digest", ns)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cache directory: %w", err)
	}
	if err := checkPrivate(dir); err != nil {
		return nil, err
	}
	s := &Store{root: dir, dir: filepath.Join(dir, ns), max: maxBytes}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return nil, fmt.Errorf("cache directory: %w", err)
	}
	return s, nil
}

// path is where the entry of key lives: two levels, so that no directory
// holds more than a few thousand files.
func (s *Store) path(key string) string {
	return filepath.Join(s.dir, key[:2], key)
}

// Get returns the data stored under key, or false. It marks the entry as
// used, for Prune.
func (s *Store) Get(key string) ([]byte, bool) {
	if !hexName.MatchString(key) {
		return nil, false
	}
	p := s.path(key)
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() > MaxEntry {
		return nil, false
	}
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	data, ok := decode(key, raw)
	if !ok {
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(p, now, now) // only an LRU hint
	return data, true
}

// Put stores data under key.
func (s *Store) Put(key string, data []byte) error {
	if !hexName.MatchString(key) {
		return fmt.Errorf("cache key %q is not a hex digest", key)
	}
	p := s.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	_, werr := tmp.Write(encode(key, data))
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: write %s: %w", key, err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// encode frames data with the key and its checksum, so that a truncated
// or misplaced file reads as a miss.
func encode(key string, data []byte) []byte {
	sum := sha256.Sum256(data)
	var b bytes.Buffer
	b.WriteString(magic)
	b.WriteString(key)
	b.WriteByte(' ')
	b.WriteString(hex.EncodeToString(sum[:]))
	b.WriteByte('\n')
	b.Write(data)
	return b.Bytes()
}

func decode(key string, raw []byte) ([]byte, bool) {
	header, data, found := bytes.Cut(raw, []byte{'\n'})
	if !found {
		return nil, false
	}
	var gotKey, gotSum string
	if _, err := fmt.Sscanf(string(header), magic+"%s %s", &gotKey, &gotSum); err != nil || gotKey != key {
		return nil, false
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != gotSum {
		return nil, false
	}
	return data, true
}

// entry is a file of the cache, for Prune.
type entry struct {
	path string
	size int64
	used time.Time
	mine bool // in this Store's namespace
}

// Prune keeps the directory within its bound: entries of other namespaces
// go first, then this namespace's least recently used.
func (s *Store) Prune() error {
	if s.max <= 0 {
		return nil
	}
	var entries []entry
	var total int64
	err := filepath.WalkDir(s.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a file removed meanwhile by another process
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		mine := filepath.Dir(filepath.Dir(p)) == s.dir
		entries = append(entries, entry{path: p, size: info.Size(), used: info.ModTime(), mine: mine})
		total += info.Size()
		return nil
	})
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if total <= s.max {
		return nil
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if a.mine != b.mine {
			if a.mine {
				return 1
			}
			return -1
		}
		return a.used.Compare(b.used)
	})
	// Down to nine tenths, so that every run does not prune again.
	target := s.max / 10 * 9
	for _, e := range entries {
		if total <= target {
			break
		}
		if err := os.Remove(e.path); err == nil || errors.Is(err, fs.ErrNotExist) {
			total -= e.size
		}
	}
	removeEmptyDirs(s.root)
	return nil
}

// removeEmptyDirs removes the namespace and fan-out directories left
// empty under root, deepest first; a directory in use again is kept.
func removeEmptyDirs(root string) {
	var dirs []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != root {
			dirs = append(dirs, p)
		}
		return nil
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		_ = os.Remove(dirs[i]) // fails, as wanted, when not empty
	}
}

// statDir is os.Stat for a directory that must be one.
func statDir(dir string) (os.FileInfo, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("cache directory: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("cache directory %s is not a directory", dir)
	}
	return info, nil
}
