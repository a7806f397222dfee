package htmlcheck_test

import (
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/test/htmlcheck"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string // substrings of the errors, in order
	}{
		{name: "good", page: `<!DOCTYPE html><html><head><meta charset="utf-8"><style>a { color: red }</style></head>` +
			`<body><p id="x">a<br>b <a href="#x">here</a> <a href="https://example.com/doc">doc</a></p>` +
			`<svg><line x1="0"/><circle r="1"><title>t</title></circle></svg><script>if (a < b && c) {}</script></body></html>`},
		{name: "unclosed", page: `<html><body><div><p>text</div></body></html>`, want: []string{"<p> is not closed before </div>"}},
		{name: "nested", page: `<div><div><p>a</div></div>`, want: []string{"<p> is not closed before </div>"}},
		{name: "stray end tag", page: `<p>a</p></span>`, want: []string{"</span> closes nothing"}},
		{name: "duplicate id and dangling link", page: `<p id="a"></p><p id="a"><a href="#b">b</a></p>`, want: []string{`duplicate id "a"`, "link to #b"}},
		{name: "remote assets", page: `<img src="https://cdn.example/x.png"><script src="//cdn.example/x.js"></script>` +
			`<link rel="stylesheet" href="http://cdn.example/x.css"><style>body { background: url("https://x/y.png") }</style>`,
			want: []string{"<img src=", "<script src=", "<link href=", "CSS loads https://x/y.png"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			errs := htmlcheck.Check(strings.NewReader(tc.page))
			if len(errs) != len(tc.want) {
				t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(tc.want))
			}
			for i, err := range errs {
				if !strings.Contains(err.Error(), tc.want[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, err, tc.want[i])
				}
			}
		})
	}
}
