// Package htmlcheck checks the HTML report for tests: every element that
// is opened is closed in order, ids are unique, every in-page link points
// at an id, and nothing is loaded from elsewhere (no src, stylesheet link
// or CSS url() outside the page; plain <a href> links to documentation are
// allowed). HTML parsers recover from any input, so this checks the
// stricter shape the report is written in rather than what browsers accept.
package htmlcheck

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// void elements have no closing tag.
var void = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// remoteURL matches a URL that leaves the page: a scheme or a
// protocol-relative "//host".
var remoteURL = regexp.MustCompile(`(?i)^\s*([a-z][a-z0-9+.-]*:|//)`)

// cssURL finds url(...) references in inline CSS.
var cssURL = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")]*)`)

// Check reads a page and returns every problem found.
func Check(r io.Reader) []error {
	z := html.NewTokenizer(r)
	var (
		errs  []error
		stack []string
		ids   = map[string]bool{}
		links []string
		style bool
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				errs = append(errs, err)
			}
			for i := len(stack) - 1; i >= 0; i-- {
				errs = append(errs, fmt.Errorf("<%s> is never closed", stack[i]))
			}
			for _, l := range links {
				if !ids[l] {
					errs = append(errs, fmt.Errorf("link to #%s: no element has that id", l))
				}
			}
			return errs
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			errs = append(errs, checkAttrs(t, ids, &links)...)
			style = t.Data == "style"
			if tt == html.StartTagToken && !void[t.Data] {
				stack = append(stack, t.Data)
			}
		case html.EndTagToken:
			t := z.Token()
			style = false
			open := innermost(stack, t.Data)
			if open < 0 {
				errs = append(errs, fmt.Errorf("</%s> closes nothing", t.Data))
				continue
			}
			for i := len(stack) - 1; i > open; i-- {
				errs = append(errs, fmt.Errorf("<%s> is not closed before </%s>", stack[i], t.Data))
			}
			stack = stack[:open]
		case html.TextToken:
			if style {
				for _, m := range cssURL.FindAllStringSubmatch(string(z.Text()), -1) {
					if remoteURL.MatchString(m[1]) && !strings.HasPrefix(strings.ToLower(m[1]), "data:") {
						errs = append(errs, fmt.Errorf("CSS loads %s", m[1]))
					}
				}
			}
		}
	}
}

// innermost is the index of the last open element named name, or -1.
func innermost(stack []string, name string) int {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == name {
			return i
		}
	}
	return -1
}

func checkAttrs(t html.Token, ids map[string]bool, links *[]string) []error {
	var errs []error
	for _, a := range t.Attr {
		switch {
		case a.Key == "id":
			if ids[a.Val] {
				errs = append(errs, fmt.Errorf("duplicate id %q", a.Val))
			}
			ids[a.Val] = true
		case a.Key == "href" && strings.HasPrefix(a.Val, "#"):
			*links = append(*links, a.Val[1:])
		case a.Key == "href" && t.Data == "a":
			// A link the reader may follow; the page does not load it.
		case a.Key == "src" || a.Key == "href" || a.Key == "srcset" || a.Key == "poster" || a.Key == "data":
			if remoteURL.MatchString(a.Val) && !strings.HasPrefix(strings.ToLower(a.Val), "data:") {
				errs = append(errs, fmt.Errorf("<%s %s=%q> loads from outside the page", t.Data, a.Key, a.Val))
			}
		case a.Key == "style":
			for _, m := range cssURL.FindAllStringSubmatch(a.Val, -1) {
				if remoteURL.MatchString(m[1]) {
					errs = append(errs, fmt.Errorf("<%s style> loads %s", t.Data, m[1]))
				}
			}
		}
	}
	return errs
}
