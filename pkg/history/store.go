package history

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
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
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/loader"
	"github.com/tenet-dev/tenet/pkg/report"
)

// Record is one run in the store. Hash is the sha256 (hex) of the record's
// canonical form (json.Marshal of the record with Hash empty); PrevHash is
// the Hash of the record before it, empty for the first.
type Record struct {
	Seq      int              `json:"seq"`
	Time     time.Time        `json:"time"`
	Tool     finding.Tool     `json:"tool"`
	Bundles  []finding.Bundle `json:"bundles"`
	Inputs   []Input          `json:"inputs"`
	PrevHash string           `json:"prev_hash"`
	Hash     string           `json:"hash"`
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
}

// Open opens the store in dir, creating the directory if needed.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return &Store{dir: dir}, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// recordName matches the file of a record: its sequence number, at least
// six digits.
var recordName = regexp.MustCompile(`^([0-9]{6,})\.json\.gz$`)

// fileName is the file of record seq. Records are gzipped: a report is
// mostly repeated rule metadata and control lists, so an hourly watch
// stores a tenth of the bytes.
func fileName(seq int) string { return fmt.Sprintf("%06d.json.gz", seq) }

// readRecordFile reads and decompresses one record file.
func readRecordFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: not a gzipped record: %w", filepath.Base(path), err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: not a gzipped record: %w", filepath.Base(path), err)
	}
	return data, nil
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

// seqs lists the sequence numbers of the record files, ascending.
func (s *Store) seqs() ([]int, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	var out []int
	for _, e := range entries {
		m := recordName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		n, err := strconv.Atoi(m[1])
		if err != nil {
			continue
		}
		out = append(out, n)
	}
	sort.Ints(out)
	return out, nil
}

// read decodes the record in file seq, refusing unknown fields so that an
// added field cannot hide from the hash.
func (s *Store) read(seq int) (*Record, []byte, error) {
	data, err := readRecordFile(filepath.Join(s.dir, fileName(seq)))
	if err != nil {
		if errors.Is(err, gzip.ErrHeader) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, []byte{}, err // there, but not a record: tampering
		}
		return nil, nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r Record
	if err := dec.Decode(&r); err != nil {
		return nil, data, fmt.Errorf("%s: not a history record: %w", fileName(seq), err)
	}
	return &r, data, nil
}

// Records reads every record, oldest first, without checking the chain.
func (s *Store) Records() ([]*Record, error) {
	seqs, err := s.seqs()
	if err != nil {
		return nil, err
	}
	out := make([]*Record, 0, len(seqs))
	for _, n := range seqs {
		r, _, err := s.read(n)
		if err != nil {
			return nil, fmt.Errorf("history %s: %w", s.dir, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Last is the newest record, or nil when the store is empty.
func (s *Store) Last() (*Record, error) {
	seqs, err := s.seqs()
	if err != nil || len(seqs) == 0 {
		return nil, err
	}
	r, _, err := s.read(seqs[len(seqs)-1])
	if err != nil {
		return nil, fmt.Errorf("history %s: %w", s.dir, err)
	}
	return r, nil
}

// Summaries reduces every stored run to its report.RunSummary, oldest
// first, for the trend charts of report.Options.History. It decodes only
// the framework counts of each record, which is several times faster than
// decoding whole reports.
func (s *Store) Summaries() ([]report.RunSummary, error) {
	seqs, err := s.seqs()
	if err != nil {
		return nil, err
	}
	out := make([]report.RunSummary, 0, len(seqs))
	for _, n := range seqs {
		data, err := readRecordFile(filepath.Join(s.dir, fileName(n)))
		if err != nil {
			return nil, fmt.Errorf("history: %w", err)
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
			return nil, fmt.Errorf("history %s: %s: %w", s.dir, fileName(n), err)
		}
		sum := report.RunSummary{Time: rec.Time, Frameworks: map[string]map[finding.Status]int{}}
		for _, fw := range rec.Report.Frameworks {
			sum.Frameworks[fw.ID] = fw.Counts
		}
		out = append(out, sum)
	}
	return out, nil
}

// Append stores res as the next record, run at time t, with the sha256
// of each input file as it is now. It retries with the next sequence
// number when another process appended first.
func (s *Store) Append(ctx context.Context, t time.Time, res *finding.Result) (*Record, error) {
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
		last, err := s.Last()
		if err != nil {
			return nil, err
		}
		rec.Seq, rec.PrevHash = 1, ""
		if last != nil {
			rec.Seq, rec.PrevHash = last.Seq+1, last.Hash
		}
		data, err := seal(rec)
		if err != nil {
			return nil, err
		}
		err = s.create(fileName(rec.Seq), data)
		if errors.Is(err, fs.ErrExist) {
			continue // another run took this number: chain onto it
		}
		if err != nil {
			return nil, err
		}
		return rec, nil
	}
	return nil, fmt.Errorf("history %s: could not claim a sequence number", s.dir)
}

// seal sets rec.Hash and returns the bytes to store.
func seal(rec *Record) ([]byte, error) {
	rec.Hash = ""
	canon, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("history: encode record: %w", err)
	}
	sum := sha256.Sum256(canon)
	rec.Hash = hex.EncodeToString(sum[:])
	data, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("history: encode record: %w", err)
	}
	return append(data, '\n'), nil
}

// create writes a new file atomically and exclusively: the data goes to a
// temporary file that is then hard-linked under name, which fails with
// fs.ErrExist when name exists, so a reader never sees half a record.
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
	return nil
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

// hashFile is the hex sha256 of a file, or "" when it cannot be read (the
// report already says why). It opens inputs as the loader does: a named
// pipe among the inputs would otherwise block the run forever.
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
