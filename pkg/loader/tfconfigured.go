package loader

import (
	"bytes"
	"encoding/json"
)

// Configured attributes: a plan lists an attribute as unknown until apply
// both when the configuration sets it from a value not known yet and when
// the configuration leaves it out and the provider computes it. Only the
// configuration tells the two apart, and references to locals, each.*,
// count.* or unresolved variables are dropped from refs, so rules need to
// know which attributes have an expression at all (input.Resource.Configured).

// configuredPaths returns, for every resource of the configuration, keyed
// by config address, the sorted attribute paths that have an expression.
// A resource written without attributes maps to an empty, non-nil slice.
func configuredPaths(cfg *config) map[string][]string {
	out := map[string][]string{}
	walkConfig(cfg, func(s *moduleScope, r *configResource) {
		paths := make([]string, 0, len(r.Expressions))
		addConfigured("", r.Expressions, &paths)
		out[s.prefix+r.Address] = sortedUnique(paths)
	})
	return out
}

// addConfigured appends the paths of exprs, under prefix, that have an
// expression. Terraform writes an attribute as an expression object
// ({"constant_value": ...}, {"references": [...]}, or {} for a value it
// could not compute without references, such as timestamp()), a list or
// set of nested blocks as an array of expression maps, and a single or
// map block as an object of them. "dynamic" blocks are not written at all
// (hashicorp/terraform#28346), so their attributes are never listed.
func addConfigured(prefix string, exprs map[string]rawExpression, out *[]string) {
	for key, raw := range exprs {
		path := join(prefix, key)
		b := bytes.TrimLeft(raw, " \t\r\n")
		if len(b) == 0 {
			continue
		}
		if b[0] == '[' {
			var blocks []map[string]rawExpression
			if json.Unmarshal(b, &blocks) == nil {
				for _, block := range blocks {
					addConfigured(path, block, out)
				}
			}
			continue
		}
		switch expressionKind(b) {
		case kindExpression:
			*out = append(*out, path)
		case kindBlock:
			var block map[string]rawExpression
			if json.Unmarshal(b, &block) == nil {
				addConfigured(path, block, out)
			}
		}
	}
}

// The kinds of a JSON object in a resource's expressions.
const (
	kindNull       = iota // {"constant_value": null}: set to null, as good as left out
	kindExpression        // an attribute's expression
	kindBlock             // a single block, or a map of blocks by label
)

// expressionKind tells what the object b holds from its first key, without
// decoding it: an expression's keys are "constant_value" and "references",
// which no block of a provider schema uses as attribute names. A key with
// escapes is read by a full decode.
func expressionKind(b []byte) int {
	rest, ok := skipThen(b, '{')
	if !ok {
		return kindExpression // not an object: malformed, count it as set
	}
	if rest, ok = skipThen(rest, '}'); ok {
		return kindExpression // {}
	}
	key, rest, ok := simpleKey(rest)
	if !ok {
		return fullKind(b)
	}
	switch string(key) { // no allocation: the compiler compares the bytes
	case "references":
		return kindExpression
	case "constant_value":
		if rest, ok = skipThen(rest, ':'); !ok {
			return kindExpression
		}
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if !bytes.HasPrefix(rest, []byte("null")) {
			return kindExpression
		}
		if _, ok = skipThen(rest[len("null"):], '}'); ok {
			return kindNull
		}
		return kindExpression
	}
	return kindBlock
}

// fullKind is expressionKind by a full decode of b's keys.
func fullKind(b []byte) int {
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return kindExpression
	}
	for k := range m {
		if k != "constant_value" && k != "references" {
			return kindBlock
		}
	}
	if v, ok := m["constant_value"]; ok && len(m) == 1 && string(bytes.TrimSpace(v)) == "null" {
		return kindNull
	}
	return kindExpression
}

// skipThen skips JSON white space in b and then the byte c, reporting
// whether c was there.
func skipThen(b []byte, c byte) ([]byte, bool) {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 || b[0] != c {
		return b, false
	}
	return b[1:], true
}

// simpleKey reads a JSON string without escapes at the start of b.
func simpleKey(b []byte) (key, rest []byte, ok bool) {
	if len(b) == 0 || b[0] != '"' {
		return nil, b, false
	}
	end := bytes.IndexByte(b[1:], '"')
	if end < 0 || bytes.IndexByte(b[1:1+end], '\\') >= 0 {
		return nil, b, false
	}
	return b[1 : 1+end], b[2+end:], true
}
