package loader_test

import (
	"context"
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

// TestCancelledNamesTheInput: a read stopped by its context is a
// *FileError naming the input, whatever the input, and wraps the
// context's error, so that a caller can report which inputs went
// unchecked and tell why.
func TestCancelledNamesTheInput(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for _, path := range []string{
		"../../test/examples/plan.json", "../../test/examples/k8s.yaml", "../../test/examples/Dockerfile",
		"../../test/examples/terraform", "../../test/kustomize/overlays/prod", "../../test/helm/web",
	} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			_, err := loader.Read(ctx, path, loader.Options{})
			var fe *loader.FileError
			if !errors.As(err, &fe) || fe.Path != path || !errors.Is(err, context.Canceled) {
				t.Errorf("Read = %v; want a *FileError naming %s and wrapping context.Canceled", err, path)
			}
		})
	}
}
