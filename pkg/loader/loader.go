package loader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/internal/parallel"
	"github.com/tenet-dev/tenet/pkg/input"
)

// Loader turns the bytes of one file into a Document. It takes bytes rather
// than a reader because the format is detected from the content first.
type Loader interface {
	Load(ctx context.Context, path string, data []byte) (input.Document, error)
}

// nodeLoader is a Loader that can also start from YAML documents already
// parsed (by detection).
type nodeLoader interface {
	loadNodes(path string, size int, nodes []*yaml.Node) (input.Document, error)
}

// Options control how files are read. The zero value detects the format and
// does not keep the raw file.
type Options struct {
	// Format forces a format instead of detecting it; "" detects.
	Format input.Format
	// KeepRaw fills Document.Raw, which conftest-style policies read.
	KeepRaw bool
	// MaxFileSize is the largest file read, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// Aliases bounds the nodes that YAML aliases may copy, per file and
	// per run; the zero value applies the per-file default only.
	Aliases AliasLimits
	// Terraform are the variables Terraform configuration directories are
	// evaluated with.
	Terraform TerraformVars
	// Helm says how Helm charts are rendered.
	Helm HelmOptions
	// TerraformDir is the configuration directory a plan was made from:
	// findings on the plan then point at its .tf lines. "" looks beside
	// the plan: its directory, when that holds .tf files.
	TerraformDir string
}

// AliasLimits bound YAML alias expansion ("billion laughs"), so that an
// alias bomb fails fast with its line instead of eating memory. All the
// documents of a file count together.
type AliasLimits struct {
	// PerFile is how many nodes aliases may copy in one file; 0 means
	// DefaultAliasNodes plus one per byte of the file.
	PerFile int64
	// Run, when set, is shared by the files of a run and bounds what they
	// copy together (pkg/tenet gives each scan DefaultRunAliasNodes).
	Run *AliasBudget
}

func (l AliasLimits) counter(size int) *aliasCounter {
	return newAliasCounter(l.PerFile, size, l.Run)
}

// DefaultMaxFileSize bounds the size of one input file (512 MiB), so a stray
// huge file fails with a clear message instead of exhausting memory.
const DefaultMaxFileSize = 512 << 20

// Errors a FileError can wrap; match them with errors.Is.
var (
	ErrUnknownFormat = errors.New("unknown format")
	ErrEmpty         = errors.New("file is empty")
	ErrTooLarge      = errors.New("file is larger than the size limit (--max-file-size)")
)

// FileError reports a problem with one input file; other files are still
// evaluated.
type FileError struct {
	Path   string
	Line   int // 1-based; 0 when unknown
	Column int // 1-based; 0 when unknown
	Err    error
}

func (e *FileError) Error() string {
	path := displayPath(e.Path)
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %v", path, e.Line, e.Column, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", path, e.Err)
}

// displayPath quotes a path that holds control characters (a file named
// with a line break), so that its error stays one line naming the file.
func displayPath(p string) string {
	if strings.IndexFunc(p, unicode.IsControl) >= 0 {
		return strconv.Quote(p)
	}
	return p
}

func (e *FileError) Unwrap() error { return e.Err }

// fileError wraps err as a *FileError for path. A *FileError made by a
// parser, which knows the line but not the path, gets the path filled in.
func fileError(path string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		if fe.Path == "" {
			fe.Path = path
		}
		return fe
	}
	return &FileError{Path: path, Err: err}
}

// Read reads the file at path ("-" for Options.Stdin) and loads it. A
// directory is a kustomization when it holds one (built as kustomize
// builds it), a Terraform configuration (its .tf and .tf.json files)
// otherwise; a .tf file is judged with the rest of its directory.
func Read(ctx context.Context, path string, opts Options) (doc input.Document, err error) {
	defer func() {
		// Directories are loaded by other projects' code (kustomize):
		// a panic there is an error of this input, as in Parse.
		if r := recover(); r != nil {
			doc, err = input.Document{}, &FileError{Path: path, Err: fmt.Errorf("internal error while loading: %v", r)}
		}
	}()
	if path != "-" && (opts.Format == "" || opts.Format == input.FormatTerraform) {
		switch {
		case isDir(path) && kustomizationFile(path) != "":
			return kustomizeDir(ctx, path, opts)
		case isDir(path) && isChart(path):
			return helmChart(ctx, path, opts)
		case isDir(path):
			return terraformDir(ctx, path, "", opts)
		case isTerraformFile(path):
			return terraformDir(ctx, filepath.Dir(path), path, opts)
		}
	}
	data, err := readFile(path, opts)
	if err != nil {
		return input.Document{}, fileError(path, err)
	}
	doc, err = Parse(ctx, path, data, opts)
	if err == nil && doc.Source.Format == input.FormatTerraformPlan {
		dir := opts.TerraformDir
		if dir == "" {
			dir = configBeside(path)
		}
		if dir != "" {
			if err := locateInConfig(ctx, &doc, dir, opts); err != nil {
				return input.Document{}, err
			}
		}
	}
	return doc, err
}

// Parse loads data, read from path, detecting its format unless
// Options.Format forces one. It never panics on bad input: a panic in a
// parser becomes a *FileError.
func Parse(ctx context.Context, path string, data []byte, opts Options) (doc input.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = input.Document{}, &FileError{Path: path, Err: fmt.Errorf("internal error while parsing: %v", r)}
		}
	}()
	if err := ctx.Err(); err != nil {
		return input.Document{}, fileError(path, err)
	}
	data, err = normalizeEncoding(data)
	if err != nil {
		return input.Document{}, fileError(path, err)
	}
	if opts.Format == "" && planByKeys(data) {
		doc, err := parseAs(ctx, path, data, opts, input.FormatTerraformPlan, nil, nil)
		if err == nil {
			return doc, nil
		}
		// Whatever is wrong, the error is the one that detect leads to:
		// this one when detect reads a plan too, which parseAs parses
		// just so.
		format, nodes, detectErr := detect(path, data)
		if detectErr == nil && format == input.FormatTerraformPlan {
			return input.Document{}, err
		}
		return parseAs(ctx, path, data, opts, format, nodes, detectErr)
	}
	format, nodes, detectErr := opts.Format, []*yaml.Node(nil), error(nil)
	switch format {
	case "":
		format, nodes, detectErr = detect(path, data)
	case input.FormatYAML, input.FormatJSON:
		// These force the syntax, as conftest --parser does: a manifest, a
		// plan or a state written in it is still read as such, or the
		// built-in rules would see no resource in it and pass.
		format, nodes, detectErr = detectIn(format, data)
	}
	return parseAs(ctx, path, data, opts, format, nodes, detectErr)
}

// parseAs parses data as format (whose YAML documents detect gave as
// nodes, if it parsed them), or fails with detectErr when detection did,
// and checks its keys. The check reads the bytes once more, so for a large
// file it runs beside the parse; its error comes first either way. Only
// files decoded as JSON have their strings checked: YAML refuses
// surrogate escapes itself.
func parseAs(ctx context.Context, path string, data []byte, opts Options, format input.Format, nodes []*yaml.Node, detectErr error) (input.Document, error) {
	asJSON := nodes == nil && (format == input.FormatTerraformPlan || format == input.FormatTerraformState || format == input.FormatJSON)
	check := func() error { return checkKeys(data, keySchemaFor(format), asJSON) }
	keys := make(chan error, 1)
	if len(data) >= parallelCheck {
		go func() { keys <- recovered(check) }()
	} else {
		keys <- check()
	}
	doc, err := input.Document{}, detectErr
	if err == nil {
		doc, err = parse(ctx, path, data, format, nodes, opts)
	}
	if keyErr := <-keys; keyErr != nil {
		return input.Document{}, fileError(path, keyErr)
	}
	if err != nil {
		return input.Document{}, fileError(path, err)
	}
	return doc, nil
}

// recovered runs f, turning a panic into an error: Parse recovers its own
// goroutine's panics, not those of the goroutines it starts.
func recovered(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error while parsing: %v", r)
		}
	}()
	return f()
}

// parallelCheck is the size from which the key check runs beside the
// parse.
const parallelCheck = 1 << 20

// parse loads data in format; nodes are its YAML documents if detection
// parsed them already.
func parse(ctx context.Context, path string, data []byte, format input.Format, nodes []*yaml.Node, opts Options) (input.Document, error) {
	l, err := New(format, opts)
	if err != nil {
		return input.Document{}, err
	}
	if nl, ok := l.(nodeLoader); ok && nodes != nil {
		return nl.loadNodes(path, len(data), nodes)
	}
	return l.Load(ctx, path, data)
}

// New returns the Loader for format.
func New(format input.Format, opts Options) (Loader, error) {
	switch format {
	case input.FormatTerraformPlan:
		return TerraformPlan{KeepRaw: opts.KeepRaw}, nil
	case input.FormatTerraformState:
		return TerraformState{KeepRaw: opts.KeepRaw}, nil
	case input.FormatKubernetes:
		return Kubernetes{KeepRaw: opts.KeepRaw, Aliases: opts.Aliases}, nil
	case input.FormatCloudFormation:
		return CloudFormation{KeepRaw: opts.KeepRaw, Aliases: opts.Aliases, MaxFileSize: opts.MaxFileSize}, nil
	case input.FormatTerraform:
		return nil, errors.New("a Terraform configuration is read from its directory or a .tf file, not from bytes")
	case input.FormatDockerfile:
		return Dockerfile{KeepRaw: opts.KeepRaw}, nil
	case input.FormatJSON:
		return JSON{}, nil
	case input.FormatYAML:
		return YAML{Aliases: opts.Aliases}, nil
	}
	return nil, fmt.Errorf("%w %q (want one of %v)", ErrUnknownFormat, format, input.Formats())
}

func readFile(path string, opts Options) ([]byte, error) {
	limit := opts.MaxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	var r io.Reader
	size := int64(0) // of a regular file, to read it into one allocation
	var buf []byte   // what was read of it already
	if path == "-" {
		r = opts.Stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := OpenRegular(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		// Refuse a regular file that is too large before reading any of it.
		if info, err := f.Stat(); err == nil {
			if info.Size() > limit {
				return nil, fmt.Errorf("%w (%d bytes; the file has %d)", ErrTooLarge, limit, info.Size())
			}
			size = info.Size()
		}
		r = f
		if size >= parallelRead {
			buf = readParts(f, size)
		}
	}
	// One byte past the limit tells a file over it; the largest limit has
	// no byte past it (limit+1 would wrap and read nothing).
	if limit < math.MaxInt64 {
		r = io.LimitReader(r, limit+1-int64(len(buf)))
	}
	if buf == nil {
		buf = make([]byte, 0, size+bytes.MinRead)
	}
	buf, err := readRest(r, buf)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(buf)) > limit {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
	}
	return buf, nil
}

// readAll reads r to its end into a buffer made for size bytes, which it
// grows if r holds more (a file that grew meanwhile). io.ReadAll grows its
// buffer as it reads: a 90 MB plan cost twice its size in allocations and
// copies. bytes.Buffer's Grow zeroes the memory it adds, which on a large
// file's first read is most of the reading time (each page faulted in to
// be cleared, then written): a buffer made with make is fresh memory the
// runtime knows to be zero, and the read is the first to touch it.
func readAll(r io.Reader, size int64) ([]byte, error) {
	return readRest(r, make([]byte, 0, size+bytes.MinRead))
}

// readRest appends the rest of r to buf, growing it if need be.
func readRest(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// parallelRead is the size from which a regular file is read in parts
// side by side (readParts).
const parallelRead = 8 << 20

// readParts reads the first size bytes of f in as many parts as there are
// cores, side by side, and leaves f's offset after them: reading a large
// file is mostly the first touch of the buffer's pages, which on a cloud
// VM took one core 0.25 s for a 92 MB plan and two 0.14 s. It returns nil,
// for the caller to read f from its start, if the file is now shorter or a
// read fails.
func readParts(f *os.File, size int64) []byte {
	n := runtime.GOMAXPROCS(0)
	if n < 2 {
		return nil
	}
	buf := make([]byte, size, size+bytes.MinRead)
	var failed atomic.Bool
	parallel.Ranges(n, len(buf), func(_, lo, hi int) {
		if _, err := f.ReadAt(buf[lo:hi], int64(lo)); err != nil {
			failed.Store(true)
		}
	})
	if failed.Load() {
		return nil
	}
	if _, err := f.Seek(size, io.SeekStart); err != nil {
		return nil
	}
	return buf
}

// unwrapPathError drops the path from an *os.PathError, since FileError
// names the file already.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
