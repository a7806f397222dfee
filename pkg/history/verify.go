package history

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
)

// ErrTampered is wrapped by every *TamperError.
var ErrTampered = errors.New("history tampered with")

// TamperError names the first record where the chain breaks.
type TamperError struct {
	// File is the record's path; for a missing record, the path it should
	// have.
	File    string
	Problem string
}

func (e *TamperError) Error() string { return fmt.Sprintf("%s: %s", e.File, e.Problem) }

// Unwrap makes errors.Is(err, ErrTampered) hold.
func (e *TamperError) Unwrap() error { return ErrTampered }

// Verification is the state of an intact chain.
type Verification struct {
	// Records counts the records; Head is the hash of the newest, empty
	// for an empty store.
	Records int
	Head    string
}

// Verify checks the whole chain: sequence numbers from 1 without gaps,
// each file holding its own number, each record's hash, and each record's
// link to the one before. It returns a *TamperError for the first record
// that fails, and other errors when the store cannot be read. With a
// non-empty anchor, the hash of a record seen earlier (an earlier head),
// it also fails when no record has that hash: newer records were deleted
// or the chain was rewritten.
func (s *Store) Verify(anchor string) (*Verification, error) {
	seqs, err := s.seqs()
	if err != nil {
		return nil, err
	}
	v := &Verification{}
	prev := ""
	anchored := anchor == ""
	for i, n := range seqs {
		want := i + 1
		path := filepath.Join(s.dir, fileName(n))
		if n != want {
			return nil, &TamperError{File: filepath.Join(s.dir, fileName(want)), Problem: fmt.Sprintf("record %d is missing (the next file is %s): deleted or renamed", want, fileName(n))}
		}
		r, data, err := s.read(n)
		if err != nil {
			if data == nil {
				return nil, fmt.Errorf("history: %w", err)
			}
			return nil, &TamperError{File: path, Problem: "not a valid record (edited): " + err.Error()}
		}
		if r.Seq != n {
			return nil, &TamperError{File: path, Problem: fmt.Sprintf("holds record %d: records were moved or reordered", r.Seq)}
		}
		if got := hashOf(r); got != r.Hash {
			return nil, &TamperError{File: path, Problem: "content does not match its hash: the record was edited"}
		}
		if r.PrevHash != prev {
			return nil, &TamperError{File: path, Problem: "prev_hash does not match the record before it: a record was inserted, replaced or reordered"}
		}
		if !bytes.Equal(bytes.TrimSpace(data), mustCanon(r)) {
			return nil, &TamperError{File: path, Problem: "bytes differ from the record's canonical form: the record was edited"}
		}
		anchored = anchored || r.Hash == anchor
		prev = r.Hash
		v.Records, v.Head = n, r.Hash
	}
	if !anchored {
		return nil, &TamperError{File: s.dir, Problem: fmt.Sprintf("no record has the anchor hash %s: records were deleted or the chain rewritten", anchor)}
	}
	return v, nil
}

// hashOf recomputes a record's hash from its content.
func hashOf(r *Record) string {
	c := *r
	c.Hash = ""
	canon, err := json.Marshal(&c)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(canon)
	return hex.EncodeToString(sum[:])
}

// mustCanon is the record as Append writes it, without the newline.
func mustCanon(r *Record) []byte {
	data, err := json.Marshal(r)
	if err != nil {
		return nil
	}
	return data
}
