package loader

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAll: whatever size it is told, readAll returns every byte of its
// reader (a file that grew or shrank after its size was taken, standard
// input of unknown size, reads of one byte at a time) and the reader's
// error.
func TestReadAll(t *testing.T) {
	data := strings.Repeat("0123456789", 1000)
	for _, tc := range []struct {
		name string
		r    io.Reader
		size int64
	}{
		{"the size", strings.NewReader(data), int64(len(data))},
		{"more than the size", strings.NewReader(data), 10},
		{"less than the size", strings.NewReader(data), int64(len(data)) * 3},
		{"size unknown", strings.NewReader(data), 0},
		{"a byte at a time", iotest.OneByteReader(strings.NewReader(data)), 100},
		{"data with EOF", iotest.DataErrReader(strings.NewReader(data)), int64(len(data))},
	} {
		got, err := readAll(tc.r, tc.size)
		if err != nil || !bytes.Equal(got, []byte(data)) {
			t.Errorf("%s: %d bytes, %v; want %d bytes", tc.name, len(got), err, len(data))
		}
	}
	boom := errors.New("boom")
	if _, err := readAll(io.MultiReader(strings.NewReader(data), iotest.ErrReader(boom)), 10); !errors.Is(err, boom) {
		t.Errorf("err = %v, want boom", err)
	}
}
