package catalog

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The default Rego source limits. OPA's parser builds the AST of a whole
// file, and a token costs far more than its text: measured as the peak
// memory of `tenet rules`, 8 MiB of "[]," (2.8 million tokens) in an 8 KB
// archive took 2.3 GB, and the costliest shapes found (a rule or an
// expression a line, which the compiler then checks) 1.5 GB for a million
// tokens. Real rule libraries are far smaller, as regoScanner counts them:
// the built-in bundles (rego/ and bundles/, tests included) are 187,000
// tokens in 1 MB, the Rego files of OPA's own module 49,000; a check of
// aquasecurity/trivy-checks is about 170 tokens, so its thousand-odd checks
// with tests and libraries come to a few hundred thousand (an estimate: the
// library is not vendored here). A million tokens is five times the
// built-ins and caps a crafted policy at about 1.5 GB; the 30 times margin
// of the other limits would allow some 9 GB, more than a CI runner has.
// Each file is charged fileTokens more: a file costs its module and bundle
// entry, about 3.5 KB (measured with 50,000 one-line files). The bytes limit
// matches the data limit, 64 times the built-ins.
const (
	DefaultMaxRegoTokens = 1_000_000
	DefaultMaxRegoBytes  = 64 << 20 // all Rego files together
	fileTokens           = 2
)

// RegoLimits bounds the Rego source of one Load or Build before OPA parses
// it: every .rego file of the bundle archives, bundle directories and
// single files given (test files too, even when they are not loaded). The
// built-in bundles are compiled into the binary and not counted. A zero
// field means its default.
type RegoLimits struct {
	// MaxTokens bounds the tokens of all Rego files together, counted
	// before OPA parses them: identifiers and numbers, strings, comments
	// and the punctuation in them, and every other character of code, plus
	// two a file (see DefaultMaxRegoTokens).
	MaxTokens int
	// MaxBytes bounds the size of all Rego files together.
	MaxBytes int64
}

func (l RegoLimits) withDefaults() RegoLimits {
	l.MaxTokens = orDefault(l.MaxTokens, DefaultMaxRegoTokens)
	l.MaxBytes = byteLimit(l.MaxBytes, DefaultMaxRegoBytes)
	return l
}

// regoBudget charges the Rego files of one Load or Build against its
// limits.
type regoBudget struct {
	lim    RegoLimits
	tokens int
	bytes  int64
}

func newRegoBudget(lim RegoLimits) *regoBudget {
	return &regoBudget{lim: lim.withDefaults()}
}

// isRego reports whether OPA's bundle readers parse the file called name as
// Rego.
func isRego(name string) bool {
	return strings.HasSuffix(name, ".rego")
}

// charge counts one Rego file read from r as it is read, stopping at the
// first piece that passes a limit; size is its length when known (or -1).
// A file that OPA will refuse is counted all the same: its parse stops at
// the first error, so it costs less, never more.
func (b *regoBudget) charge(r io.Reader, size int64) error {
	if size > 0 && b.bytes+size > b.lim.MaxBytes {
		return b.bytesError()
	}
	s := regoScanner{tokens: fileTokens}
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		b.bytes += int64(n)
		if b.bytes > b.lim.MaxBytes {
			return b.bytesError()
		}
		_, _ = s.Write(buf[:n]) // never fails
		if b.tokens+s.tokens > b.lim.MaxTokens {
			return fmt.Errorf("the Rego source is over the limit of %d tokens (all policies together)", b.lim.MaxTokens)
		}
		if errors.Is(err, io.EOF) {
			b.tokens += s.tokens
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (b *regoBudget) bytesError() error {
	return fmt.Errorf("the Rego source is over the limit of %d bytes (all policies together)", b.lim.MaxBytes)
}

// readFile reads a single .rego file given as a source, charging it as it
// is read, so the file counted is the file parsed.
func (b *regoBudget) readFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", err
	}
	left := b.lim.MaxBytes - b.bytes
	if info.Size() > left {
		return "", b.bytesError()
	}
	var data strings.Builder
	data.Grow(int(info.Size()))
	if err := b.charge(io.TeeReader(io.LimitReader(f, left+1), &data), info.Size()); err != nil {
		return "", err
	}
	return data.String(), nil
}

// chargeDir charges the .rego files of a bundle directory before OPA's
// directory loader reads them. Like that loader it walks the directory
// without following links and reads only regular files.
func (b *regoBudget) chargeDir(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || !isRego(d.Name()) {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return err
		}
		if err := b.charge(f, info.Size()); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	})
}
