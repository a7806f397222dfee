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

func writeTable(w io.Writer, d *Diff) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "old: %s\nnew: %s\n%s\n", side(d.Old), side(d.New), headline(d))
	for _, sec := range []struct {
		title, mark string
		list        []finding.Finding
	}{
		{"New findings", "+", d.Added},
		{"Resolved findings", "-", d.Resolved},
		{"Unchanged findings", "=", d.Unchanged},
	} {
		if len(sec.list) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n%s\n", sec.title)
		for _, f := range sec.list {
			fmt.Fprintf(bw, "  %s %-7s %s  %s: %s\n", sec.mark, kindLabel(f), f.RuleID, f.Place(), f.Message)
		}
	}
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
	return bw.Flush()
}

func writeMarkdown(w io.Writer, d *Diff) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "**tenet diff**: %s.\n\n", headline(d))
	fmt.Fprintf(bw, "- old: `%s`\n- new: `%s`\n", side(d.Old), side(d.New))
	for _, sec := range []struct {
		title string
		list  []finding.Finding
	}{
		{"New findings", d.Added},
		{"Resolved findings", d.Resolved},
		{"Unchanged findings", d.Unchanged},
	} {
		if len(sec.list) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n### %s (%d)\n\n| kind | rule | resource | message |\n|---|---|---|---|\n", sec.title, len(sec.list))
		for _, f := range sec.list {
			fmt.Fprintf(bw, "| %s | %s | %s | %s |\n", kindLabel(f), f.RuleID, mdCell(f.Place()), mdCell(f.Message))
		}
	}
	if len(d.Controls) > 0 {
		fmt.Fprintf(bw, "\n### Controls that changed status (%d)\n\n| framework | control | from | to | title |\n|---|---|---|---|---|\n", len(d.Controls))
		for _, c := range d.Controls {
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s |\n", c.Framework, c.Control, status(c.From), status(c.To), mdCell(c.Title))
		}
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

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
