package loader

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// configAddress removes instance keys from a Terraform address:
// `module.a[0].aws_s3_bucket.b["x.y"]` becomes `module.a.aws_s3_bucket.b`.
// Keys may be quoted strings holding dots, brackets and escaped quotes.
func configAddress(addr string) string {
	if !strings.Contains(addr, "[") {
		return addr
	}
	var b strings.Builder
	depth, inString, escaped := 0, false, false
	for _, r := range addr {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case r == '\\':
				escaped = true
			case r == '"':
				inString = false
			}
		case r == '"' && depth > 0:
			inString = true
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// indexSuffix renders a count or for_each key as Terraform writes it.
func indexSuffix(key any) string {
	switch k := key.(type) {
	case nil:
		return ""
	case string:
		return "[" + strconv.Quote(k) + "]"
	case json.Number:
		return "[" + k.String() + "]"
	case float64:
		return "[" + strconv.FormatFloat(k, 'f', -1, 64) + "]"
	}
	return fmt.Sprintf("[%v]", key)
}

// leafPaths lists the dotted paths of the `true` leaves of a Terraform
// after_unknown or *_sensitive value: {"a": [{"b": true}]} gives "a.0.b".
// A `true` at the top (the whole object) gives "".
func leafPaths(v any) []string {
	var out []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch t := v.(type) {
		case bool:
			if t {
				out = append(out, prefix)
			}
		case map[string]any:
			for k, c := range t {
				walk(join(prefix, k), c)
			}
		case []any:
			for i, c := range t {
				walk(join(prefix, strconv.Itoa(i)), c)
			}
		}
	}
	walk("", v)
	sort.Strings(out)
	return out
}

func join(prefix, seg string) string {
	if prefix == "" {
		return seg
	}
	return prefix + "." + seg
}

// sortedUnique sorts s and drops repeats, in place.
func sortedUnique(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
