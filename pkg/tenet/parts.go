package tenet

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"maps"
	"slices"

	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// The shard entries of the cache hold the findings of a large plan's
// shards (engine.Parts): every finding of a run that misses the whole
// document is read back from them, and those of every changed shard
// written, so their form is a compact binary one rather than JSON, which
// took a seventh of a re-scan of 50,000 resources. Strings are written
// with their length; the rare map and pointer fields (Metadata, Waiver)
// as JSON. TestPartsRoundTrip sets every field of finding.Finding.

// partsMagic starts an entry, and names its form's version.
const partsMagic = "tenet parts 1\n"

// encodeParts writes parts, keys in order.
func encodeParts(parts engine.Parts) ([]byte, error) {
	b := []byte(partsMagic)
	b = binary.AppendUvarint(b, uint64(len(parts)))
	for _, k := range slices.Sorted(maps.Keys(parts)) {
		b = appendPartString(b, k)
		fs := parts[k]
		b = binary.AppendUvarint(b, uint64(len(fs)))
		for _, f := range fs {
			for _, s := range []string{f.RuleID, string(f.Kind), string(f.Severity), f.Message, f.Resource, f.Attribute, f.Document, f.File, f.Fingerprint, f.Baseline} {
				b = appendPartString(b, s)
			}
			b = binary.AppendVarint(b, int64(f.Line))
			for _, v := range []any{f.Metadata, f.Waiver} {
				var data []byte
				if v != nil && !isNilValue(v) {
					var err error
					if data, err = json.Marshal(v); err != nil {
						return nil, err
					}
				}
				b = appendPartString(b, string(data))
			}
		}
	}
	return b, nil
}

// isNilValue tells a nil map or pointer held in an interface.
func isNilValue(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		return v == nil
	case *finding.Waiver:
		return v == nil
	}
	return false
}

func appendPartString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// errParts is a damaged entry: the cache reads it as a miss.
var errParts = errors.New("damaged shard entry")

// partsReader reads what encodeParts wrote.
type partsReader struct {
	data []byte
	err  error
}

// fail marks the entry damaged and stops the reading.
func (r *partsReader) fail() { r.err, r.data = errParts, nil }

func (r *partsReader) uvarint() uint64 { return readVarint(r, binary.Uvarint) }

func (r *partsReader) varint() int64 { return readVarint(r, binary.Varint) }

// readVarint reads one number with read (binary.Uvarint or Varint).
func readVarint[T int64 | uint64](r *partsReader, read func([]byte) (T, int)) T {
	n, size := read(r.data)
	if size <= 0 {
		r.fail()
		return 0
	}
	r.data = r.data[size:]
	return n
}

func (r *partsReader) string() string {
	n := r.length()
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}

// count reads a number of items, each of which takes at least one byte:
// a damaged count cannot make the reader allocate more than the entry.
func (r *partsReader) count() int { return r.length() }

// length reads a number no greater than the bytes left in the entry.
func (r *partsReader) length() int {
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		r.fail()
		return 0
	}
	return int(n)
}

// decodeParts reads an entry of encodeParts.
func decodeParts(data []byte) (engine.Parts, error) {
	if len(data) < len(partsMagic) || string(data[:len(partsMagic)]) != partsMagic {
		return nil, errParts
	}
	r := &partsReader{data: data[len(partsMagic):]}
	n := r.count()
	parts := make(engine.Parts, n)
	for range n {
		k := r.string()
		fs := make([]finding.Finding, r.count())
		for i := range fs {
			f := &fs[i]
			f.RuleID, f.Kind, f.Severity, f.Message = r.string(), finding.Kind(r.string()), finding.Severity(r.string()), r.string()
			f.Resource, f.Attribute, f.Document, f.File = r.string(), r.string(), r.string(), r.string()
			f.Fingerprint, f.Baseline = r.string(), r.string()
			f.Line = int(r.varint())
			if meta := r.string(); meta != "" {
				if err := json.Unmarshal([]byte(meta), &f.Metadata); err != nil {
					return nil, errParts
				}
			}
			if waiver := r.string(); waiver != "" {
				if err := json.Unmarshal([]byte(waiver), &f.Waiver); err != nil {
					return nil, errParts
				}
			}
		}
		if r.err != nil {
			return nil, r.err
		}
		parts[k] = fs
	}
	if r.err != nil || len(r.data) > 0 {
		return nil, errParts
	}
	return parts, nil
}
