package loader

import (
	"encoding/json"
	"strings"
	"sync/atomic"

	"github.com/tenet-dev/tenet/internal/parallel"
)

// headFields are the JSON names of planHead's fields.
var headFields = [...]string{"format_version", "terraform_version", "configuration"}

// decodeHead decodes into head the top-level members of a plan other than
// the resource changes (the array at span, which other goroutines decode),
// reporting whether the plan is well formed around that array. It reads
// each member where it lies, each on a goroutine of its own: the head's
// own fields are decoded from their bytes and every other member (the
// planned values, the prior state, half a large plan) is only checked as
// JSON, with no copy. On one goroutine the head took a quarter of a second
// longer than the changes on the generated 50k plan, the other cores idle.
// A plan whose keys encoding/json could match in more than one way (a
// field named twice, in another case, or with escapes) is decoded the
// plain way (decodeHeadCopy), so that the head is always what one pass
// gives.
func decodeHead(data []byte, span [2]int, head *planHead) (ok bool) {
	members, ok := topMembers(data, span)
	if !ok {
		return false
	}
	var seen [len(headFields)]bool
	var checks []func() bool
	for _, m := range members {
		if m.value[0] == span[0] {
			continue // the resource changes, checked as they are decoded
		}
		key := data[m.key[0]:m.key[1]]
		if !json.Valid(key) {
			return false
		}
		name := string(key[1 : len(key)-1])
		field := -1
		for i, f := range headFields {
			if strings.EqualFold(name, f) {
				field = i
			}
		}
		value := data[m.value[0]:m.value[1]]
		switch {
		case strings.IndexByte(name, '\\') >= 0:
			return decodeHeadCopy(data, span, head)
		case field < 0:
			checks = append(checks, func() bool { return json.Valid(value) })
			continue
		case seen[field] || name != headFields[field]:
			return decodeHeadCopy(data, span, head)
		}
		seen[field] = true
		// Each field once: the goroutines write apart.
		checks = append(checks, func() bool { return decodeField(value, field, head) })
	}
	return allOK(checks)
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

// decodeField decodes value into the head's field at index field of
// headFields.
func decodeField(value []byte, field int, head *planHead) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false // decodeWhole reports it
		}
	}()
	// The head holds no value of type any, so numbers need no UseNumber.
	switch field {
	case 0:
		return json.Unmarshal(value, &head.FormatVersion) == nil
	case 1:
		return json.Unmarshal(value, &head.TerraformVersion) == nil
	default:
		return json.Unmarshal(value, &head.Config) == nil
	}
}

// decodeHeadCopy decodes a copy of data with null in place of the array at
// span, reporting whether it is a well-formed plan.
func decodeHeadCopy(data []byte, span [2]int, head *planHead) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false // decodeWhole reports it
		}
	}()
	rest := make([]byte, 0, len(data)-(span[1]-span[0])+len("null"))
	rest = append(append(append(rest, data[:span[0]]...), "null"...), data[span[1]:]...)
	// Unmarshal, not a Decoder: the head is one value of half the file,
	// which a Decoder copies into a buffer it grows by doubling. Unmarshal
	// refuses anything after the value as expectEOF does.
	return json.Unmarshal(rest, head) == nil
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
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '{' {
		return nil, false
	}
	i = skipSpace(data, i+1)
	var members []member
	if i < len(data) && data[i] == '}' {
		return members, skipSpace(data, i+1) == len(data)
	}
	for {
		if i == len(data) || data[i] != '"' {
			return nil, false
		}
		end, _ := stringEnd(data, i)
		if end < 0 {
			return nil, false
		}
		m := member{key: [2]int{i, end + 1}}
		i = skipSpace(data, end+1)
		if i == len(data) || data[i] != ':' {
			return nil, false
		}
		i = skipSpace(data, i+1)
		valueEnd := known[1]
		if i != known[0] {
			valueEnd = skipValue(data, i)
		}
		if valueEnd < 0 {
			return nil, false
		}
		m.value = [2]int{i, valueEnd}
		members = append(members, m)
		i = skipSpace(data, valueEnd)
		if i == len(data) {
			return nil, false
		}
		switch data[i] {
		case '}':
			return members, skipSpace(data, i+1) == len(data)
		case ',':
			i = skipSpace(data, i+1)
		default:
			return nil, false
		}
	}
}
