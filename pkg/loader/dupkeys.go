package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
)

// ErrDuplicateKey is a JSON object that names the same key twice.
// encoding/json keeps the last value silently, so a crafted plan could show
// a reviewer one setting and hand the rules another; tenet refuses the file,
// as it refuses duplicate keys in YAML.
var ErrDuplicateKey = errors.New("duplicate key")

// ErrKeyCase is a key that differs only in case from a key Terraform
// writes ("Resource_Changes", "AFTER"), even alone. It could be ignored as
// an unknown key, as a case-sensitive decoder would; but Go tools built on
// encoding/json (terraform-json among them, and tenet's own structs) read
// it as the real key while jq, Python and reviewers do not, and a file
// that means two things depending on the reader is refused rather than
// read one way.
var ErrKeyCase = errors.New("key in another case than Terraform writes it")

// checkDuplicateKeys is checkKeys for a file decoded without structs.
func checkDuplicateKeys(data []byte) error { return checkKeys(data, nil, false) }

// checkKeys reports the first object in JSON data that repeats a key, as a
// *FileError at the second occurrence. Keys compare by their decoded
// value, so "a" and "\u0061" are the same key. In the objects that root
// says are decoded into structs, keys compare as encoding/json matches
// them there, ignoring case, and a key that differs only in case from a
// field's name is refused even alone (ErrKeyCase). With strs, every
// string is also checked for lone UTF-16 surrogates (ErrLoneSurrogate).
//
// It is a single pass over the bytes with no allocation for keys without
// escapes, cheap beside the decode it guards (see BenchmarkDuplicateKeys).
// It checks nothing else: data that is not JSON (YAML, broken JSON) is left
// to the real parser, which reports its errors.
func checkKeys(data []byte, root *keySchema, strs bool) error {
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '{' && data[i] != '[' && (!strs || data[i] != '"') {
		return nil
	}
	var (
		stack     []frame // the open objects and arrays; frames are reused
		depth     int
		expectKey bool
		seed      = maphash.MakeSeed()
	)
	for i < len(data) {
		c := data[i]
		switch c {
		case '{', '[':
			sch := root
			if depth > 0 {
				sch = stack[depth-1].child()
			}
			if depth == len(stack) {
				stack = append(stack, frame{})
			}
			stack[depth].reset(c == '{', sch)
			depth++
			expectKey = c == '{'
			i++
		case '}', ']':
			if depth == 0 {
				return nil // not JSON: the parser will say why
			}
			depth--
			expectKey = false
			i++
		case ',':
			expectKey = depth > 0 && stack[depth-1].object
			i++
		case '"':
			end, escaped := stringEnd(data, i)
			if end < 0 {
				return nil
			}
			if escaped && strs {
				if k := loneSurrogate(data[i+1 : end]); k >= 0 {
					return surrogateError(data, i+1+k)
				}
			}
			if expectKey && depth > 0 {
				key := data[i+1 : end]
				if escaped {
					key = unescapeKey(data[i : end+1])
				}
				if err := stack[depth-1].key(data, seed, key, i); err != nil {
					return err
				}
				expectKey = false
			}
			i = end + 1
		default:
			i++
		}
	}
	return nil
}

// frame is one open object (or array, which holds no keys).
type frame struct {
	object  bool
	schema  *keySchema // what the value is decoded into; nil for as written
	next    *keySchema // the schema of the value of the last key
	keys    []keyAt
	index   map[uint64]int // key hash to position in keys, past linearKeys
	indexed bool           // index holds this object's keys
}

// child returns the schema of a value opening in f: the value of its last
// key, or an element.
func (f *frame) child() *keySchema {
	if f.object {
		next := f.next
		f.next = nil
		return next
	}
	if f.schema == nil {
		return nil
	}
	return f.schema.elems
}

// key records key, read at offset in data, in the object f. In a struct,
// a key is recorded under the name of the field it fills, so that two keys
// filling one field are duplicates, and a key that fills a field without
// being its exact name is refused.
func (f *frame) key(data []byte, seed maphash.Seed, key []byte, offset int) error {
	f.next = nil
	id := key
	if f.schema != nil && f.schema.fields != nil {
		if fd := f.schema.fields[string(key)]; fd != nil {
			id, f.next = fd.name, fd.schema
		} else {
			id = foldKey(key)
			if fd := f.schema.folded[string(id)]; fd != nil {
				if first, dup := f.add(seed, fd.name, offset); dup {
					return duplicateError(data, key, offset, first)
				}
				line, col := position(data, int64(offset))
				return &FileError{Line: line, Column: col, Err: fmt.Errorf("%w: %q, not %q", ErrKeyCase, key, fd.name)}
			}
			// A key the loader does not read: still, two of them equal
			// ignoring case are refused, as Terraform never writes them.
		}
	} else if f.schema != nil {
		f.next = f.schema.values
	}
	if first, dup := f.add(seed, id, offset); dup {
		return duplicateError(data, key, offset, first)
	}
	return nil
}

// duplicateError reports key at offset, a duplicate of the key at first.
func duplicateError(data, key []byte, offset, first int) error {
	line, col := position(data, int64(offset))
	fl, fc := position(data, int64(first))
	end, escaped := stringEnd(data, first) // a key read already: well formed
	firstKey := data[first+1 : end]
	if escaped {
		firstKey = unescapeKey(data[first : end+1])
	}
	if string(firstKey) == string(key) {
		return &FileError{Line: line, Column: col, Err: fmt.Errorf("%w %q (first at line %d, column %d)", ErrDuplicateKey, key, fl, fc)}
	}
	return &FileError{Line: line, Column: col, Err: fmt.Errorf("%w %q ignoring case (first %q at line %d, column %d)", ErrDuplicateKey, key, firstKey, fl, fc)}
}

type keyAt struct {
	key    []byte
	offset int
}

// linearKeys is how many keys an object holds before it gets an index: a
// scan of a few keys beats hashing them.
const linearKeys = 32

func (f *frame) reset(object bool, schema *keySchema) {
	f.object = object
	f.schema, f.next = schema, nil
	f.keys = f.keys[:0]
	if f.indexed {
		clear(f.index) // keeps the map's memory for the next wide object
		f.indexed = false
	}
}

// add records key at offset, returning the offset of an earlier equal key.
// The index holds hashes, not strings, so that adding a key allocates
// nothing; a hash collision falls back to comparing every key.
func (f *frame) add(seed maphash.Seed, key []byte, offset int) (int, bool) {
	if !f.indexed {
		for _, k := range f.keys {
			if bytes.Equal(k.key, key) {
				return k.offset, true
			}
		}
		f.keys = append(f.keys, keyAt{key, offset})
		if len(f.keys) > linearKeys {
			if f.index == nil {
				f.index = make(map[uint64]int, 4*linearKeys)
			}
			for i, k := range f.keys {
				f.index[maphash.Bytes(seed, k.key)] = i
			}
			f.indexed = true
		}
		return 0, false
	}
	h := maphash.Bytes(seed, key)
	if i, ok := f.index[h]; ok {
		if bytes.Equal(f.keys[i].key, key) {
			return f.keys[i].offset, true
		}
		for _, k := range f.keys { // a collision: rare enough to scan
			if bytes.Equal(k.key, key) {
				return k.offset, true
			}
		}
	}
	f.index[h] = len(f.keys)
	f.keys = append(f.keys, keyAt{key, offset})
	return 0, false
}

// stringEnd returns the offset of the quote that closes the string opening
// at data[start], and whether the string holds escapes; -1 if unclosed.
func stringEnd(data []byte, start int) (int, bool) {
	escaped := false
	i := start + 1
	for {
		j := bytes.IndexByte(data[i:], '"')
		if j < 0 {
			return -1, escaped
		}
		end := i + j
		if k := bytes.IndexByte(data[i:end], '\\'); k >= 0 {
			escaped = true
			// The quote is escaped if an odd number of backslashes precede it.
			n := 0
			for p := end - 1; p > start && data[p] == '\\'; p-- {
				n++
			}
			if n%2 == 1 {
				i = end + 1
				continue
			}
		}
		return end, escaped
	}
}

// unescapeKey decodes a quoted key with escapes exactly as encoding/json
// does (invalid surrogates included), so that equal keys compare equal.
func unescapeKey(quoted []byte) []byte {
	var s string
	if err := json.Unmarshal(quoted, &s); err != nil {
		return quoted // not valid JSON; the parser reports it
	}
	return []byte(s)
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}
