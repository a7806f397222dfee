package diff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Formats lists the output formats of Write.
var Formats = []string{"json", "markdown", "table"}

// Write renders d in a format of Formats. The json format is versioned by
// Diff.Schema; the table and markdown layouts may change between versions.
func Write(w io.Writer, d *Diff, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	case "table":
		return writeTable(w, d)
	case "markdown":
		return writeMarkdown(w, d)
	}
	return fmt.Errorf("unknown diff format %q (want one of %v)", format, Formats)
}

// headline is the one-line summary both text formats start with.
func headline(d *Diff) string {
	s := d.Summary
	failing := ""
	if s.NewFailing > 0 {
		failing = fmt.Sprintf(" (%d failing)", s.NewFailing)
	}
	return fmt.Sprintf("%d new%s, %d resolved, %d unchanged findings; %s changed status",
		s.New, failing, s.Resolved, s.Unchanged, plural(s.Controls, "control"))
}

func side(r Report) string {
	name := r.Path
	if name == "" {
		name = "-"
	}
	return fmt.Sprintf("%s (tenet %s, %s)", name, r.Version, plural(r.Findings, "finding"))
}

// writeTable prints what changed first (new and resolved findings, then
// controls), and the unchanged findings last, as the least news.
func writeTable(w io.Writer, d *Diff) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "old: %s\nnew: %s\n%s\n", side(d.Old), side(d.New), headline(d))
	findings := func(title, mark string, list []finding.Finding) {
		if len(list) == 0 {
			return
		}
		fmt.Fprintf(bw, "\n%s\n", title)
		for _, f := range list {
			fmt.Fprintf(bw, "  %s %-7s %s  %s: %s\n", mark, kindLabel(f), f.RuleID, f.Place(), f.Message)
		}
	}
	findings("New findings", "+", d.Added)
	findings("Resolved findings", "-", d.Resolved)
	if len(d.Controls) > 0 {
		fmt.Fprintf(bw, "\nControls that changed status\n")
		fw, id, from, to := 0, 0, 0, 0
		for _, c := range d.Controls {
			fw, id = max(fw, len(c.Framework)), max(id, len(c.Control))
			from, to = max(from, len(status(c.From))), max(to, len(status(c.To)))
		}
		for _, c := range d.Controls {
			fmt.Fprintf(bw, "  %-*s  %-*s  %-*s → %-*s", fw, c.Framework, id, c.Control, from, status(c.From), to, status(c.To))
			if c.Title != "" {
				fmt.Fprintf(bw, "  %s", c.Title)
			}
			fmt.Fprintln(bw)
		}
	}
	findings("Unchanged findings", "=", d.Unchanged)
	return bw.Flush()
}

// writeMarkdown is the table's order for a pull-request comment, with the
// unchanged findings folded away.
func writeMarkdown(w io.Writer, d *Diff) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "**tenet diff**: %s.\n\n", headline(d))
	fmt.Fprintf(bw, "- old: `%s`\n- new: `%s`\n", side(d.Old), side(d.New))
	findings := func(list []finding.Finding) {
		fmt.Fprintf(bw, "| kind | rule | resource | message |\n|---|---|---|---|\n")
		for _, f := range list {
			fmt.Fprintf(bw, "| %s | %s | %s | %s |\n", kindLabel(f), f.RuleID, mdCell(f.Place()), mdCell(f.Message))
		}
	}
	for _, sec := range []struct {
		title string
		list  []finding.Finding
	}{{"New findings", d.Added}, {"Resolved findings", d.Resolved}} {
		if len(sec.list) > 0 {
			fmt.Fprintf(bw, "\n### %s (%d)\n\n", sec.title, len(sec.list))
			findings(sec.list)
		}
	}
	if len(d.Controls) > 0 {
		fmt.Fprintf(bw, "\n### Controls that changed status (%d)\n\n| framework | control | from | to | title |\n|---|---|---|---|---|\n", len(d.Controls))
		for _, c := range d.Controls {
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s |\n", c.Framework, c.Control, status(c.From), status(c.To), mdCell(c.Title))
		}
	}
	if len(d.Unchanged) > 0 {
		fmt.Fprintf(bw, "\n<details><summary>Unchanged findings (%d)</summary>\n\n", len(d.Unchanged))
		findings(d.Unchanged)
		fmt.Fprint(bw, "\n</details>\n")
	}
	return bw.Flush()
}

func kindLabel(f finding.Finding) string {
	if f.Waived() {
		return "waived"
	}
	return string(f.Kind)
}

func status(s finding.Status) string {
	if s == "" {
		return "absent"
	}
	return string(s)
}

// mdCell escapes a value for a Markdown table cell.
func mdCell(s string) string { return mdCellEscaper.Replace(s) }

// mdCellEscaper is made once: a Replacer is safe for concurrent use, and
// making one per cell took longer than the escaping.
var mdCellEscaper = strings.NewReplacer("|", `\|`, "\n", " ")

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
