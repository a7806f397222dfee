package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// idPattern is the form of a tenet rule id: TNT-AWS-S3-001.
var idPattern = regexp.MustCompile(`^[A-Z0-9]+(-[A-Z0-9]+)*-[0-9]{3}$`)

// ruleKinds maps the rule names the engine evaluates to the kind of their
// findings; conftest's deny_*, warn_* and violation_* prefixes count too.
func ruleKind(name string) (finding.Kind, bool) {
	for prefix, kind := range map[string]finding.Kind{"deny": finding.KindDeny, "violation": finding.KindDeny, "warn": finding.KindWarn} {
		if name == prefix || strings.HasPrefix(name, prefix+"_") {
			return kind, true
		}
	}
	return "", false
}

// rules derives the rule catalog from the packages seen.
func (b *builder) rules() error {
	ns, err := newNamespaces(b.opts)
	if err != nil {
		return err
	}
	ids := map[string]string{}
	var ruled []string // packages outside the built-ins with conftest-style rules
	pkgs := make([]string, 0, len(b.pkgs))
	for p := range b.pkgs {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, name := range pkgs {
		p := b.pkgs[name]
		var found []finding.Rule
		perResource := false
		switch {
		case p.meta != nil && p.meta.Custom["library"] == true:
			continue
		case p.meta != nil:
			r, in, err := nativeRule(p)
			if err != nil {
				return &PolicyError{File: p.file, Err: err}
			}
			found = []finding.Rule{r}
			perResource = in.PerResource
		case p.builtin:
			if hasRuleKinds(p) {
				return &PolicyError{File: p.file, Err: fmt.Errorf("package %s has no METADATA with custom.id", name)}
			}
		default:
			custom := customRules(p)
			if len(custom) == 0 {
				break
			}
			ruled = append(ruled, name)
			if !ns.selects(name) {
				break
			}
			found = custom
			if _, ok := p.names["exception"]; ok {
				b.cat.Evals = append(b.cat.Evals, Eval{RuleID: p.path + ".exception", Ref: "data." + p.path + ".exception", Exception: true, Raw: true})
			}
		}
		for _, r := range found {
			if other, dup := ids[r.ID]; dup {
				return &PolicyError{File: r.File, Err: fmt.Errorf("rule id %s is also used in %s", r.ID, other)}
			}
			ids[r.ID] = r.File
			b.cat.Rules = append(b.cat.Rules, r)
			b.cat.Evals = append(b.cat.Evals, evals(p, r, perResource)...)
		}
	}
	if b.custom {
		if err := ns.check(ruled); err != nil {
			return err
		}
	}
	sort.Slice(b.cat.Rules, func(i, j int) bool { return b.cat.Rules[i].ID < b.cat.Rules[j].ID })
	sort.Slice(b.cat.Evals, func(i, j int) bool {
		if b.cat.Evals[i].RuleID != b.cat.Evals[j].RuleID {
			return b.cat.Evals[i].RuleID < b.cat.Evals[j].RuleID
		}
		return b.cat.Evals[i].Ref < b.cat.Evals[j].Ref
	})
	return nil
}

// evals lists what to evaluate for rule r of package p: for a native rule,
// every deny, warn, violation and unknown rule of the package; for a
// conftest-style rule, the one rule it stands for.
func evals(p *pkgInfo, r finding.Rule, perResource bool) []Eval {
	ref := func(n string) string { return "data." + p.path + "." + n }
	if r.Custom {
		n := strings.TrimPrefix(r.ID, p.path+".")
		k, _ := ruleKind(n)
		return []Eval{{RuleID: r.ID, Ref: ref(n), Kind: k, Raw: true}}
	}
	var out []Eval
	for n := range p.names {
		if k, ok := ruleKind(n); ok {
			out = append(out, Eval{RuleID: r.ID, Ref: ref(n), Kind: k, PerResource: perResource})
		} else if n == "unknown" {
			out = append(out, Eval{RuleID: r.ID, Ref: ref(n), Kind: finding.KindUnknown, PerResource: perResource})
		}
	}
	return out
}

func hasRuleKinds(p *pkgInfo) bool {
	for n := range p.names {
		if _, ok := ruleKind(n); ok || n == "unknown" {
			return true
		}
	}
	return false
}

// customRules makes one rule per deny/warn/violation rule of a
// conftest-style package.
func customRules(p *pkgInfo) []finding.Rule {
	var out []finding.Rule
	for n, at := range p.names {
		if _, ok := ruleKind(n); !ok {
			continue
		}
		out = append(out, finding.Rule{
			ID:      p.path + "." + n,
			Title:   p.path + "." + n,
			Package: p.path,
			Bundle:  at.bundle,
			File:    at.file,
			Custom:  true,
		})
	}
	return out
}

// meta is the custom block of a rule's METADATA.
type meta struct {
	ID          string              `json:"id"`
	Severity    string              `json:"severity"`
	Remediation string              `json:"remediation"`
	Controls    map[string][]string `json:"controls"`
	Input       ruleInput           `json:"input"`
	Requires    []string            `json:"requires"`
	// aliases and deprecated are not fields: tenet does nothing with them
	// yet, so METADATA that sets them is refused as unknown rather than
	// accepted and ignored.
}

// ruleInput is custom.input: what a rule reads.
type ruleInput struct {
	Selector []finding.Selector `json:"selector"`
	// PerResource declares that the rule's findings on a resource depend
	// only on that resource and on those lib/terraform's joins connect it
	// to (Eval.PerResource).
	PerResource bool `json:"per_resource"`
}

func nativeRule(p *pkgInfo) (finding.Rule, ruleInput, error) {
	a := p.meta
	var m meta
	raw, err := json.Marshal(a.Custom)
	if err != nil {
		return finding.Rule{}, ruleInput{}, err
	}
	if err := decodeStrict(raw, &m); err != nil {
		return finding.Rule{}, ruleInput{}, fmt.Errorf("METADATA custom: %w", err)
	}
	r := finding.Rule{
		ID:          m.ID,
		Title:       a.Title,
		Description: a.Description,
		Severity:    finding.Severity(m.Severity),
		Package:     p.path,
		Selectors:   m.Input.Selector,
		Controls:    m.Controls,
		Remediation: m.Remediation,
		Bundle:      p.bundle,
		File:        p.file,
		Requires:    m.Requires,
	}
	for _, rr := range a.RelatedResources {
		if rr != nil && rr.Ref.String() != "" {
			r.References = append(r.References, rr.Ref.String())
		}
	}
	var problems []string
	if !idPattern.MatchString(r.ID) {
		problems = append(problems, fmt.Sprintf("custom.id %q is not of the form ABC-DEF-001", r.ID))
	}
	if m.Severity != "" || p.builtin {
		if _, err := finding.ParseSeverity(m.Severity); err != nil {
			// Text only, deliberately: the problems of a rule's
			// metadata are listed in one message.
			problems = append(problems, "custom.severity: "+err.Error())
		}
	}
	if p.builtin {
		if r.Title == "" {
			problems = append(problems, "title is missing")
		}
		if r.Description == "" {
			problems = append(problems, "description is missing")
		}
		if len(r.Selectors) == 0 {
			problems = append(problems, "custom.input.selector is missing")
		}
		if len(r.Controls) == 0 {
			problems = append(problems, "custom.controls is missing")
		}
		if r.Remediation == "" {
			problems = append(problems, "custom.remediation is missing")
		}
	}
	if r.Title == "" {
		r.Title = r.ID
	}
	if len(problems) > 0 {
		return finding.Rule{}, ruleInput{}, fmt.Errorf("METADATA of %s: %s", p.path, strings.Join(problems, "; "))
	}
	return r, m.Input, nil
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the value")
	}
	return nil
}
