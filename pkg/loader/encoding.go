package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tenet-dev/tenet/internal/parallel"
)

var (
	zipMagic   = []byte("PK\x03\x04") // a binary plan file; Detect explains
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// normalizeEncoding returns data as UTF-8 without a byte order mark.
// PowerShell's ">" writes `terraform show -json` as UTF-16LE with a BOM, and
// Windows editors add UTF-8 BOMs; both are common enough to accept.
// It also drops the "[command]..." line that the hashicorp/setup-terraform
// wrapper prints before the JSON.
func normalizeEncoding(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data[2:], true)
	}
	data = stripActionsWrapper(data)
	if !bytes.HasPrefix(data, zipMagic) && !validUTF8(data) {
		// encoding/json would silently turn bad bytes into U+FFFD, changing
		// values rules compare; Terraform and Kubernetes write valid UTF-8.
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		line, col := position(data, int64(off))
		return nil, &FileError{Line: line, Column: col, Err: fmt.Errorf("invalid UTF-8 (byte 0x%02x)", data[off])}
	}
	return data, nil
}

// validUTF8 is utf8.Valid, on every core for a large file: on one, it
// took 0.1-0.15 s of a 92 MB plan's scan, before anything else started.
// The file is cut before bytes that start a character, which no
// character's encoding spans: each part is valid exactly when the whole is.
func validUTF8(data []byte) bool {
	n := runtime.GOMAXPROCS(0)
	if len(data) < parallelCheck || n < 2 {
		return utf8.Valid(data)
	}
	return validParts(data, n)
}

// validParts is utf8.Valid, checking n parts of data side by side.
func validParts(data []byte, n int) bool {
	cuts := make([]int, n+1)
	for k := 1; k < n; k++ {
		c := max(cuts[k-1], k*len(data)/n)
		for c < len(data) && !utf8.RuneStart(data[c]) {
			c++
		}
		cuts[k] = c
	}
	cuts[n] = len(data)
	var invalid atomic.Bool
	parallel.Each(n, n, func(k int) {
		if !utf8.Valid(data[cuts[k]:cuts[k+1]]) {
			invalid.Store(true)
		}
	})
	return !invalid.Load()
}

// ErrLoneSurrogate is half of a UTF-16 surrogate pair, in a UTF-16 file
// or escaped in a JSON string ("\ud800"). Decoders silently turn it into
// U+FFFD, so the text compared by rules would not be the text written.
var ErrLoneSurrogate = errors.New("lone UTF-16 surrogate")

// decodeUTF16 converts UTF-16 to UTF-8, refusing a lone surrogate, which
// unicode/utf16 would replace with U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, errors.New("invalid UTF-16: odd number of bytes")
	}
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[2*i])<<8 | rune(b[2*i+1])
		}
		return rune(b[2*i+1])<<8 | rune(b[2*i])
	}
	n := len(b) / 2
	out := make([]byte, 0, n+n/2)
	for i := 0; i < n; i++ {
		r := unit(i)
		if !utf16.IsSurrogate(r) {
			out = utf8.AppendRune(out, r)
			continue
		}
		if i+1 < n {
			if pair := utf16.DecodeRune(r, unit(i+1)); pair != utf8.RuneError {
				out = utf8.AppendRune(out, pair)
				i++
				continue
			}
		}
		line, col := position(out, int64(len(out)))
		return nil, &FileError{Line: line, Column: col, Err: fmt.Errorf("%w: invalid UTF-16: code unit 0x%04X is not part of a surrogate pair", ErrLoneSurrogate, r)}
	}
	return out, nil
}

// loneSurrogate returns the offset in s, the inside of a JSON string
// with escapes, of a \u escape of a surrogate that is not half of a pair
// (as encoding/json pairs them), or -1. It leaves malformed escapes to
// the parser.
func loneSurrogate(s []byte) int {
	for i := 0; i < len(s); i++ {
		j := bytes.IndexByte(s[i:], '\\')
		if j < 0 {
			return -1
		}
		i += j
		if i+1 < len(s) && s[i+1] != 'u' {
			i++ // an escaped character, maybe a backslash
			continue
		}
		r, ok := hex4(s, i+2)
		if !ok {
			return -1
		}
		if !utf16.IsSurrogate(r) {
			i += 5
			continue
		}
		if i+12 <= len(s) && s[i+6] == '\\' && s[i+7] == 'u' {
			if low, ok := hex4(s, i+8); ok && utf16.DecodeRune(r, low) != utf8.RuneError {
				i += 11
				continue
			}
		}
		return i
	}
	return -1
}

// hex4 reads the four hex digits at s[i:].
func hex4(s []byte, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s[i:i+4]), 16, 16)
	return rune(v), err == nil
}

// surrogateError reports the escape at offset in data.
func surrogateError(data []byte, offset int) error {
	line, col := position(data, int64(offset))
	return &FileError{Line: line, Column: col, Err: fmt.Errorf("%w %s in a JSON string: it is not half of a surrogate pair, and decoders would read it as U+FFFD", ErrLoneSurrogate, data[offset:offset+6])}
}

// jsonError turns an encoding/json error into a *FileError (path left for
// the caller) with the line and column of the offset it reports. A type
// error and the end of the input are said in words of their own, without
// Go's type names; their cause is dropped on purpose.
func jsonError(data []byte, err error) error {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return &FileError{Line: line, Column: col, Err: fmt.Errorf("invalid JSON: %w", syn)}
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		what := typ.Field
		if what == "" {
			what = "value"
		}
		return &FileError{Line: line, Column: col, Err: fmt.Errorf("%s: cannot use JSON %s as %s", what, typ.Value, jsonKind(typ.Type))}
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return &FileError{Err: errors.New("invalid JSON: unexpected end of input (truncated file?)")}
	}
	return err
}

// position converts a byte offset into a 1-based line and column.
func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	prefix := data[:offset]
	line = bytes.Count(prefix, []byte("\n")) + 1
	col = int(offset) - bytes.LastIndexByte(prefix, '\n')
	return line, col
}

// jsonKind names what a Go type expects in JSON terms, so that messages
// say "an array", not "[]*tfjson.ResourceChange".
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "this value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	}
	return t.String()
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlError turns a yaml.v3 error into a one-line *FileError, taking the line
// number out of the message. It keeps the text only, deliberately: the
// message is rewritten (one line, the line number moved to FileError.Line),
// and yaml.v3's errors carry nothing a caller tests for.
func yamlError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.Join(strings.Fields(strings.ReplaceAll(msg, "unmarshal errors:\n", "")), " ")
	fe := &FileError{Err: fmt.Errorf("invalid YAML: %s", msg)}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		fe.Line, _ = strconv.Atoi(m[1])
		fe.Err = fmt.Errorf("invalid YAML: %s", strings.TrimPrefix(strings.TrimPrefix(msg, m[0]), ": "))
	}
	return fe
}

// stripActionsWrapper undoes the hashicorp/setup-terraform wrapper, which
// prints "[command]... show -json" before the JSON and "%0A" plus
// "::set-output" workflow commands after it. Other data is returned as is.
func stripActionsWrapper(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte("[command]")) {
		return data
	}
	i := bytes.IndexByte(data, '\n')
	if i < 0 {
		return data
	}
	// Keep the line break: lines (of resources, of errors) then count as
	// in the file written.
	data = data[i:]
	if j := bytes.Index(data, []byte("\n::")); j >= 0 {
		data = data[:j]
	}
	data = bytes.TrimRight(data, " \t\r\n")
	return bytes.TrimSuffix(data, []byte("%0A"))
}
