package engine

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Rule-level reads: readTypes takes every type-like constant of a rule's
// package and of every package it refers to, so a rule that calls one
// helper of lib/gcp reads, by that count, the types that all of lib/gcp's
// helpers (and lib/compute's, which lib/gcp imports) name. On the
// generated 50,000-resource plan that put each resource in eleven shards
// on average: every shard builds lib/terraform's indexes over the
// resources it holds. ruleReadTypes narrows the constants to those of the
// rules the rule can reach: its own definitions, the rules they name, and
// theirs, transitively. Whether the reads are known at all (ok) is still
// readTypes' package-level answer.

// ruleNode is one rule of a package: every definition of one name ("" for
// every rule of the package, when a reference does not name one).
type ruleNode struct{ pkg, name string }

// ruleScan is what the definitions of one rule hold.
type ruleScan struct {
	types map[string]bool // type-like string constants
	deps  []ruleNode      // rules referred to
}

// ruleReadTypes returns the resource type prefixes that the rules names
// of package pkg (a rule's deny and unknown, say) can read in a Terraform
// document: the type-like constants of the rules they can reach, plus the
// selector types. ok is readTypes' for the package: false when its rules
// may read more than their constants.
func (r *reads) ruleReadTypes(pkg string, names, selectors []string) (prefixes []string, ok bool) {
	if _, ok := r.readTypes(pkg, selectors); !ok {
		return nil, false
	}
	set := map[string]bool{}
	for _, s := range selectors {
		set[s] = true
	}
	seen := map[ruleNode]bool{}
	var queue []ruleNode
	for _, name := range names {
		queue = append(queue, ruleNode{pkg, name})
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if seen[n] {
			continue
		}
		seen[n] = true
		if n.name == "" {
			// Every rule of the package; scanRule(n) below reads those
			// whose name there is computed.
			for _, name := range r.ruleNames(n.pkg) {
				queue = append(queue, ruleNode{n.pkg, name})
			}
		}
		sc := r.scanRule(n)
		for t := range sc.types {
			set[t] = true
		}
		queue = append(queue, sc.deps...)
	}
	for s := range set {
		prefixes = append(prefixes, s)
	}
	slices.Sort(prefixes)
	return prefixes, true
}

// ruleNames lists the names of the rules of package pkg ("" for a rule
// whose name there is computed).
func (r *reads) ruleNames(pkg string) []string {
	if names, done := r.names[pkg]; done {
		return names
	}
	var names []string
	pkgRef := r.pkgRef(pkg)
	for _, m := range r.modules(pkg) {
		for _, rule := range m.Rules {
			if name, in := ruleNameIn(m, rule, pkgRef); in && !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	}
	if r.names == nil {
		r.names = map[string][]string{}
	}
	r.names[pkg] = names
	return names
}

// ruleNameIn is the name that rule of module m has in package pkg, and
// whether it is one of pkg's rules at all: the segment after pkg in the
// rule's full path, which is the module's package followed by its head
// reference. A module from outside the built-ins may add to a package
// below its own (package tenet, aws.s3.versioning.deny); "" stands for a
// rule whose name there is not a constant, which counts as every name.
func ruleNameIn(m *ast.Module, rule *ast.Rule, pkgRef ast.Ref) (string, bool) {
	head := rule.Head.Ref()
	if len(head) == 0 {
		return "", false
	}
	v, ok := head[0].Value.(ast.Var)
	if !ok {
		return "", false
	}
	full := m.Package.Path.Copy().Append(ast.StringTerm(string(v))).Concat(head[1:])
	if !full.HasPrefix(pkgRef) {
		return "", false
	}
	if len(full) == len(pkgRef) {
		return "", true // the package's document as a whole
	}
	name, isString := full[len(pkgRef)].Value.(ast.String)
	if !isString {
		return "", true
	}
	return string(name), true
}

// scanRule scans the definitions of rule n, once. A variable with the
// name of a rule of its module's package is taken for a reference to that
// rule (a local variable of the same name only adds a rule), and an
// import's name for the reference it imports.
func (r *reads) scanRule(n ruleNode) *ruleScan {
	if r.rules == nil {
		r.rules = map[ruleNode]*ruleScan{}
	}
	if sc, done := r.rules[n]; done {
		return sc
	}
	sc := &ruleScan{types: map[string]bool{}}
	r.rules[n] = sc
	pkgRef := r.pkgRef(n.pkg)
	for _, m := range r.modules(n.pkg) {
		own := m.Package.Path.String()
		local := map[string]bool{}
		for _, name := range r.ruleNames(own) {
			local[name] = true
		}
		aliases := importAliases(m, ast.DefaultRootRef)
		// dep adds the rule that ref (resolved) points at.
		dep := func(ref ast.Ref) {
			if head, isVar := ref[0].Value.(ast.Var); isVar && !ref.HasPrefix(ast.DefaultRootRef) {
				switch target, found := aliases[head]; {
				case found:
					ref = target.Concat(ref[1:])
				case local[string(head)]:
					ref = m.Package.Path.Copy().Append(ast.StringTerm(string(head))).Concat(ref[1:])
				default:
					return // a local variable, or a built-in's name
				}
			}
			if !ref.HasPrefix(ast.DefaultRootRef) || ref.HasPrefix(paramsRef) {
				return
			}
			target, _ := refPackage(ref, r.byPkg)
			if target == "" {
				return // readTypes refuses these (ok is false)
			}
			next := len(r.pkgRef(target))
			name := ""
			if next < len(ref) {
				if s, isString := ref[next].Value.(ast.String); isString {
					name = string(s)
				}
			}
			sc.deps = append(sc.deps, ruleNode{target, name})
		}
		str := func(v string) {
			if typeLike(v) {
				sc.types[v] = true
			}
		}
		for _, rule := range m.Rules {
			if name, in := ruleNameIn(m, rule, pkgRef); in && (name == n.name || name == "") {
				walkReads(rule, str, dep)
				// The rest of a head reference (a.b[x]), which the walk
				// of a rule leaves out.
				for _, t := range rule.Head.Ref()[1:] {
					walkReads(t, str, dep)
				}
			}
		}
	}
	return sc
}

// pkgRef is the reference of package pkg ("data.tenet.lib.terraform"):
// its modules' package path, else parsed, once. The scans look one up for
// every reference a rule makes, and parsing them each time took a quarter
// of a second of a 10k scan's CPU. The result is shared; callers must not
// modify it.
func (r *reads) pkgRef(pkg string) ast.Ref {
	if ref, done := r.refs[pkg]; done {
		return ref
	}
	if r.refs == nil {
		r.refs = map[string]ast.Ref{}
	}
	var ref ast.Ref
	for _, m := range r.byPkg[pkg] {
		// A module of a package above may add to pkg (byPackage).
		if m.Package.Path.String() == pkg {
			ref = m.Package.Path
			break
		}
	}
	if ref == nil {
		ref = ast.MustParseRef(pkg)
	}
	r.refs[pkg] = ref
	return ref
}

// splitRef splits a rule's path ("data.tenet.aws.s3.encryption.deny") into
// its package's and its name.
func splitRef(ref string) (pkg, name string) {
	dot := strings.LastIndex(ref, ".")
	return ref[:dot], ref[dot+1:]
}
