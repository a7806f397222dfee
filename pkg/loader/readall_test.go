package loader

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
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

// TestReadParts: a large file read in parts side by side is the file; a
// file that grew after its size was taken is read to its end, one that
// shrank is left to the plain read.
func TestReadParts(t *testing.T) {
	data := make([]byte, parallelRead+12345)
	for i := range data {
		data[i] = byte(i % 251)
	}
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readFile(path, Options{})
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("readFile: %d bytes, %v; want the file's %d", len(got), err, len(data))
	}
	if _, err := readFile(path, Options{MaxFileSize: int64(len(data)) - 1}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v, want ErrTooLarge", err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one core: files are read whole")
	}
	// Grown: the size taken is short of the file.
	buf := readParts(f, int64(len(data))-100)
	if buf == nil {
		t.Fatal("readParts: nil")
	}
	if buf, err = readRest(f, buf); err != nil || !bytes.Equal(buf, data) {
		t.Errorf("grown: %d bytes, %v; want %d", len(buf), err, len(data))
	}
	// Shrunk: the size taken is past the end.
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if buf := readParts(f, int64(len(data))+100); buf != nil {
		t.Errorf("shrunk: %d bytes, want nil", len(buf))
	}
	if off, _ := f.Seek(0, io.SeekCurrent); off != 0 {
		t.Errorf("shrunk: the offset moved to %d", off)
	}
}
