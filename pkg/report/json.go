package report

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"runtime"
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// JSON writes the result as the versioned tenet.report/v1 document
// described in docs/output.md. Brief leaves out what a program gating CI
// does not read, two thirds of the bytes on the examples: the rules'
// descriptions, remediation and references, and under frameworks the
// controls no rule covers and the evidence (the findings hold it).
type JSON struct {
	Brief bool

	// workers lay out long lists side by side (json_parallel.go): 0 is
	// GOMAXPROCS, 1 writes everything on the caller's goroutine.
	workers int
}

// Write implements Reporter. The bytes are those of encoding/json's
// Encoder (HTML left unescaped) laid out as json.Indent does, except that
// each finding of a control's evidence is on one line (locations), and the
// report is encoded a piece at a time: each finding, each control of each
// framework. On a plan of 100,000 resources the report is hundreds of MB,
// and encoding it whole grew one buffer to that size, which took a quarter
// of the time the report took to write.
func (j JSON) Write(w io.Writer, res *finding.Result) error {
	if j.Brief {
		res = brief(res)
	}
	workers := j.workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	s := &jsonStream{ind: newIndenter(w), lists: map[reflect.Type]bool{}, workers: workers}
	s.enc = newEncoder(&s.buf)
	if err := s.value(reflect.ValueOf(res).Elem(), 4); err != nil {
		return err
	}
	if err := s.ind.write([]byte("\n")); err != nil {
		return err
	}
	return s.ind.flush()
}

// jsonStream writes a value in pieces: lists of structs element by
// element and, down to a depth of lists, structs that hold such lists field
// by field; everything else as one encoding/json piece.
type jsonStream struct {
	ind     *indenter
	buf     bytes.Buffer
	enc     *json.Encoder
	lists   map[reflect.Type]bool // holdsStructList, per type
	workers int                   // for long lists (parallelList)
}

// newEncoder is the encoder of a stream's pieces: as the report's, with
// HTML left unescaped.
func newEncoder(buf *bytes.Buffer) *json.Encoder {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return enc
}

// locationsType is the type of a control's evidence findings, which
// locations writes one to a line: each finding of a plan appears once per
// control its rule maps to (about fifty on the built-in library), and laid
// out a field to a line they were 40% of a large report's bytes.
var locationsType = reflect.TypeFor[[]finding.Location]()

// locations writes evidence findings as json.Indent would lay out the
// array, each element on one line with a space after its colons and commas.
// It appends the fields itself, as encoding/json encodes them (the same
// names, order and omitempty), because there are millions of them in the
// report of a large plan and going through the encoder and the layout pass
// was most of the time the report took; TestLocationFields fails when
// Location gains a field this does not write.
func (s *jsonStream) locations(locs []finding.Location) error {
	ind := s.ind
	ind.out = append(ind.out, '[')
	ind.depth++
	for i, l := range locs {
		if i > 0 {
			ind.out = append(ind.out, ',')
		}
		ind.newline()
		ind.out = append(ind.out, `{"kind": `...)
		ind.out = s.appendString(ind.out, string(l.Kind))
		if l.Resource != "" {
			ind.out = append(ind.out, `, "resource": `...)
			ind.out = s.appendString(ind.out, l.Resource)
		}
		ind.out = append(ind.out, `, "file": `...)
		ind.out = s.appendString(ind.out, l.File)
		if l.Line != 0 {
			ind.out = append(ind.out, `, "line": `...)
			ind.out = strconv.AppendInt(ind.out, int64(l.Line), 10)
		}
		if l.Waived {
			ind.out = append(ind.out, `, "waived": true`...)
		}
		ind.out = append(ind.out, '}')
		if err := ind.spill(); err != nil {
			return err
		}
	}
	ind.depth--
	ind.newline()
	ind.out = append(ind.out, ']')
	return nil
}

// appendString appends str as a JSON string as the encoder writes it: as
// it is when it holds only printable ASCII without quotes or backslashes
// (resource addresses, file paths), else through the encoder.
func (s *jsonStream) appendString(dst []byte, str string) []byte {
	for i := 0; i < len(str); i++ {
		if c := str[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			s.buf.Reset()
			_ = s.enc.Encode(str) // a string always encodes
			return append(dst, bytes.TrimSuffix(s.buf.Bytes(), []byte("\n"))...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, str...)
	return append(dst, '"')
}

func (s *jsonStream) value(v reflect.Value, depth int) error {
	switch {
	case v.Type() == locationsType && v.Len() > 0:
		return s.locations(v.Interface().([]finding.Location))
	case depth > 0 && v.Kind() == reflect.Struct && s.holdsStructList(v.Type()):
		return s.fields(v, depth)
	case depth > 0 && v.Kind() == reflect.Slice && v.Len() > 0 && v.Type().Elem().Kind() == reflect.Struct:
		if s.workers > 1 && v.Len() >= parallelMin {
			return s.parallelList(v, depth)
		}
		for i := range v.Len() {
			sep := ","
			if i == 0 {
				sep = "["
			}
			if err := s.ind.write([]byte(sep)); err != nil {
				return err
			}
			if err := s.value(v.Index(i), depth-1); err != nil {
				return err
			}
		}
		return s.ind.write([]byte("]"))
	}
	// Encode ends the value with a newline.
	s.buf.Reset()
	if err := s.enc.Encode(v.Interface()); err != nil {
		return err
	}
	return s.ind.write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
}

func (s *jsonStream) fields(v reflect.Value, depth int) error {
	t := v.Type()
	open := false
	for i := range t.NumField() {
		name, omitEmpty := jsonField(t.Field(i))
		f := v.Field(i)
		if name == "" || omitEmpty && emptyValue(f) {
			continue
		}
		sep := ","
		if !open {
			sep, open = "{", true
		}
		if err := s.ind.write([]byte(sep + strconv.Quote(name) + ":")); err != nil {
			return err
		}
		if err := s.value(f, depth); err != nil {
			return err
		}
	}
	if !open {
		return s.ind.write([]byte("{}"))
	}
	return s.ind.write([]byte("}"))
}

// holdsStructList is true when t has a field that is a list of structs.
func (s *jsonStream) holdsStructList(t reflect.Type) bool {
	if held, ok := s.lists[t]; ok {
		return held
	}
	held := false
	for i := range t.NumField() {
		f := t.Field(i).Type
		if name, _ := jsonField(t.Field(i)); name != "" && f.Kind() == reflect.Slice && f.Elem().Kind() == reflect.Struct {
			held = true
		}
	}
	s.lists[t] = held
	return held
}

// jsonField is the name encoding/json gives field f ("" if it skips it)
// and whether it is omitempty. The report types use no other options.
func jsonField(f reflect.StructField) (name string, omitEmpty bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	name, opts, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	return name, opts == "omitempty"
}

// emptyValue is encoding/json's test for omitempty.
func emptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// indentChunk is how much laid-out output the indenter holds before
// writing it.
const indentChunk = 64 << 10

// indenter lays out compact JSON, as encoding/json produces it, with the
// layout of json.Indent(dst, src, "", "  "). json.Indent runs its full
// syntax checker on every byte, and on a report of 80,000 findings that was
// most of the time spent writing it; the encoder's output is valid and has
// no whitespace outside strings, so brackets, commas and colons outside
// strings are all there is to lay out. It takes the JSON in pieces that
// split it between tokens, with empty containers ("[]", "{}") whole, and
// writes in chunks as it goes.
type indenter struct {
	w     io.Writer
	out   []byte
	depth int
}

func newIndenter(w io.Writer) *indenter {
	return &indenter{w: w, out: make([]byte, 0, indentChunk+4096)}
}

func (ind *indenter) newline() {
	ind.out = append(ind.out, '\n')
	for range ind.depth {
		ind.out = append(ind.out, ' ', ' ')
	}
}

// spill writes the laid-out output once it holds a chunk.
func (ind *indenter) spill() error {
	if len(ind.out) < indentChunk {
		return nil
	}
	return ind.flush()
}

func (ind *indenter) write(src []byte) error {
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			ind.out = append(ind.out, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			ind.out = append(ind.out, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				// Empty: json.Indent keeps it on one line.
				ind.out = append(ind.out, src[i+1])
				i++
				break
			}
			ind.depth++
			ind.newline()
		case '}', ']':
			ind.depth--
			ind.newline()
			ind.out = append(ind.out, c)
		case ',':
			ind.out = append(ind.out, c)
			ind.newline()
		case ':':
			ind.out = append(ind.out, ':', ' ')
		default:
			ind.out = append(ind.out, c)
		}
		if err := ind.spill(); err != nil {
			return err
		}
	}
	return nil
}

func (ind *indenter) flush() error {
	if b, ok := ind.w.(*blocks); ok {
		// A worker's output (json_parallel.go): the block changes hands.
		ind.out = b.take(ind.out)
		return nil
	}
	_, err := ind.w.Write(ind.out)
	ind.out = ind.out[:0]
	return err
}

// brief is a copy of res without the verbose parts (see JSON.Brief).
func brief(res *finding.Result) *finding.Result {
	out := *res
	if res.Shard != nil {
		// A merge needs what brief leaves out: say so, for it to refuse.
		sh := *res.Shard
		sh.Brief = true
		out.Shard = &sh
	}
	out.Rules = make([]finding.RuleResult, len(res.Rules))
	for i, rr := range res.Rules {
		rr.Rule.Description, rr.Rule.Remediation, rr.Rule.References = "", "", nil
		out.Rules[i] = rr
	}
	out.Frameworks = make([]finding.Framework, len(res.Frameworks))
	for i, fw := range res.Frameworks {
		controls := make([]finding.Control, 0, fw.Covered)
		for _, c := range fw.Controls {
			if c.Status != finding.StatusNotCovered {
				c.Evidence = []finding.Evidence{}
				controls = append(controls, c)
			}
		}
		fw.Controls = controls
		out.Frameworks[i] = fw
	}
	return &out
}
