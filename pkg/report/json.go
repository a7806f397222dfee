package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// JSON writes the result as the versioned tenet.report/v1 document
// described in docs/output.md.
type JSON struct{}

// Write implements Reporter.
func (JSON) Write(w io.Writer, res *finding.Result) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		return err
	}
	return writeIndented(w, compact.Bytes())
}

// writeIndented writes src, compact JSON as encoding/json produces it, to w
// with the layout of json.Indent(dst, src, "", "  "). json.Indent runs its
// full syntax checker on every byte, and on a report of 80,000 findings that
// was most of the time spent writing it; the encoder's output is valid and
// has no whitespace outside strings, so brackets, commas and colons outside
// strings are all there is to lay out. It writes in chunks as it goes.
func writeIndented(w io.Writer, src []byte) error {
	const chunk = 64 << 10
	out := make([]byte, 0, chunk+4096)
	depth := 0
	newline := func() {
		out = append(out, '\n')
		for range depth {
			out = append(out, ' ', ' ')
		}
	}
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
			out = append(out, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			out = append(out, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				// Empty: json.Indent keeps it on one line.
				out = append(out, src[i+1])
				i++
				break
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
		if len(out) >= chunk {
			if _, err := w.Write(out); err != nil {
				return err
			}
			out = out[:0]
		}
	}
	_, err := w.Write(out)
	return err
}
