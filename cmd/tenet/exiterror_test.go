package main

import (
	"errors"
	"testing"
)

// TestExitErrorUnwraps: an exitError wraps the command's error.
func TestExitErrorUnwraps(t *testing.T) {
	cause := errors.New("cause")
	if err := error(&exitError{code: exitUsage, err: cause}); !errors.Is(err, cause) {
		t.Errorf("errors.Is(%v, cause) = false", err)
	}
}
