package input

import (
	"strconv"
	"strings"
)

// Redacted is the text that replaces a sensitive value.
const Redacted = "(sensitive value)"

// Redact returns a copy of the document in which every value at a path
// listed in a resource's Sensitive (in Values and in Before) is replaced by
// Redacted, for printing. The original is not modified; rules evaluate the
// original, since some must look at secrets to report that they are there.
func (d Document) Redact() Document {
	out := d
	out.Resources = make([]Resource, len(d.Resources))
	for i, r := range d.Resources {
		out.Resources[i] = r.redacted()
	}
	return out
}

// redacted is r with the values at its Sensitive paths replaced (Redact).
func (r Resource) redacted() Resource {
	if len(r.Sensitive) > 0 {
		r.Values = redactPaths(r.Values, r.Sensitive)
		if r.Before != nil {
			r.Before = redactPaths(r.Before, r.Sensitive)
		}
	}
	return r
}

func redactPaths(values map[string]any, paths []string) map[string]any {
	v := any(values)
	for _, p := range paths {
		if p == "" {
			return map[string]any{"": Redacted}
		}
		v = redactPath(v, strings.Split(p, "."))
	}
	m, _ := v.(map[string]any)
	return m
}

// redactPath copies the containers along path and replaces its end.
func redactPath(v any, path []string) any {
	if len(path) == 0 {
		if v == nil {
			return nil // an unset sensitive attribute stays visibly unset
		}
		return Redacted
	}
	switch t := v.(type) {
	case map[string]any:
		child, ok := t[path[0]]
		if !ok {
			return v
		}
		c := make(map[string]any, len(t))
		for k, x := range t {
			c[k] = x
		}
		c[path[0]] = redactPath(child, path[1:])
		return c
	case []any:
		i, err := strconv.Atoi(path[0])
		if err != nil || i < 0 || i >= len(t) {
			return v
		}
		c := append([]any(nil), t...)
		c[i] = redactPath(t[i], path[1:])
		return c
	}
	return v
}
