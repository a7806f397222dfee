package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Restricted lists the built-in functions that policies may not call unless
// allowed by name: they reach the network or leak the environment of the
// machine running tenet, and a compliance check needs neither.
var Restricted = []string{"http.send", "net.lookup_ip_addr", "opa.runtime"}

// Capabilities returns OPA's capabilities without the Restricted built-ins,
// except those named in allow. Names that are not restricted are ignored.
func Capabilities(allow []string) *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if slices.Contains(Restricted, b.Name) && !slices.Contains(allow, b.Name) {
			continue
		}
		kept = append(kept, b)
	}
	caps.Builtins = kept
	return caps
}

// explainRestricted adds to the compiler's "undefined function" errors for
// restricted built-ins why they are missing and how to allow them.
func explainRestricted(errs ast.Errors) ast.Errors {
	for _, e := range errs {
		for _, name := range Restricted {
			if strings.Contains(e.Message, "undefined function "+name) {
				e.Message += fmt.Sprintf(" (tenet runs policies without network access or runtime information; allow it with --allow-builtin %s)", name)
			}
		}
	}
	return errs
}
