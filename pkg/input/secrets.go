package input

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// MinSecretLen is the shortest sensitive value searched for in text:
// shorter ones ("on", "1") would hit ordinary words and numbers, and a
// value that short protects nothing.
const MinSecretLen = 3

// SensitiveStrings lists the sensitive values of the document as text,
// longest first so that a secret containing another is replaced whole.
// It compares each resource with its redacted copy, so the paths are
// resolved exactly as tenet parse redacts them.
func (doc Document) SensitiveStrings() []string {
	seen := map[string]bool{}
	rawSecrets(doc, seen)
	if !doc.marksSensitive() && len(seen) == 0 {
		return nil // most documents: no copy, nothing to search
	}
	// Each resource with sensitive values beside its redacted copy, as
	// Redact makes it, without copying the whole document's resources.
	for _, r := range doc.Resources {
		if len(r.Sensitive) == 0 {
			continue
		}
		if slices.Contains(r.Sensitive, "") {
			// The whole resource is sensitive (after_sensitive: true):
			// Redact replaces its values with {"": Redacted}, which has
			// none of their keys to walk beside, so every leaf is one.
			leaves(r.Values, seen)
			leaves(r.Before, seen)
			continue
		}
		collectSecrets(r.Values, redactPaths(r.Values, r.Sensitive), seen)
		if r.Before != nil {
			collectSecrets(r.Before, redactPaths(r.Before, r.Sensitive), seen)
		}
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
	if s, ok := red.(string); ok && s == Redacted {
		if o, ok := orig.(string); !ok || o != Redacted {
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
		if len(s) >= MinSecretLen {
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

// Masked returns the document as a policy that may not see secrets sees
// it: Redact's copy, in which, as in Raw, every string holding a sensitive
// value (a password, also inside a connection string, in variables, in
// prior state, or copied into an attribute Terraform does not mark) has
// it replaced with Redacted, and every number equal to one is Redacted. A
// document without sensitive values is returned as it is. The original is
// not modified.
func (doc Document) Masked() Document {
	return doc.MaskedResources(nil)
}

// MaskedResources is Masked for a reader of the resources that keep marks
// (keep[i] for the ith) and of nothing else: those are masked as Masked
// masks them, and the others are left without values (Values and Before
// nil), as is Raw. The copy holds nothing unmasked, and the values of the
// resources no one reads are not copied. A nil keep is Masked; a document
// without sensitive values is returned as it is, as by Masked.
func (doc Document) MaskedResources(keep []bool) Document {
	secrets := doc.SensitiveStrings()
	// Paths Terraform marks are redacted whatever their values' length:
	// only a document with neither is returned as it is.
	if len(secrets) == 0 && !doc.marksSensitive() {
		return doc
	}
	out := doc
	out.Resources = make([]Resource, len(doc.Resources))
	for i, r := range doc.Resources {
		if keep != nil && (i >= len(keep) || !keep[i]) {
			r.Values, r.Before = nil, nil
			out.Resources[i] = r
			continue
		}
		r = r.redacted()
		if r.Values != nil {
			r.Values, _ = MaskSecrets(r.Values, secrets).(map[string]any)
		}
		if r.Before != nil {
			r.Before, _ = MaskSecrets(r.Before, secrets).(map[string]any)
		}
		out.Resources[i] = r
	}
	out.Raw = nil
	if doc.Raw != nil && keep == nil {
		out.Raw = MaskSecrets(doc.Raw, secrets)
	}
	return out
}

// MaskSecrets copies v (a value decoded from JSON or YAML) with each of
// secrets (as SensitiveStrings lists them, longest first) replaced with
// Redacted in every string, and every number whose text is one of them
// replaced by Redacted. Without secrets v is returned as it is.
func MaskSecrets(v any, secrets []string) any {
	if len(secrets) == 0 {
		return v
	}
	pairs := make([]string, 0, 2*len(secrets))
	numbers := make(map[string]bool, len(secrets))
	for _, s := range secrets {
		pairs = append(pairs, s, Redacted)
		numbers[s] = true
	}
	return maskValue(v, strings.NewReplacer(pairs...), numbers)
}

// maskValue copies v with secrets replaced in every string and every
// number whose text is a secret replaced by Redacted.
func maskValue(v any, r *strings.Replacer, secrets map[string]bool) any {
	switch t := v.(type) {
	case string:
		return r.Replace(t)
	case json.Number:
		if secrets[t.String()] {
			return Redacted
		}
	case float64:
		if secrets[fmt.Sprint(t)] {
			return Redacted
		}
	case map[string]any:
		c := make(map[string]any, len(t))
		for k, x := range t {
			c[k] = maskValue(x, r, secrets)
		}
		return c
	case []any:
		c := make([]any, len(t))
		for i, x := range t {
			c[i] = maskValue(x, r, secrets)
		}
		return c
	}
	return v
}

// rawSecrets adds the sensitive values of a plan or state that no resource
// holds, from the raw file: outputs marked sensitive (output_changes'
// after_sensitive and before_sensitive, planned_values and state outputs'
// "sensitive") and the values of root variables the configuration
// declares sensitive; for a configuration directory, the defaults of the
// variables declared sensitive.
func rawSecrets(doc Document, seen map[string]bool) {
	root, ok := doc.Raw.(map[string]any)
	if !ok {
		return
	}
	obj := func(m map[string]any, keys ...string) map[string]any {
		for _, k := range keys {
			m, _ = m[k].(map[string]any)
		}
		return m
	}
	stateOutputs := func(values map[string]any) {
		for _, o := range obj(values, "outputs") {
			if out, ok := o.(map[string]any); ok && out["sensitive"] == true {
				leaves(out["value"], seen)
			}
		}
	}
	switch doc.Source.Format {
	case FormatTerraformPlan:
		for _, c := range obj(root, "output_changes") {
			change, _ := c.(map[string]any)
			markedLeaves(change["after"], change["after_sensitive"], seen)
			markedLeaves(change["before"], change["before_sensitive"], seen)
		}
		stateOutputs(obj(root, "planned_values"))
		stateOutputs(obj(root, "prior_state", "values"))
		vars := obj(root, "variables")
		for name, decl := range obj(root, "configuration", "root_module", "variables") {
			if d, ok := decl.(map[string]any); ok && d["sensitive"] == true {
				if v, ok := vars[name].(map[string]any); ok {
					leaves(v["value"], seen)
				}
			}
		}
	case FormatTerraformState:
		stateOutputs(obj(root, "values"))
	case FormatTerraform:
		// The configuration as conftest's parser shows it: the default of
		// a variable declared sensitive, used by no resource or not.
		for _, decls := range obj(root, "variable") {
			list, _ := decls.([]any)
			for _, d := range list {
				if decl, ok := d.(map[string]any); ok && decl["sensitive"] == true {
					leaves(decl["default"], seen)
				}
			}
		}
	}
}

// markedLeaves adds the leaves of v that mark, a sensitivity structure as
// Terraform writes it (true, or objects and arrays of them), marks.
func markedLeaves(v, mark any, seen map[string]bool) {
	switch m := mark.(type) {
	case bool:
		if m {
			leaves(v, seen)
		}
	case map[string]any:
		if obj, ok := v.(map[string]any); ok {
			for k, sub := range m {
				markedLeaves(obj[k], sub, seen)
			}
		}
	case []any:
		if arr, ok := v.([]any); ok {
			for i, sub := range m {
				if i < len(arr) {
					markedLeaves(arr[i], sub, seen)
				}
			}
		}
	}
}

// marksSensitive tells whether Terraform marks a path of any resource
// sensitive.
func (doc Document) marksSensitive() bool {
	return slices.ContainsFunc(doc.Resources, func(r Resource) bool { return len(r.Sensitive) > 0 })
}
