package loader_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestInvalidJSONKeepsCause: the error of a file that is not JSON wraps
// encoding/json's *json.SyntaxError, not only its text.
func TestInvalidJSONKeepsCause(t *testing.T) {
	_, err := loader.Parse(t.Context(), "plan.json", []byte(`{"format_version": "1.2",, "x": 1}`), loader.Options{})
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		t.Fatalf("Parse = %v; want an error wrapping *json.SyntaxError", err)
	}
}
