package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/test/golden"
)

// goldenMark is the comment before a code block of docs/formats/*.md whose
// content is lines of a golden file: "<!-- golden: PATH 1-40,300-320 -->".
// Ranges are joined by a line "…".
var goldenMark = regexp.MustCompile("(?m)^<!-- golden: (\\S+) ([0-9,-]+) -->\n```([a-z]*)\n((?s:.*?))\n?```")

// TestFormatDocs keeps the examples of the format pages equal to the
// golden files that the other tests compare every run with: the docs show
// what tenet writes today. -update refills them from the goldens.
func TestFormatDocs(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(repoRoot, "docs", "formats", "*.md"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no format pages: %v", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			marks := goldenMark.FindAllStringSubmatchIndex(text, -1)
			if len(marks) == 0 {
				t.Fatal("no golden example: mark one with <!-- golden: PATH RANGES -->")
			}
			var out strings.Builder
			last := 0
			for _, m := range marks {
				path, ranges, lang, body := text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]], text[m[8]:m[9]]
				want, err := goldenLines(filepath.Join(repoRoot, path), ranges)
				if err != nil {
					t.Fatal(err)
				}
				if !golden.Updating() && body != want {
					t.Errorf("the example from %s %s is not the golden's (run with -update):\n%s", path, ranges, firstDifference(body, want))
				}
				out.WriteString(text[last:m[0]])
				fmt.Fprintf(&out, "<!-- golden: %s %s -->\n```%s\n%s\n```", path, ranges, lang, want)
				last = m[1]
			}
			out.WriteString(text[last:])
			if golden.Updating() && out.String() != text {
				if err := os.WriteFile(page, []byte(out.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// goldenLines returns lines of a file, ranges like "1-40,300-320"
// (1-based, inclusive), each range after the first preceded by "…".
func goldenLines(path, ranges string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var out []string
	for i, r := range strings.Split(ranges, ",") {
		from, to, ok := strings.Cut(r, "-")
		a, errA := strconv.Atoi(from)
		b, errB := strconv.Atoi(to)
		if !ok || errA != nil || errB != nil || a < 1 || b < a || b > len(lines) {
			return "", fmt.Errorf("%s: bad range %q (the file has %d lines)", path, r, len(lines))
		}
		if i > 0 {
			out = append(out, "…")
		}
		out = append(out, lines[a-1:b]...)
	}
	return strings.Join(out, "\n"), nil
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  doc:    %s\n  golden: %s", i+1, a, b)
		}
	}
	return ""
}
