package report

import (
	"encoding/json"
	"io"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// JSON writes the result as the versioned tenet.report/v1 document
// described in docs/output.md.
type JSON struct{}

// Write implements Reporter.
func (JSON) Write(w io.Writer, res *finding.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}
