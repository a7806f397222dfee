package conftestfn

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Scope is what the file built-ins may read, and must hide, while the
// engine evaluates one input (or, with --combine, several).
type Scope struct {
	// Inputs are the paths of the inputs being evaluated. Besides the
	// working directory's, the files under the directory of each (the
	// directory itself for a configuration directory) may be read, so that
	// a policy reads the files beside its input wherever tenet runs.
	Inputs []string
	// Unmasked lets the built-ins return sensitive values as they are
	// (--allow-sensitive); otherwise they are masked as in the policy's
	// input.
	Unmasked bool
	// Secrets gives the inputs' sensitive values (as
	// input.Document.SensitiveStrings lists them), asked for only when a
	// file is read; nil is none.
	Secrets func() []string
}

type scopeKey struct{}

// WithScope returns ctx with the scope of the evaluation it is given to.
// Without one, the built-ins read under the working directory only and
// mask what they can.
func WithScope(ctx context.Context, s Scope) context.Context {
	return context.WithValue(ctx, scopeKey{}, s)
}

func scopeOf(ctx context.Context) Scope {
	s, _ := ctx.Value(scopeKey{}).(Scope)
	return s
}

func (s Scope) mask() bool { return !s.Unmasked }

func (s Scope) secrets() []string {
	if s.Secrets == nil {
		return nil
	}
	return s.Secrets()
}

// roots are the directories files may be read under, absolute: the
// working directory first, then the inputs' directories.
func (s Scope) roots() []string {
	var out []string
	if wd, err := os.Getwd(); err == nil {
		out = append(out, wd)
	}
	for _, in := range s.Inputs {
		if in == "" || in == "-" {
			continue // standard input has no directory
		}
		abs, err := filepath.Abs(in)
		if err != nil {
			continue
		}
		if info, err := os.Stat(abs); err != nil || !info.IsDir() {
			abs = filepath.Dir(abs)
		}
		out = append(out, abs)
	}
	return out
}

// longestFirst merges lists of secrets, longest first, so that a secret
// containing another is replaced whole.
func longestFirst(lists ...[]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range lists {
		for _, s := range l {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// errConfined is the refusal of a path outside every root.
var errConfined = errors.New("policies read only files under the working directory or an input's directory")

// readConfined reads a regular file under one of roots: os.Root refuses
// ".." and symbolic links that leave the root the path is under.
func readConfined(path string, roots []string) ([]byte, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	for _, root := range roots {
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		return readUnder(root, rel, path)
	}
	return nil, fmt.Errorf("%s: %w", path, errConfined)
}

// readUnder reads rel under root, path naming it in errors.
func readUnder(root, rel, path string) ([]byte, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// Without blocking: a named pipe put in the file's place must not
	// hang the run.
	f, err := r.OpenFile(rel, os.O_RDONLY|openNonblock, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w (%w)", path, errConfined, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, MaxFileBytes)
	}
	return data, nil
}

// unwrapPath drops the *PathError wrapper, whose path os.Root makes
// relative.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
