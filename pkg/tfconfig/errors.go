package tfconfig

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Error is a configuration that cannot be read: a file that does not
// parse, a duplicate declaration, a limit passed. It names the file and,
// where it has one, the position.
type Error struct {
	File         string
	Line, Column int // 1-based; 0 when unknown
	Msg          string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// diagError is the first error of diags as an *Error: one line, as every
// input error is.
func diagError(diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + oneLine(d.Detail)
		}
		if d.Subject == nil {
			return &Error{Msg: msg}
		}
		return &Error{File: d.Subject.Filename, Line: d.Subject.Start.Line, Column: d.Subject.Start.Column, Msg: msg}
	}
	return nil
}

func rangeError(r hcl.Range, msg string) error {
	return &Error{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column, Msg: msg}
}

// oneLine folds a multi-line diagnostic detail into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// readError drops the path of an fs.PathError: Error names the file.
func readError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}
