package history

import (
	"bytes"
	"compress/gzip"
	"crypto"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

// Record is one run in the store. Hash is the sha256 (hex) of the record's
// canonical form (json.Marshal of the record with Hash and Signature
// empty); PrevHash is the Hash of the record before it, empty for the
// first.
type Record struct {
	Seq      int              `json:"seq"`
	Time     time.Time        `json:"time"`
	Tool     finding.Tool     `json:"tool"`
	Bundles  []finding.Bundle `json:"bundles"`
	Inputs   []Input          `json:"inputs"`
	PrevHash string           `json:"prev_hash"`
	// KeyID names the key that signed the record: the sha256 (hex) of its
	// public key in PKIX DER form (see KeyID). Empty when unsigned. It is
	// part of the hashed content.
	KeyID string `json:"key_id,omitempty"`
	Hash  string `json:"hash"`
	// Signature is the base64 signature of Hash (see WithSigningKey) by
	// the key KeyID names; empty when unsigned. Hash covers the content
	// and PrevHash, so the signature covers the record and its place in
	// the chain.
	Signature string `json:"signature,omitempty"`
	// Report is the run's json report, as compact JSON.
	Report json.RawMessage `json:"report"`
}

// Input is one input of a run with the sha256 (hex) of its bytes when the
// record was written; SHA256 is empty for standard input and for files
// that could not be read.
type Input struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256,omitempty"`
}

// Result decodes the record's report.
func (r *Record) Result() (*finding.Result, error) {
	res, err := report.ReadJSON(bytes.NewReader(r.Report))
	if err != nil {
		return nil, fmt.Errorf("record %d: %w", r.Seq, err)
	}
	return res, nil
}

// Store is a history directory. Several processes may append to one store
// at once: each record file is created exclusively, so no two runs get the
// same sequence number.
type Store struct {
	dir string
	// signer signs appended records; signerID is its KeyID.
	signer   crypto.Signer
	signerID string
	// verifyKey, if set, must have signed every record; verifyID is its
	// KeyID.
	verifyKey crypto.PublicKey
	verifyID  string
}

// Option configures a Store.
type Option func(*Store)

// WithSigningKey signs every appended record with key (ed25519, ECDSA or
// RSA of at least 2048 bits; see ParsePrivateKey). A store is signed from
// its first record with one key: Append refuses to add a signed record to
// an unsigned history or one signed with another key.
func WithSigningKey(key crypto.Signer) Option { return func(s *Store) { s.signer = key } }

// WithVerificationKey makes Verify require every record to be signed by
// the private key of pub.
func WithVerificationKey(pub crypto.PublicKey) Option { return func(s *Store) { s.verifyKey = pub } }

// Open opens the store in dir, creating the directory if needed.
func Open(dir string, opts ...Option) (*Store, error) {
	s := &Store{dir: dir}
	for _, o := range opts {
		o(s)
	}
	var err error
	if s.signer != nil {
		if s.signerID, err = KeyID(s.signer.Public()); err != nil {
			return nil, fmt.Errorf("history: signing key: %w", err)
		}
	}
	if s.verifyKey != nil {
		if s.verifyID, err = KeyID(s.verifyKey); err != nil {
			return nil, fmt.Errorf("history: verification key: %w", err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return s, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// recordLike matches names that look like record files. Only the names
// fileName gives are records; the others (0000001.json.gz beside
// 000001.json.gz, 000000.json.gz) are strays that Verify reports and the
// rest of the store never reads, so that two names cannot mean one record.
var recordLike = regexp.MustCompile(`^[0-9]+\.json\.gz$`)

// fileName is the file of record seq: its number, at least six digits.
// Records are gzipped: a report is mostly repeated rule metadata and
// control lists, so an hourly watch stores a tenth of the bytes.
func fileName(seq int) string { return fmt.Sprintf("%06d.json.gz", seq) }

// list returns the sequence numbers of the record files, ascending (files
// that are not regular included: they are damage to report, not to skip),
// and the names of stray files that look like records but are not.
func (s *Store) list() (seqs []int, strays []string, err error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, nil, fmt.Errorf("history: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if !recordLike.MatchString(name) {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSuffix(name, ".json.gz"))
		if err != nil || n < 1 || fileName(n) != name {
			strays = append(strays, name)
			continue
		}
		seqs = append(seqs, n)
	}
	sort.Ints(seqs) // names sort as numbers only up to six digits
	return seqs, strays, nil
}

// readData returns the decompressed bytes of record file seq. A file that
// is there but cannot hold a record (not a regular file, empty, not gzip)
// is a *TamperError naming it; a failure to read it is returned as is.
func (s *Store) readData(seq int) ([]byte, error) {
	path := filepath.Join(s.dir, fileName(seq))
	info, err := os.Lstat(path)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, &TamperError{File: path, Problem: fmt.Sprintf("not a regular file (%s), so not a record", info.Mode().Type())}
	}
	if info.Size() == 0 {
		return nil, &TamperError{File: path, Problem: "not a valid record: empty file (truncated, or written by something else)"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err == nil {
		var data []byte
		if data, err = io.ReadAll(zr); err == nil {
			return data, nil
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("history: %w", err) // the disk failed, not the record
	}
	return nil, &TamperError{File: path, Problem: "not a valid record: not gzipped JSON: " + err.Error(), Err: err}
}

// read decodes record file seq, refusing unknown fields so that an added
// field cannot hide from the hash, and a file that holds another record.
// It returns the decompressed bytes too, for Verify.
func (s *Store) read(seq int) (*Record, []byte, error) {
	data, err := s.readData(seq)
	if err != nil {
		return nil, nil, err
	}
	path := filepath.Join(s.dir, fileName(seq))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r Record
	if err := dec.Decode(&r); err != nil {
		return nil, data, &TamperError{File: path, Problem: "not a valid record (edited): " + err.Error(), Err: err}
	}
	if r.Seq != seq {
		return nil, data, &TamperError{File: path, Problem: fmt.Sprintf("holds record %d: records were copied, moved or reordered", r.Seq)}
	}
	return &r, data, nil
}

// Records reads every record, oldest first, without checking the chain. A
// file that is not the record its name says is a *TamperError.
func (s *Store) Records() ([]*Record, error) {
	seqs, _, err := s.list()
	if err != nil {
		return nil, err
	}
	out := make([]*Record, 0, len(seqs))
	for _, n := range seqs {
		r, _, err := s.read(n)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Last is the newest record, or nil when the store is empty.
func (s *Store) Last() (*Record, error) {
	seqs, _, err := s.list()
	if err != nil || len(seqs) == 0 {
		return nil, err
	}
	r, _, err := s.read(seqs[len(seqs)-1])
	return r, err
}

// Get is record seq; the error wraps fs.ErrNotExist when there is none.
func (s *Store) Get(seq int) (*Record, error) {
	r, _, err := s.read(seq)
	return r, err
}

// Summaries reduces every stored run to its report.RunSummary, oldest
// first, for the trend charts of report.Options.History. It decodes only
// the framework counts of each record, which is several times faster than
// decoding whole reports.
func (s *Store) Summaries() ([]report.RunSummary, error) {
	seqs, _, err := s.list()
	if err != nil {
		return nil, err
	}
	out := make([]report.RunSummary, 0, len(seqs))
	for _, n := range seqs {
		data, err := s.readData(n)
		if err != nil {
			return nil, err
		}
		var rec struct {
			Time   time.Time `json:"time"`
			Report struct {
				Frameworks []struct {
					ID     string                 `json:"id"`
					Counts map[finding.Status]int `json:"counts"`
				} `json:"frameworks"`
			} `json:"report"`
		}
		if err := json.Unmarshal(data, &rec); err != nil {
			return nil, &TamperError{File: filepath.Join(s.dir, fileName(n)), Problem: "not a valid record (edited): " + err.Error(), Err: err}
		}
		sum := report.RunSummary{Time: rec.Time, Frameworks: map[string]map[finding.Status]int{}}
		for _, fw := range rec.Report.Frameworks {
			sum.Frameworks[fw.ID] = fw.Counts
		}
		out = append(out, sum)
	}
	return out, nil
}
