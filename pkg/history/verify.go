package history

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
)

// ErrTampered is wrapped by every *TamperError.
var ErrTampered = errors.New("history tampered with")

// TamperError names a file of the store that is not what the chain says
// it should be: the first record where the chain breaks, a record file
// that cannot be a record (empty, not gzipped JSON, not a regular file),
// or a stray file named like a record.
type TamperError struct {
	// File is the file's path; for a missing record, the path it should
	// have.
	File    string
	Problem string
	// Err is the decoding error Problem quotes, if any.
	Err error
}

func (e *TamperError) Error() string { return fmt.Sprintf("%s: %s", e.File, e.Problem) }

// Unwrap makes errors.Is(err, ErrTampered) hold, and gives Err too.
func (e *TamperError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrTampered}
	}
	return []error{ErrTampered, e.Err}
}

// Verification is the state of an intact chain.
type Verification struct {
	// Records counts the records; Head is the hash of the newest, empty
	// for an empty store.
	Records int
	Head    string
	// Signed counts the records that carry a signature. Their signatures
	// were checked only when KeyID is set: then every record is signed by
	// the verification key, whose KeyID it is.
	Signed int
	KeyID  string
}

// Verify checks the whole chain: sequence numbers from 1 without gaps,
// each file holding its own number, each record's hash, and each record's
// link to the one before; with WithVerificationKey, also that every record
// carries a valid signature by that key. Then it checks that no stray file
// is named like a record. It returns a *TamperError for the first file
// that fails, and other errors when the store cannot be read. With a
// non-empty anchor, the hash of a record seen earlier (an earlier head),
// it also fails when no record has that hash: newer records were deleted
// or the chain was rewritten.
//
// Without a verification key, an intact chain shows that no record was
// edited, removed or inserted without recomputing every hash after it.
// Whoever can write the directory can recompute them: only signatures,
// made with a key the scanner holds and that writer does not, show that
// the scanner wrote each record.
func (s *Store) Verify(anchor string) (*Verification, error) {
	seqs, strays, err := s.list()
	if err != nil {
		return nil, err
	}
	v := &Verification{KeyID: s.verifyID}
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
			return nil, err
		}
		if got := hashOf(r); got != r.Hash {
			return nil, &TamperError{File: path, Problem: "content does not match its hash: the record was edited"}
		}
		if problem := s.checkSignature(r); problem != "" {
			return nil, &TamperError{File: path, Problem: problem}
		}
		if r.PrevHash != prev {
			return nil, &TamperError{File: path, Problem: "prev_hash does not match the record before it: a record was inserted, replaced or reordered"}
		}
		if !bytes.Equal(bytes.TrimSpace(data), mustCanon(r)) {
			return nil, &TamperError{File: path, Problem: "bytes differ from the record's canonical form: the record was edited"}
		}
		if r.Signature != "" {
			v.Signed++
		}
		anchored = anchored || r.Hash == anchor
		prev = r.Hash
		v.Records, v.Head = n, r.Hash
	}
	if len(strays) > 0 {
		return nil, &TamperError{File: filepath.Join(s.dir, strays[0]), Problem: "not a record name (records are 000001.json.gz, 000002.json.gz, ...), so not part of the chain: move it out of the history directory"}
	}
	if !anchored {
		return nil, &TamperError{File: s.dir, Problem: fmt.Sprintf("no record has the anchor hash %s: records were deleted or the chain rewritten", anchor)}
	}
	return v, nil
}

// checkSignature says what is wrong with r's signature under the
// verification key, "" when nothing is or there is no key.
func (s *Store) checkSignature(r *Record) string {
	if s.verifyKey == nil {
		return ""
	}
	if r.Signature == "" {
		return "not signed: with a verification key every record must be signed (this one was added or rewritten without the signing key)"
	}
	if r.KeyID != s.verifyID {
		return fmt.Sprintf("signed with another key (key id %s; the verification key's is %s)", r.KeyID, s.verifyID)
	}
	sig, err := base64.StdEncoding.DecodeString(r.Signature)
	if err != nil || !verifySignature(s.verifyKey, signedMessage(r.Hash), sig) {
		return "signature does not match: the record was edited, or signed with another key"
	}
	return ""
}

// mustCanon is the record as Append writes it, without the newline.
func mustCanon(r *Record) []byte {
	data, err := json.Marshal(r)
	if err != nil {
		return nil
	}
	return data
}
