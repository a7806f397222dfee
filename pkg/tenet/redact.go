package tenet

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// minSecretLen is the shortest sensitive value searched for in messages:
// shorter ones ("on", "1") would hit ordinary words and numbers, and a
// value that short protects nothing.
const minSecretLen = 3

// redactMessages replaces, in every finding message, each value that
// Terraform marks sensitive anywhere in the document with input.Redacted.
// Rules see the real values (some must, to say that a secret is set), and
// many print the value they judged ("flag x is %q"); this is the one place
// that keeps those values out of every report format, whatever rule or
// custom policy wrote the message.
func redactMessages(doc input.Document, findings []finding.Finding) {
	secrets := sensitiveStrings(doc)
	if len(secrets) == 0 {
		return
	}
	pairs := make([]string, 0, 2*len(secrets))
	for _, s := range secrets {
		pairs = append(pairs, s, input.Redacted)
	}
	r := strings.NewReplacer(pairs...)
	for i := range findings {
		findings[i].Message = r.Replace(findings[i].Message)
	}
}

// sensitiveStrings lists the sensitive values of the document as text,
// longest first so that a secret containing another is replaced whole.
// It compares each resource with its redacted copy, so the paths are
// resolved exactly as tenet parse redacts them.
func sensitiveStrings(doc input.Document) []string {
	if !slices.ContainsFunc(doc.Resources, func(r input.Resource) bool { return len(r.Sensitive) > 0 }) {
		return nil // most documents: no copy, nothing to search
	}
	seen := map[string]bool{}
	red := doc.Redact()
	for i, r := range doc.Resources {
		if len(r.Sensitive) == 0 {
			continue
		}
		collectSecrets(r.Values, red.Resources[i].Values, seen)
		collectSecrets(r.Before, red.Resources[i].Before, seen)
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// collectSecrets walks orig beside its redacted copy and adds every leaf
// of the subtrees that redaction replaced.
func collectSecrets(orig, red any, seen map[string]bool) {
	if s, ok := red.(string); ok && s == input.Redacted {
		if o, ok := orig.(string); !ok || o != input.Redacted {
			leaves(orig, seen)
		}
		return
	}
	switch o := orig.(type) {
	case map[string]any:
		rm, _ := red.(map[string]any)
		for k, v := range o {
			collectSecrets(v, rm[k], seen)
		}
	case []any:
		ra, _ := red.([]any)
		for i, v := range o {
			if i < len(ra) {
				collectSecrets(v, ra[i], seen)
			}
		}
	}
}

// leaves adds the text of every scalar in v: strings and numbers, also as
// JSON (quoted and escaped) since a message may print the value with %v or
// %q; booleans and nulls say nothing secret.
func leaves(v any, seen map[string]bool) {
	add := func(s string) {
		if len(s) >= minSecretLen {
			seen[s] = true
		}
	}
	switch t := v.(type) {
	case string:
		add(t)
		if b, err := json.Marshal(t); err == nil {
			add(strings.Trim(string(b), `"`)) // as escaped inside %q or JSON
		}
	case json.Number:
		add(t.String())
	case float64, int, int64:
		add(fmt.Sprint(t))
	case map[string]any:
		for _, x := range t {
			leaves(x, seen)
		}
	case []any:
		for _, x := range t {
			leaves(x, seen)
		}
	}
}
