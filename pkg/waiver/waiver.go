package waiver

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// dateLayout is the layout of expires: a calendar day, the last one on
// which the waiver applies.
const dateLayout = "2006-01-02"

// entry is one waiver as written in YAML.
type entry struct {
	Rule     string `yaml:"rule"`
	Resource string `yaml:"resource"`
	Input    string `yaml:"input"`
	Reason   string `yaml:"reason"`
	Owner    string `yaml:"owner"`
	Ticket   string `yaml:"ticket"`
	Expires  string `yaml:"expires"`
}

// file is the layout of a waiver file.
type file struct {
	Waivers []yaml.Node `yaml:"waivers"`
}

// LoadFile reads a waiver file. Errors name the file and the line.
func LoadFile(path string) ([]finding.Waiver, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("waivers: %w", err)
	}
	return Parse(path, data)
}

// Parse reads waivers from a YAML document: a mapping with a "waivers"
// list. name is used in errors and in each waiver's Source.
func Parse(name string, data []byte) ([]finding.Waiver, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty waiver file (want a \"waivers:\" list)", name)
		}
		line, msg := yamlError(err)
		if line > 0 {
			return nil, fmt.Errorf("%s:%d: %s", name, line, msg)
		}
		return nil, fmt.Errorf("%s: %s", name, msg)
	}
	return entries(name, 0, f.Waivers)
}

// entries decodes and checks a list of waiver nodes; lineOffset is added
// to node lines (for YAML embedded in an annotation).
func entries(name string, lineOffset int, nodes []yaml.Node) ([]finding.Waiver, error) {
	out := make([]finding.Waiver, 0, len(nodes))
	for i := range nodes {
		n := &nodes[i]
		line := n.Line + lineOffset
		e, errLine, err := decodeEntry(n)
		if err != nil {
			if errLine == 0 {
				errLine = n.Line
			}
			return nil, fmt.Errorf("%s:%d: %w", name, errLine+lineOffset, err)
		}
		w := finding.Waiver{Rule: e.Rule, Resource: e.Resource, Input: e.Input, Reason: e.Reason, Owner: e.Owner,
			Ticket: e.Ticket, Expires: e.Expires, Source: fmt.Sprintf("%s:%d", filepath.ToSlash(name), line)}
		if err := check(w); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, w)
	}
	return out, nil
}

// fieldList names the fields of a waiver for error messages.
const fieldList = "rule, resource, input, reason, owner, ticket, expires"

// decodeEntry decodes one waiver node. It checks the keys on the node
// itself, because Node.Decode accepts unknown fields, and so that an
// unknown or repeated key is reported at its own line in the file; errLine
// is that line (0 when the waiver's own line is meant).
func decodeEntry(n *yaml.Node) (e entry, errLine int, err error) {
	if n.Kind != yaml.MappingNode {
		return e, 0, errors.New("a waiver must be a mapping with rule, reason and optional resource, input, owner, ticket, expires")
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			return e, k.Line, fmt.Errorf("a waiver's keys are field names (%s)", fieldList)
		}
		if !isField(k.Value) {
			return e, k.Line, fmt.Errorf("unknown field %q (want %s)", k.Value, fieldList)
		}
		if first, ok := seen[k.Value]; ok {
			return e, k.Line, fmt.Errorf("duplicate key %q (first at line %d)", k.Value, first)
		}
		seen[k.Value] = k.Line
	}
	if err := n.Decode(&e); err != nil {
		line, msg := yamlError(err)
		return e, line, errors.New(msg)
	}
	return e, 0, nil
}

// isField tells whether key is a field of a waiver.
func isField(key string) bool {
	switch key {
	case "rule", "resource", "input", "reason", "owner", "ticket", "expires":
		return true
	}
	return false
}

// yamlError splits a yaml.v3 error into its line (0 if none) and a
// one-line message without Go type names. Only the text is kept,
// deliberately: the message is rewritten, and yaml.v3's errors carry
// nothing a caller tests for.
func yamlError(err error) (int, string) {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, msg = l, after
			}
		}
	}
	if i := strings.Index(msg, " in type "); i >= 0 {
		msg = msg[:i]
	}
	if i := strings.Index(msg, " into "); i >= 0 && strings.HasPrefix(msg, "cannot unmarshal ") {
		msg = msg[:i] + ": not the kind of value expected here"
	}
	// yaml.v3 quotes the offending value as it is, line breaks included,
	// and an error is one line.
	msg = strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(msg)
	var key string
	var first int
	if n, _ := fmt.Sscanf(msg, "mapping key %q already defined at line %d", &key, &first); n == 2 {
		msg = fmt.Sprintf("duplicate key %q (first at line %d)", key, first)
	}
	if name, ok := strings.CutPrefix(msg, "field "); ok {
		if name, ok := strings.CutSuffix(name, " not found"); ok {
			msg = fmt.Sprintf("unknown field %q", name)
		}
	}
	return line, msg
}

// check validates one waiver's fields.
func check(w finding.Waiver) error {
	if strings.TrimSpace(w.Rule) == "" {
		return errors.New(`"rule" is required (a rule id or a glob such as TNT-AWS-S3-*)`)
	}
	if strings.TrimSpace(w.Reason) == "" {
		return errors.New(`"reason" is required: say why the exception is accepted`)
	}
	if w.Expires != "" {
		if _, err := time.Parse(dateLayout, w.Expires); err != nil {
			// time's error quotes Go's layout; this one says what to write.
			return fmt.Errorf("expires %q is not a date (want YYYY-MM-DD)", w.Expires)
		}
	}
	return nil
}

// Expired tells whether the waiver's last day is before today.
func Expired(w finding.Waiver, today time.Time) bool {
	if w.Expires == "" {
		return false
	}
	last, err := time.Parse(dateLayout, w.Expires)
	if err != nil {
		return false // checked when loaded
	}
	y, m, d := today.Date()
	return last.Before(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// Matches tells whether a waiver covers a finding, ignoring expiry. An
// exact waiver's resource and input match only themselves.
func Matches(w finding.Waiver, f finding.Finding) bool {
	if !Glob(w.Rule, f.RuleID) {
		return false
	}
	if w.Exact {
		return w.Resource == f.Resource && cleanPath(w.Input) == cleanPath(f.File)
	}
	if w.Resource != "" && !matchResource(w.Resource, f.Resource) {
		return false
	}
	if w.Input != "" && !Glob(cleanPath(w.Input), cleanPath(f.File)) {
		return false
	}
	return true
}

// matchResource matches a waiver's resource pattern against an address.
// A Kubernetes object of the default namespace has the address Kind/name
// whether or not its manifest says namespace: default (see
// input.KubernetesAddress), so the pattern may also name it
// default/Kind/name: the spelling of earlier versions of tenet, which a
// waiver such as "default/*" relies on.
func matchResource(pattern, addr string) bool {
	if Glob(pattern, addr) {
		return true
	}
	return isKindName(addr) && Glob(pattern, "default/"+addr)
}

// isKindName tells whether addr is the address of a Kubernetes object
// without a namespace: Kind/name, the kind starting with a capital letter.
// Terraform addresses never have that shape: their first "/" (in an
// instance key) comes after a ".".
func isKindName(addr string) bool {
	kind, name, ok := strings.Cut(addr, "/")
	if !ok || name == "" || strings.Contains(name, "/") || kind == "" || kind[0] < 'A' || kind[0] > 'Z' {
		return false
	}
	for _, c := range kind {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// cleanPath makes "./envs//prod/plan.json" and "envs/prod/plan.json" the
// same path; globs survive it ("*" and "?" are plain characters to Clean).
func cleanPath(p string) string { return filepath.ToSlash(filepath.Clean(p)) }

// Apply marks the findings covered by a waiver in force (the first that
// matches, in the given order) and sets, in uses, what became of each
// waiver: active (it covered findings), expired (past its date: it covers
// nothing; Matched counts what it would have covered), or stale (in force,
// matched nothing). A use that comes in refused stays refused: like an
// expired waiver it covers nothing, and Matched says what it would have.
func Apply(findings []finding.Finding, uses []finding.WaiverUse, today time.Time) {
	for i := range uses {
		uses[i].Matched = 0
		switch {
		case uses[i].State == finding.WaiverRefused:
		case Expired(uses[i].Waiver, today):
			uses[i].State = finding.WaiverExpired
		default:
			uses[i].State = finding.WaiverStale
		}
	}
	for i := range findings {
		f := &findings[i]
		for j := range uses {
			u := &uses[j]
			if !Matches(u.Waiver, *f) {
				continue
			}
			u.Matched++
			if u.State == finding.WaiverExpired || u.State == finding.WaiverRefused {
				continue
			}
			u.State = finding.WaiverActive
			if f.Waiver == nil {
				w := u.Waiver
				f.Waiver = &w
			}
		}
	}
}

// Glob matches s against a pattern where "*" stands for any run of
// characters (including none, and including "/") and "?" for one
// character; everything else is literal, so resource addresses with
// brackets and quotes need no escaping.
func Glob(pattern, s string) bool {
	// Iterative matching with backtracking to the last star: linear in
	// practice, and no recursion for hostile patterns.
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
