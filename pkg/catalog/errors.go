package catalog

import (
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// PolicyError reports a policy that cannot be used; nothing is evaluated.
type PolicyError struct {
	File string
	Err  error
	// Hint, when set, follows the message: what may fix it.
	Hint string
}

// Error is one line, however many problems OPA reported: each as
// file:row:col: code: message.
func (e *PolicyError) Error() string {
	msg := oneLine(e.Err)
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	if e.File == "" || strings.HasPrefix(msg, e.File) {
		return msg
	}
	return e.File + ": " + msg
}

func oneLine(err error) string {
	var errs ast.Errors
	if errors.As(err, &errs) && len(errs) > 0 {
		parts := make([]string, 0, len(errs))
		for _, e := range errs {
			loc := ""
			if e.Location != nil {
				loc = fmt.Sprintf("%s:%d:%d: ", e.Location.File, e.Location.Row, e.Location.Col)
			}
			parts = append(parts, fmt.Sprintf("%s%s: %s", loc, e.Code, e.Message))
		}
		return strings.Join(parts, "; ")
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
}

func (e *PolicyError) Unwrap() error { return e.Err }

// v0Syntax tells a parse error that Rego v0 syntax causes under v1.
func v0Syntax(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "`if` keyword is required") || strings.Contains(msg, "`contains` keyword is required")
}
