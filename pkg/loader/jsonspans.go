package loader

import "strings"

// arraySpans returns the byte ranges of the elements of the array that is
// the value of key in the top-level object of data, so that the elements
// can be decoded side by side, and the range of the array itself. ok is false when data is not such an object,
// the key is absent or not an array, or the bytes are not well formed: the
// caller then decodes the plain way, and the decoder reports what is wrong.
func arraySpans(data []byte, key string) (array [2]int, spans [][2]int, ok bool) {
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '{' {
		return array, nil, false
	}
	i = skipSpace(data, i+1)
	// encoding/json, which decodes the rest, matches keys without regard to
	// case and keeps the last of repeated ones: with the key twice, in any
	// case, the spans of the first would not be what one pass decodes, so
	// the caller decodes the plain way.
	found := -1
	for i < len(data) && data[i] == '"' {
		end, escaped := stringEnd(data, i)
		if end < 0 {
			return array, nil, false
		}
		name := data[i+1 : end]
		if escaped {
			name = unescapeKey(data[i : end+1])
		}
		i = skipSpace(data, end+1)
		if i == len(data) || data[i] != ':' {
			return array, nil, false
		}
		i = skipSpace(data, i+1)
		if strings.EqualFold(string(name), key) {
			if found >= 0 || string(name) != key {
				return array, nil, false
			}
			found = i
		}
		if i = skipValue(data, i); i < 0 {
			return array, nil, false
		}
		i = skipSpace(data, i)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	if found < 0 {
		return array, nil, false
	}
	spans, ok = elementSpans(data, found)
	return [2]int{found, skipValue(data, found)}, spans, ok
}

// elementSpans lists the elements of the array opening at data[i].
func elementSpans(data []byte, i int) (spans [][2]int, ok bool) {
	if i == len(data) || data[i] != '[' {
		return nil, false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return [][2]int{}, true
	}
	for i < len(data) {
		end := skipValue(data, i)
		if end < 0 {
			return nil, false
		}
		spans = append(spans, [2]int{i, end})
		i = skipSpace(data, end)
		if i == len(data) {
			return nil, false
		}
		switch data[i] {
		case ']':
			return spans, true
		case ',':
			i = skipSpace(data, i+1)
		default:
			return nil, false
		}
	}
	return nil, false
}

// maxSkipDepth bounds the nesting skipValue follows. encoding/json refuses
// a value nested more than 10,000 deep in the whole file; a part decoded
// on its own starts a few levels down, so it would take what one pass
// refuses. A value nested this deep is left to the one-pass decode.
const maxSkipDepth = 10000 - 16

// skipValue returns the offset just past the JSON value starting at
// data[i], or -1 if it does not end well or nests deeper than
// maxSkipDepth. It checks brackets and strings only: the decoder checks
// the rest.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		end, _ := stringEnd(data, i)
		if end < 0 {
			return -1
		}
		return end + 1
	case '{', '[':
		depth := 0
		for i < len(data) {
			switch data[i] {
			case '{', '[':
				if depth++; depth > maxSkipDepth {
					return -1
				}
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			case '"':
				end, _ := stringEnd(data, i)
				if end < 0 {
					return -1
				}
				i = end
			}
			i++
		}
		return -1
	}
	// A number, true, false or null: a run of the bytes they are made of.
	end := i
	for end < len(data) && scalarByte(data[end]) {
		end++
	}
	if end == i {
		return -1
	}
	return end
}

func scalarByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '+' || c == '.'
}
