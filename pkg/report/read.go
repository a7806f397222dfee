package report

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// ReadJSON decodes a report written by the json format. It refuses a
// document of another schema, and fills in the fingerprint of findings
// that lack one, so that reports of older versions can still be compared.
func ReadJSON(r io.Reader) (*finding.Result, error) {
	var res finding.Result
	if err := json.NewDecoder(r).Decode(&res); err != nil {
		return nil, fmt.Errorf("decode report: %w", err)
	}
	if res.Schema != finding.ResultSchema {
		return nil, fmt.Errorf("not a %s report (schema %q)", finding.ResultSchema, res.Schema)
	}
	for i := range res.Findings {
		if res.Findings[i].Fingerprint == "" {
			res.Findings[i].Fingerprint = finding.Fingerprint(res.Findings[i])
		}
	}
	return &res, nil
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
