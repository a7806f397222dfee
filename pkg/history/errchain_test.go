package history_test

import (
	"compress/gzip"
	"errors"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/history"
)

// TestTamperErrorKeepsCause: a record file that cannot be decoded is a
// *TamperError that wraps both ErrTampered and the decoding error.
func TestTamperErrorKeepsCause(t *testing.T) {
	s := fill(t, 1)
	writeBytes("not gzip at all")(t, s, filepath.Join(s.Dir(), "000002.json.gz"))
	_, err := s.Verify("")
	if !errors.Is(err, history.ErrTampered) || !errors.Is(err, gzip.ErrHeader) {
		t.Errorf("verify = %v; want it to wrap ErrTampered and gzip.ErrHeader", err)
	}
}
