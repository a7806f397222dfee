package loader

import (
	"encoding/json"
	"strings"
	"sync/atomic"

	"github.com/tenet-dev/tenet/internal/parallel"
)

// headFields are the JSON names of planHead's fields.
var headFields = []string{"format_version", "terraform_version", "configuration"}

// decodeHead decodes into head the top-level members of a plan other than
// the resource changes (the array at span, which other goroutines decode),
// reporting whether the plan is well formed around that array
// (decodeAround).
func decodeHead(data []byte, span [2]int, head *planHead) bool {
	return decodeAround(data, span, headFields, func(field int, value []byte) bool {
		// The head holds no value of type any, so numbers need no UseNumber.
		switch field {
		case 0:
			return json.Unmarshal(value, &head.FormatVersion) == nil
		case 1:
			return json.Unmarshal(value, &head.TerraformVersion) == nil
		default:
			return json.Unmarshal(value, &head.Config) == nil
		}
	}, func(rest []byte) bool { return json.Unmarshal(rest, head) == nil })
}

// decodeAround decodes the top-level members of data other than the large
// array at span (which other goroutines decode), reporting whether data is
// well formed around that array. It reads each member where it lies, each
// on a goroutine of its own: a member named in fields (the JSON names of
// a struct's fields, none of type any) is decoded from its bytes by
// decode, given its index in fields, and every other member (a plan's
// planned values and prior state, half a large plan) is only checked as
// JSON, with no copy. On one goroutine a plan's head took a quarter of a
// second longer than its changes on the generated 50k plan, the other
// cores idle. A file whose keys encoding/json could match in more than
// one way (a field named twice, in another case, or with escapes) is
// decoded the plain way instead: whole gets a copy of data with null in
// place of the array, so that the result is always what one pass gives.
// decode and whole must not panic on any input of their field's type: a
// panic is a failure.
func decodeAround(data []byte, span [2]int, fields []string, decode func(field int, value []byte) bool, whole func(rest []byte) bool) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false // the one-pass decode reports it
		}
	}()
	members, ok := topMembers(data, span)
	if !ok {
		return false
	}
	seen := make([]bool, len(fields))
	var checks []func() bool
	for _, m := range members {
		if m.value[0] == span[0] {
			continue // the array, checked as it is decoded
		}
		key := data[m.key[0]:m.key[1]]
		if !json.Valid(key) {
			return false
		}
		name := string(key[1 : len(key)-1])
		field := -1
		for i, f := range fields {
			if strings.EqualFold(name, f) {
				field = i
			}
		}
		value := data[m.value[0]:m.value[1]]
		switch {
		case strings.IndexByte(name, '\\') >= 0:
			return whole(without(data, span))
		case field < 0:
			checks = append(checks, func() bool { return json.Valid(value) })
			continue
		case seen[field] || name != fields[field]:
			return whole(without(data, span))
		}
		seen[field] = true
		// Each field once: the goroutines write apart.
		checks = append(checks, func() bool { return decodeField(decode, field, value) })
	}
	return allOK(checks)
}

// decodeField runs decode on one field, a panic counting as a failure.
func decodeField(decode func(int, []byte) bool, field int, value []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false // the one-pass decode reports it
		}
	}()
	return decode(field, value)
}

// allOK runs checks side by side and reports whether every one is true.
func allOK(checks []func() bool) bool {
	var failed atomic.Bool
	parallel.Each(len(checks), len(checks), func(i int) {
		if !checks[i]() {
			failed.Store(true)
		}
	})
	return !failed.Load()
}

// without is a copy of data with null in place of the value at span.
// decodeAround's whole decodes it with Unmarshal, not a Decoder: the rest
// is one value of half the file, which a Decoder copies into a buffer it
// grows by doubling. Unmarshal refuses anything after the value as
// expectEOF does.
func without(data []byte, span [2]int) []byte {
	rest := make([]byte, 0, len(data)-(span[1]-span[0])+len("null"))
	return append(append(append(rest, data[:span[0]]...), "null"...), data[span[1]:]...)
}

// member is a member of a JSON object: the byte ranges of its key (quotes
// included) and of its value.
type member struct {
	key, value [2]int
}

// topMembers lists the members of the object that is the whole of data,
// checking the object's own syntax strictly: braces, colons, commas and
// nothing but space after it. The values' ends are found by brackets and
// strings only (skipValue), except that a value starting at known[0] ends
// at known[1]; the caller checks the values themselves.
func topMembers(data []byte, known [2]int) ([]member, bool) {
	members, end, ok := objectMembers(data, skipSpace(data, 0), known)
	return members, ok && skipSpace(data, end) == len(data)
}

// objectMembers lists the members of the object opening at data[i] as
// topMembers does, and returns the offset just past it.
func objectMembers(data []byte, i int, known [2]int) ([]member, int, bool) {
	if i >= len(data) || data[i] != '{' {
		return nil, 0, false
	}
	i = skipSpace(data, i+1)
	var members []member
	if i < len(data) && data[i] == '}' {
		return members, i + 1, true
	}
	for {
		if i == len(data) || data[i] != '"' {
			return nil, 0, false
		}
		end, _ := stringEnd(data, i)
		if end < 0 {
			return nil, 0, false
		}
		m := member{key: [2]int{i, end + 1}}
		i = skipSpace(data, end+1)
		if i == len(data) || data[i] != ':' {
			return nil, 0, false
		}
		i = skipSpace(data, i+1)
		valueEnd := known[1]
		if i != known[0] {
			valueEnd = skipValue(data, i)
		}
		if valueEnd < 0 {
			return nil, 0, false
		}
		m.value = [2]int{i, valueEnd}
		members = append(members, m)
		i = skipSpace(data, valueEnd)
		if i == len(data) {
			return nil, 0, false
		}
		switch data[i] {
		case '}':
			return members, i + 1, true
		case ',':
			i = skipSpace(data, i+1)
		default:
			return nil, 0, false
		}
	}
}
