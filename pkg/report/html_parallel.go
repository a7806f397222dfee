package report

import (
	"bytes"
	"errors"
	"html/template"
	"runtime"

	"github.com/tenet-dev/tenet/internal/parallel"
)

// prerender renders each control and each rule of page, with their
// evidence and findings, on every core, for the page to place as they are.
// They are the bulk of a large report, and html/template calls its
// escapers by reflection for every value: on a 10,000-resource plan the
// page took a second on one core at the end of the scan. Each is rendered
// by its own template ("control", "rule"), which the escaper treats as
// it would the same text inside the page, in HTML text.
func prerender(page *htmlPage) error {
	type job struct {
		name string
		data any
		out  *template.HTML
	}
	var jobs []job
	for i := range page.Frameworks {
		for j := range page.Frameworks[i].Controls {
			c := &page.Frameworks[i].Controls[j]
			jobs = append(jobs, job{"control", c, &c.HTML})
		}
	}
	for _, s := range page.Severities {
		for _, r := range s.Rules {
			jobs = append(jobs, job{"rule", r, &r.HTML})
		}
	}
	errs := make([]error, len(jobs))
	parallel.Each(runtime.GOMAXPROCS(0), len(jobs), func(i int) {
		var buf bytes.Buffer
		errs[i] = htmlTemplate.ExecuteTemplate(&buf, jobs[i].name, jobs[i].data)
		*jobs[i].out = template.HTML(buf.String()) // html/template's own output, escaped
	})
	return errors.Join(errs...)
}
