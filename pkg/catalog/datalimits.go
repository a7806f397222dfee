package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	opaloader "github.com/open-policy-agent/opa/v1/loader"
	"gopkg.in/yaml.v3"
)

// The default data limits. Decoded data costs far more memory than its
// text: every JSON value becomes a Go value and then an OPA value, about
// 100 bytes each before OPA copies it into its store, so 63 MiB of "[],"
// inside every archive limit would take gigabytes. The built-in bundles
// carry no data.json at all and the data of real rule libraries (allow
// lists, account ids, exceptions) is thousands of values, so a million
// values (roughly 100 to 300 MB at peak) leaves a wide margin. YAML is
// decoded whole before it can be counted, at about 200 bytes of memory per
// value, so its files are bounded by size too; JSON is counted as it is
// read.
const (
	DefaultMaxDataValues        = 1_000_000
	DefaultMaxDataBytes         = 64 << 20 // all data files together
	DefaultMaxYAMLDataFileBytes = 2 << 20
)

// DataLimits bounds the data of one Load: the data.json and data.yaml
// files of every bundle (with their .manifest and .signatures.json, also
// decoded as JSON) and the JSON and YAML files of Options.DataPaths. The
// built-in bundles are not counted. A zero field means its default.
type DataLimits struct {
	// MaxValues bounds the number of values (objects, arrays, strings,
	// numbers, booleans and nulls; object keys are not counted) of all data
	// together, aliases of YAML counted as often as they are used.
	MaxValues int
	// MaxBytes bounds the size of all data files together.
	MaxBytes int64
	// MaxYAMLFileBytes bounds one YAML data file (a YAML file holding
	// plain JSON is still read as YAML first).
	MaxYAMLFileBytes int64
}

func (l DataLimits) withDefaults() DataLimits {
	l.MaxValues = orDefault(l.MaxValues, DefaultMaxDataValues)
	l.MaxBytes = byteLimit(l.MaxBytes, DefaultMaxDataBytes)
	l.MaxYAMLFileBytes = byteLimit(l.MaxYAMLFileBytes, DefaultMaxYAMLDataFileBytes)
	return l
}

// dataKind is how OPA decodes a file.
type dataKind int

const (
	notData dataKind = iota
	jsonData
	yamlData // YAML, or JSON when the whole file is valid JSON
)

// bundleDataKind says how OPA's bundle reader decodes the file called
// name: data.json and the bundle's own JSON files, and data.yaml.
func bundleDataKind(name string) dataKind {
	switch path.Base(name) {
	case "data.json", ".manifest", ".signatures.json":
		return jsonData
	case "data.yaml", "data.yml":
		return yamlData
	}
	return notData
}

// dataBudget charges the data files of one Load against its limits.
type dataBudget struct {
	lim    DataLimits
	values int
	bytes  int64
}

func newDataBudget(lim DataLimits) *dataBudget {
	return &dataBudget{lim: lim.withDefaults()}
}

// errOverBudget stops counting a file once the budget is spent.
var errOverBudget = errors.New("over budget")

// charge reads one data file of the given kind from r and counts its
// values; size is its length when known (or -1). Malformed data is not an
// error here: OPA reports it when it decodes the file, and a syntax error
// costs it no decoded values.
func (b *dataBudget) charge(r io.Reader, size int64, kind dataKind) error {
	if size > 0 && b.bytes+size > b.lim.MaxBytes {
		return b.bytesError()
	}
	if kind == yamlData && size > b.lim.MaxYAMLFileBytes {
		return b.yamlSizeError()
	}
	cr := &countingReader{r: r}
	var err error
	switch kind {
	case jsonData:
		err = b.countJSON(cr)
	case yamlData:
		err = b.countYAML(cr)
	}
	b.bytes += cr.n
	switch {
	case errors.Is(err, errOverBudget) && b.bytes > b.lim.MaxBytes:
		return b.bytesError()
	case errors.Is(err, errOverBudget):
		return fmt.Errorf("decoded data over the limit of %d values (all data files together)", b.lim.MaxValues)
	case err != nil:
		return err
	case b.bytes > b.lim.MaxBytes:
		return b.bytesError()
	}
	return nil
}

func (b *dataBudget) bytesError() error {
	return fmt.Errorf("data over the limit of %d bytes (all data files together)", b.lim.MaxBytes)
}

func (b *dataBudget) yamlSizeError() error {
	return fmt.Errorf("YAML data file over the limit of %d bytes (JSON is counted as it is read and may be larger)", b.lim.MaxYAMLFileBytes)
}

// add counts n values, failing once the budget is spent.
func (b *dataBudget) add(n int) error {
	b.values += n
	if b.values > b.lim.MaxValues {
		return errOverBudget
	}
	return nil
}

// countJSON counts the values of a JSON stream token by token, never
// holding more than one token and the nesting (one value a level).
func (b *dataBudget) countJSON(r *countingReader) error {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	type frame struct{ object, wantKey bool }
	var stack []frame
	for {
		if r.n > b.lim.MaxBytes-b.bytes {
			return errOverBudget
		}
		tok, err := dec.Token()
		if err != nil {
			// io.EOF at the end, or a syntax error that OPA reports.
			return nil
		}
		top := len(stack) - 1
		d, isDelim := tok.(json.Delim)
		switch {
		case isDelim && (d == '}' || d == ']'):
			stack = stack[:top]
			continue
		case !isDelim && top >= 0 && stack[top].object && stack[top].wantKey:
			stack[top].wantKey = false // a key, not a value
			continue
		}
		if err := b.add(1); err != nil {
			return err
		}
		if top >= 0 && stack[top].object {
			stack[top].wantKey = true
		}
		if isDelim {
			stack = append(stack, frame{object: d == '{', wantKey: d == '{'})
		}
	}
}

// countYAML reads a YAML file whole (the caller has checked its size) and
// counts the values of its first document, the one OPA decodes; a file
// that is valid JSON is decoded by OPA as JSON and counted as such.
func (b *dataBudget) countYAML(r *countingReader) error {
	data, err := io.ReadAll(io.LimitReader(r, b.lim.MaxYAMLFileBytes+1))
	if err != nil {
		return err
	}
	if int64(len(data)) > b.lim.MaxYAMLFileBytes {
		return b.yamlSizeError()
	}
	if json.Valid(data) {
		return b.countJSON(&countingReader{r: bytes.NewReader(data)})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil // OPA reports it
	}
	n, err := yamlValues(&doc, map[*yaml.Node]int{}, b.lim.MaxValues-b.values)
	if err != nil {
		return err
	}
	return b.add(n)
}

// yamlValues counts the values under n, an alias as many times as it is
// used (memoized, so a "billion laughs" document costs no more time than
// its text), stopping once the count passes limit.
func yamlValues(n *yaml.Node, seen map[*yaml.Node]int, limit int) (int, error) {
	if c, ok := seen[n]; ok {
		if c < 0 {
			return 0, errors.New("YAML alias refers to itself")
		}
		return c, nil
	}
	seen[n] = -1
	count := 0
	switch n.Kind {
	case yaml.DocumentNode:
	case yaml.AliasNode:
		if n.Alias == nil {
			break
		}
		c, err := yamlValues(n.Alias, seen, limit)
		if err != nil {
			return 0, err
		}
		count = c
	default:
		count = 1
	}
	for i, child := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			continue // a key
		}
		c, err := yamlValues(child, seen, limit)
		if err != nil {
			return 0, err
		}
		if count += c; count > limit {
			return 0, errOverBudget
		}
	}
	seen[n] = count
	return count, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// chargeFile charges one file on disk.
func (b *dataBudget) chargeFile(path string, kind dataKind) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return nil // a directory or device: OPA's loader reports it
	}
	if err := b.charge(f, info.Size(), kind); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// chargeBundleDir charges the data files of a bundle directory, the files
// OPA's directory loader decodes.
func (b *dataBudget) chargeBundleDir(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if kind := bundleDataKind(d.Name()); kind != notData && !d.IsDir() {
			return b.chargeFile(path, kind)
		}
		return nil
	})
}

// data loads Options.DataPaths, as conftest --data, charging every file
// to the data budget before OPA decodes it.
func (b *builder) data() error {
	if len(b.opts.DataPaths) == 0 {
		return nil
	}
	for _, p := range b.opts.DataPaths {
		_, path := opaloader.SplitPrefix(p)
		if err := b.budget.chargeDataPath(path, 0); err != nil {
			return &PolicyError{Err: err}
		}
	}
	res, err := opaloader.NewFileLoader().Filtered(b.opts.DataPaths, skipNonData)
	if err != nil {
		return &PolicyError{Err: fmt.Errorf("load data: %w", err)}
	}
	if err := mergeData(b.cat.Data, res.Documents); err != nil {
		return &PolicyError{Err: fmt.Errorf("load data: %w", err)}
	}
	return nil
}

// maxDataDepth bounds how deep a data directory is walked: a tree of
// directory links would otherwise be walked without end.
const maxDataDepth = 64

// chargeDataPath charges the files that OPA's loader decodes for one data
// path (without its "a.b:" prefix) at the given depth, following links as
// it does.
func (b *dataBudget) chargeDataPath(path string, depth int) error {
	if depth > maxDataDepth {
		return fmt.Errorf("%s: data directories nested more than %d levels deep", path, maxDataDepth)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil // OPA's loader reports it
	}
	if !info.IsDir() {
		if depth == 0 && (strings.HasSuffix(path, ".tar.gz") || strings.HasSuffix(path, ".rego")) {
			return fmt.Errorf("%s: not a JSON or YAML file (a bundle or a .rego file is a policy)", path)
		}
		kind := dataPathKind(path, depth)
		if kind == notData {
			return nil
		}
		return b.chargeFile(path, kind)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil // OPA's loader reports it
	}
	for _, e := range entries {
		if err := b.chargeDataPath(filepath.Join(path, e.Name()), depth+1); err != nil {
			return err
		}
	}
	return nil
}

// dataPathKind is how OPA's loader decodes a file of a data path: by its
// extension inside a directory; a file named on its own is tried as JSON
// and YAML whatever its name.
func dataPathKind(path string, depth int) dataKind {
	switch filepath.Ext(path) {
	case ".json":
		return jsonData
	case ".yaml", ".yml":
		return yamlData
	}
	if depth == 0 {
		return yamlData
	}
	return notData
}

// skipNonData keeps OPA's loader to the JSON and YAML files of a data
// directory: it would otherwise parse .rego files and read .tar.gz bundles
// without the archive limits.
func skipNonData(path string, info fs.FileInfo, depth int) bool {
	return depth > 0 && !info.IsDir() && dataPathKind(path, depth) == notData
}
