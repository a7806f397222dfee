package report

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// ReadJSON decodes a report written by the json format. It refuses a
// document of another schema, or one whose fingerprints are of a version
// newer than finding.FingerprintVersion (they would match nothing).
//
// A report of an earlier version has its fingerprints computed again with
// the current algorithm, from its findings and their file as the report
// wrote it, so that it still compares with new reports when its inputs were
// given relative to the directory tenet now fingerprints paths from (see
// docs/monitoring.md). So are findings without a fingerprint.
func ReadJSON(r io.Reader) (*finding.Result, error) {
	var res finding.Result
	if err := json.NewDecoder(r).Decode(&res); err != nil {
		return nil, fmt.Errorf("decode report: %w", err)
	}
	return checked(&res)
}

// ReadJSONFileLean reads a json report as ReadJSONFile does, but leaves
// out its frameworks (Frameworks is nil), the larger part of a report,
// which a merge computes again from the findings: merging a thousand
// shards' reports, it halves the time and the memory.
func ReadJSONFileLean(path string) (*finding.Result, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// The outer field hides the embedded Result's: the decoder checks the
	// section's syntax and keeps nothing of it.
	var lean struct {
		finding.Result
		Frameworks skip `json:"frameworks"`
	}
	if err := json.Unmarshal(b, &lean); err != nil {
		return nil, fmt.Errorf("%s: decode report: %w", path, err)
	}
	res, err := checked(&lean.Result)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return res, nil
}

// skip is a JSON value that is read and dropped.
type skip struct{}

func (skip) UnmarshalJSON([]byte) error { return nil }

// checked refuses a decoded report that tenet cannot compare, and fills
// in the fingerprints of one from an earlier version.
func checked(res *finding.Result) (*finding.Result, error) {
	if res.Schema != finding.ResultSchema {
		return nil, fmt.Errorf("not a %s report (schema %q)", finding.ResultSchema, res.Schema)
	}
	if res.FingerprintVersion > finding.FingerprintVersion {
		return nil, fmt.Errorf("fingerprint version %d is newer than this tenet's (%d): compare it with the tenet that wrote it, or write it again with this one",
			res.FingerprintVersion, finding.FingerprintVersion)
	}
	old := res.FingerprintVersion < finding.FingerprintVersion
	refill := func(fs []finding.Finding) {
		for i := range fs {
			if old || fs[i].Fingerprint == "" {
				fs[i].Fingerprint = finding.Fingerprint(fs[i], fs[i].File)
			}
		}
	}
	refill(res.Findings)
	if res.Baseline != nil {
		refill(res.Baseline.Resolved)
	}
	res.FingerprintVersion = finding.FingerprintVersion
	return res, nil
}

// ReadJSONFile reads a json report from a file; errors name the file.
func ReadJSONFile(path string) (*finding.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res, err := ReadJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return res, nil
}
