package tenet

import (
	"errors"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestNestedStacks: a nested stack whose template is on disk is read with
// the parameters its parent passes, its findings point into its own file;
// one that is not on disk is not evaluated, never a pass; a broken one is
// an input error, and the parent is still judged.
func TestNestedStacks(t *testing.T) {
	res, err := Scan(t.Context(), []string{"testdata/nested/parent.yaml"}, WithVersion("test"))
	var incomplete *IncompleteError
	if !errors.As(err, &incomplete) {
		t.Fatalf("err = %v, want the broken nested template as an input error", err)
	}
	var versioning *finding.Finding
	for i, f := range res.Findings {
		if f.RuleID == "TNT-AWS-S3-008" {
			versioning = &res.Findings[i]
		}
	}
	if versioning == nil || versioning.Resource != "Storage/Data" || versioning.File != "testdata/nested/storage.yaml" || versioning.Line != 6 {
		t.Errorf("versioning finding %+v: want Storage/Data at testdata/nested/storage.yaml:6 (the parent passes Versioning: Suspended)", versioning)
	}
	got := map[string]string{}
	for _, in := range res.Inputs {
		got[in.Path] = string(in.Status) + ": " + in.Reason
	}
	for path, want := range map[string]string{
		"testdata/nested/parent.yaml":                          "evaluated: ",
		"https://s3.amazonaws.com/acme-templates/network.yaml": "not_evaluated: nested stack Remote of testdata/nested/parent.yaml: its template is not on disk",
		"testdata/nested/missing.yaml":                         "not_evaluated: nested stack Missing of testdata/nested/parent.yaml: its template is not on disk",
	} {
		if !strings.HasPrefix(got[path], want) {
			t.Errorf("input %s: %q, want %q", path, got[path], want)
		}
	}
	if res.Summary.NotEvaluated != 2 || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "broken.yaml:2: resource B has no Type") {
		t.Errorf("not evaluated %d, errors %+v", res.Summary.NotEvaluated, res.Errors)
	}
}

// TestNestedStackLoop: a stack that includes itself is an input error at
// the first repeat, not an endless read.
func TestNestedStackLoop(t *testing.T) {
	res, err := Scan(t.Context(), []string{"testdata/nested/loop/self.yaml"}, WithVersion("test"))
	var incomplete *IncompleteError
	if !errors.As(err, &incomplete) || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "the stack includes itself") {
		t.Fatalf("err = %v, errors %+v", err, res.Errors)
	}
}
