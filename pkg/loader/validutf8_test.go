package loader

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestValidParts: checked in parts, text is valid exactly when utf8.Valid
// says so, wherever the cuts fall: in the middle of a character's bytes,
// on a broken one, or on a run of continuation bytes.
func TestValidParts(t *testing.T) {
	text := bytes.Repeat([]byte("aé€𝄞"), 1000) // characters of 1 to 4 bytes
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 2; n <= 7; n++ {
		if !validParts(text, n) {
			t.Fatalf("%d parts: valid text refused", n)
		}
		for range 300 {
			data := bytes.Clone(text)
			switch rng.IntN(3) {
			case 0:
				data[rng.IntN(len(data))] = byte(rng.IntN(256))
			case 1:
				data = data[:rng.IntN(len(data))] // may end inside a character
			case 2:
				at := rng.IntN(len(data))
				data = append(data[:at], append(bytes.Repeat([]byte{0x80}, 1+rng.IntN(6)), data[at:]...)...)
			}
			if got, want := validParts(data, n), utf8.Valid(data); got != want {
				t.Fatalf("%d parts of %q...: %v, want %v", n, data[:min(len(data), 40)], got, want)
			}
		}
	}
	if validParts([]byte("\x80\x80\x80"), 3) {
		t.Error("continuation bytes alone: valid")
	}
	if !validParts([]byte("€"), 4) {
		t.Error("one character in four parts: refused")
	}
}
