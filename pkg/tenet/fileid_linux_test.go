package tenet

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBinaryDigestMemo: the running binary's digest is kept in the cache
// directory and used while the binary's identity (inode, size, times) is
// the same; a touched binary is hashed again.
func TestBinaryDigestMemo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	first, err := binaryDigest(dir)
	if err != nil {
		t.Fatal(err)
	}
	exe, _ := os.Executable()
	data, _ := os.ReadFile(exe)
	if want := sha256.Sum256(data); !bytes.Equal(first, want[:]) {
		t.Fatal("the digest is not the binary's SHA-256")
	}
	memos, _ := filepath.Glob(filepath.Join(dir, "binary-*"))
	if len(memos) != 1 {
		t.Fatalf("memo files: %v", memos)
	}
	// A planted digest under the same identity is used: the memo is read.
	text, _ := os.ReadFile(memos[0])
	id, _, _ := strings.Cut(string(text), " ")
	fake := strings.Repeat("ab", sha256.Size)
	if err := os.WriteFile(memos[0], []byte(id+" "+fake+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, _ := binaryDigest(dir); hex.EncodeToString(got) != fake {
		t.Fatal("the memo was not used")
	}
	// Touching the binary changes its identity: hashed again.
	now := time.Now()
	if err := os.Chtimes(exe, now, now); err != nil {
		t.Skipf("cannot touch the test binary: %v", err)
	}
	if got, _ := binaryDigest(dir); !bytes.Equal(got, first) {
		t.Error("a touched binary kept the old memo")
	}
}
