package history

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// Append stores res as the next record, run at time t, with the sha256
// of each input file as it is now. It retries with the next sequence
// number when another process appended first.
//
// It refuses to append after a newest record file that is not a record
// (empty, not gzipped JSON, holding another number, not a regular file),
// naming it: chaining onto it, or past it, would make the damage
// permanent. Moving the file out of the directory repairs the store.
func (s *Store) Append(ctx context.Context, t time.Time, res *finding.Result) (*Record, error) {
	return s.AppendAfter(ctx, t, res, nil)
}

// AppendAfter is Append with a step before the write: before, if not nil,
// is called with the sealed record (Seq, PrevHash, Hash and Signature
// final), and the record is written only if it returns nil; its error is
// returned as is. When another process takes the sequence number in
// between, before is called again with the renumbered record. The record
// passed to before must not be changed or kept.
//
// tenet watch uses it to put an alert in its outbox before the record
// that raised it, so that a crash between the two cannot lose the alert.
func (s *Store) AppendAfter(ctx context.Context, t time.Time, res *finding.Result, before func(*Record) error) (*Record, error) {
	inputs, err := hashInputs(ctx, res)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(res)
	if err != nil {
		return nil, fmt.Errorf("history: encode report: %w", err)
	}
	rec := &Record{Time: t.UTC(), Tool: res.Tool, Bundles: res.Bundles, Inputs: inputs, Report: body}
	if rec.Bundles == nil {
		rec.Bundles = []finding.Bundle{}
	}
	for range 1000 {
		last, err := s.head()
		if err != nil {
			return nil, err
		}
		rec.Seq, rec.PrevHash = 1, ""
		if last != nil {
			rec.Seq, rec.PrevHash = last.Seq+1, last.Hash
		}
		data, err := s.seal(rec)
		if err != nil {
			return nil, err
		}
		if before != nil {
			if err := before(rec); err != nil {
				return nil, err
			}
		}
		err = s.create(fileName(rec.Seq), data)
		if errors.Is(err, fs.ErrExist) {
			// Another run took this number: chain onto it, if it is a
			// record; head says what is wrong with it otherwise.
			continue
		}
		if err != nil {
			return nil, err
		}
		return rec, nil
	}
	return nil, fmt.Errorf("history %s: could not claim a sequence number", s.dir)
}

// head is the newest record, nil for an empty store. It fails when the
// newest record file is not a record, and when the record's signing does
// not match the store's (signed with another key, or signed while the
// store signs nothing, or the reverse): either would break the chain for
// good.
func (s *Store) head() (*Record, error) {
	seqs, _, err := s.list()
	if err != nil || len(seqs) == 0 {
		return nil, err
	}
	r, _, err := s.read(seqs[len(seqs)-1])
	var te *TamperError
	if errors.As(err, &te) {
		return nil, fmt.Errorf("history %s: cannot append after %w; move it out of the history directory if it is not a record of this history, then check the rest with tenet history verify", s.dir, te)
	}
	if err != nil {
		return nil, err
	}
	switch {
	case s.signer == nil && r.Signature != "":
		return nil, fmt.Errorf("history %s is signed (record %d carries a signature): append with its signing key (--history-signing-key), or the unsigned record would break it", s.dir, r.Seq)
	case s.signer != nil && r.Signature == "":
		return nil, fmt.Errorf("history %s holds unsigned records (the newest is %d): a signed history is signed from its first record; start a new history directory for signed runs", s.dir, r.Seq)
	case s.signer != nil && r.KeyID != s.signerID:
		return nil, fmt.Errorf("history %s: record %d was signed with another key (key id %s, this key's is %s): a history is signed with one key; start a new history directory for a new key", s.dir, r.Seq, r.KeyID, s.signerID)
	}
	return r, nil
}

// seal sets rec's KeyID, Hash and Signature and returns the bytes to store.
func (s *Store) seal(rec *Record) ([]byte, error) {
	rec.KeyID = s.signerID
	rec.Hash = hashOf(rec)
	rec.Signature = ""
	if s.signer != nil {
		sig, err := sign(s.signer, signedMessage(rec.Hash))
		if err != nil {
			return nil, fmt.Errorf("history: sign record %d: %w", rec.Seq, err)
		}
		rec.Signature = base64.StdEncoding.EncodeToString(sig)
	}
	data, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("history: encode record: %w", err)
	}
	return append(data, '\n'), nil
}

// hashOf computes a record's hash from its content: the canonical form
// without Hash and Signature.
func hashOf(r *Record) string {
	c := *r
	c.Hash, c.Signature = "", ""
	canon, err := json.Marshal(&c)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(canon)
	return hex.EncodeToString(sum[:])
}

// compress gzips a record without a file name or time in the header, so
// the same record gives the same bytes.
func compress(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// create writes a new file atomically and exclusively: the data goes to a
// temporary file that is then hard-linked under name, which fails with
// fs.ErrExist when name exists, so a reader never sees half a record. The
// directory is synced too, so that a record reported written survives a
// power cut.
func (s *Store) create(name string, data []byte) error {
	data, err := compress(data)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	tmp, err := os.CreateTemp(s.dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file private; records are as readable as reports.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("history: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("history: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("history: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	if err := os.Link(tmp.Name(), filepath.Join(s.dir, name)); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		return fmt.Errorf("history: %w", err)
	}
	if err := SyncDir(s.dir); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	return nil
}

// SyncDir flushes a directory's entries to disk, so that a file linked or
// renamed into it survives a crash.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// hashInputs hashes every input path of res (inputs that could not be
// loaded too, as far as they can be read).
func hashInputs(ctx context.Context, res *finding.Result) ([]Input, error) {
	seen := map[string]bool{}
	out := []Input{}
	add := func(path string) error {
		if path == "" || seen[path] {
			return nil
		}
		seen[path] = true
		if err := ctx.Err(); err != nil {
			return err
		}
		in := Input{Path: path}
		if path != "-" {
			in.SHA256 = hashFile(path)
		}
		out = append(out, in)
		return nil
	}
	for _, in := range res.Inputs {
		if err := add(in.Path); err != nil {
			return nil, err
		}
	}
	for _, e := range res.Errors {
		if err := add(e.Path); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// hashFile is the hex sha256 of a regular file, or "" when it cannot be
// read (the report already says why) or is not a regular file: reading a
// FIFO or a device such as /dev/zero would block or never end. The file is
// opened without blocking and checked after the open, so that one swapped
// for a FIFO in between cannot hang the append either.
func hashFile(path string) string {
	f, err := loader.OpenRegular(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
