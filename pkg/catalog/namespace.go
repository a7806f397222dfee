package catalog

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// DefaultNamespace is the package whose conftest-style rules run when
// Options names no namespace, as in conftest.
const DefaultNamespace = "main"

// namespaces chooses the packages whose conftest-style rules run, as
// conftest test --namespace does: values are package names, matched
// literally, unless one of them holds a glob metacharacter (*, ? or [);
// then every value is a path.Match pattern, where "." is an ordinary
// character, so "main.*" matches main.gke and "*" every package.
type namespaces struct {
	all    bool
	values []string
	glob   bool
	given  bool // the values come from Options, not the default
}

func newNamespaces(opts Options) (namespaces, error) {
	n := namespaces{all: opts.AllNamespaces, values: opts.Namespaces, given: len(opts.Namespaces) > 0}
	if !n.given {
		n.values = []string{DefaultNamespace}
	}
	n.glob = strings.ContainsAny(strings.Join(n.values, ""), "*?[")
	if n.glob && !n.all {
		for _, v := range n.values {
			// Matching the empty name checks the whole pattern.
			if _, err := path.Match(v, ""); err != nil {
				return n, &PolicyError{Err: fmt.Errorf("namespace %q: %w", v, err)}
			}
		}
	}
	return n, nil
}

// match tells whether value selects package pkg.
func (n namespaces) match(value, pkg string) bool {
	if !n.glob {
		return value == pkg
	}
	ok, _ := path.Match(value, pkg) // the patterns were checked
	return ok
}

// selects tells whether the conftest-style rules of pkg run.
func (n namespaces) selects(pkg string) bool {
	if n.all {
		return true
	}
	for _, v := range n.values {
		if n.match(v, pkg) {
			return true
		}
	}
	return false
}

// check refuses a selection that leaves conftest-style rules out without
// a word: a namespace that matches no package with deny, warn or violation
// rules (conftest then runs nothing and passes), or, with no namespace
// given, policies whose conftest-style rules all lie outside package main.
// ruled lists the packages of the policies that have such rules; policies
// with none (tenet rules with METADATA, libraries) leave nothing to check.
func (n namespaces) check(ruled []string) error {
	if n.all {
		return nil
	}
	sort.Strings(ruled)
	have := "the policies have none"
	if len(ruled) > 0 {
		have = "the policies have them in " + strings.Join(ruled, ", ")
	}
	for _, v := range n.values {
		found := false
		for _, p := range ruled {
			found = found || n.match(v, p)
		}
		switch {
		case found:
		case n.given:
			return &PolicyError{Err: fmt.Errorf("namespace %q matches no package with deny, warn or violation rules (%s)", v, have)}
		case len(ruled) > 0:
			return &PolicyError{Err: fmt.Errorf("no deny, warn or violation rules in package %s, the default namespace (%s): choose them with --namespace or --all-namespaces", DefaultNamespace, have)}
		}
	}
	return nil
}
