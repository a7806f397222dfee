package tenet

import (
	"fmt"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// IncompleteError is returned by Scan, beside a complete *finding.Result,
// when some inputs could not be loaded or evaluated: the result judges the
// others, and a verdict drawn from it alone would pass inputs nobody
// checked. Errors is the result's Errors.
type IncompleteError struct {
	Errors []finding.InputError
}

// Error names the first input that was not evaluated and how many more.
func (e *IncompleteError) Error() string {
	if len(e.Errors) == 0 {
		return "scan incomplete"
	}
	msg := fmt.Sprintf("scan incomplete: %s", e.Errors[0].Message)
	if n := len(e.Errors) - 1; n > 0 {
		msg += fmt.Sprintf(" (and %d more input errors)", n)
	}
	return msg
}
