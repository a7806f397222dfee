package report

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Reporter renders a result. Implementations must be deterministic.
type Reporter interface {
	Write(w io.Writer, res *finding.Result) error
}

// Options tune the formats that read them.
type Options struct {
	// Color enables ANSI colors in the table format.
	Color bool
	// Controls adds the control-by-control view to the table format.
	Controls bool
	// Quiet keeps only the findings, the inputs that were not evaluated and
	// the verdict in the table format.
	Quiet bool
	// JUnitByControl makes the junit format group test cases by framework
	// and control instead of by input file.
	JUnitByControl bool
	// History holds earlier runs, oldest first, for formats that draw
	// trends (html); the current run is not in it.
	History []RunSummary
	// BriefJSON leaves the verbose parts out of the json format (see
	// JSON.Brief).
	BriefJSON bool
	// BasePath is the directory that file URIs are relative to (SARIF): the
	// repository root. Empty: paths as given.
	BasePath string
	// Timestamp is the time formats that need one (OSCAL) write; callers
	// pass SOURCE_DATE_EPOCH or --timestamp for reproducible output.
	Timestamp time.Time
}

// formats is the table of output formats: a new format is one line here
// and one file.
var formats = map[string]func(Options) Reporter{
	"table":    func(o Options) Reporter { return Table{Color: o.Color, Controls: o.Controls, Quiet: o.Quiet} },
	"json":     func(o Options) Reporter { return JSON{Brief: o.BriefJSON} },
	"sarif":    func(o Options) Reporter { return SARIF{BasePath: o.BasePath} },
	"markdown": func(Options) Reporter { return Markdown{} },
	"junit":    func(o Options) Reporter { return JUnit{ByControl: o.JUnitByControl} },
	"csv":      func(Options) Reporter { return CSV{} },
	"oscal":    func(o Options) Reporter { return OSCAL{Timestamp: o.Timestamp} },
	"html":     func(o Options) Reporter { return HTML{History: o.History, Timestamp: o.Timestamp} },
	"github":   func(Options) Reporter { return GitHub{} },
}

// New returns the Reporter for a format name.
func New(format string, opts Options) (Reporter, error) {
	f, ok := formats[format]
	if !ok {
		return nil, fmt.Errorf("unknown output format %q (want one of %v)", format, Formats())
	}
	return f(opts), nil
}

// Formats lists the format names, sorted.
func Formats() []string {
	out := make([]string, 0, len(formats))
	for k := range formats {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
