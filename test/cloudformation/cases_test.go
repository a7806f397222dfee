// Package cloudformation holds the CloudFormation cases of the AWS rules:
// for each rule that judges templates, a template that passes, one that
// fails and one whose verdict waits on the deployment (unknown), run
// through the whole scanner, as a user's template would be.
package cloudformation

import (
	"bufio"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

// minRules is the number of rules that must have CloudFormation cases: it
// only goes up, so that no rule's cases are lost.
const minRules = 146

// notOnTemplates are the AWS rules without CloudFormation cases, with why.
// Every other AWS rule has them (TestEveryAWSRuleHasCases), so that no
// rule passes templates that the view does not give it.
var notOnTemplates = map[string]string{
	"TNT-AWS-EC2-002": "EBS encryption by default is an account setting that no resource type holds",
	"TNT-AWS-IAM-001": "the account password policy has no resource type",
	"TNT-AWS-IAM-002": "the account password policy has no resource type",
	"TNT-AWS-IAM-003": "the account password policy has no resource type",
	"TNT-AWS-IAM-004": "the account password policy has no resource type",
	"TNT-AWS-IAM-010": "judged on the account baseline that the password policy stands for, which no template declares",
	"TNT-AWS-IAM-012": "needs an access key's creation date, which no template holds",
	"TNT-AWS-S3-004":  "the account's S3 Block Public Access has no resource type",
	"TNT-AWS-S3-009":  "MFA delete is turned on by the root user through the API: no template passes",
	"TNT-AWS-VPC-005": "a VPC's default security group is AWS's: no template passes",
}

// caseFiles are the templates of each rule's directory.
var caseFiles = []string{"pass.yaml", "fail.yaml", "unknown.yaml"}

// TestCases runs every case, with the rule's data.yaml as --data when it
// has one (the parameters of the built-in rules). A rule whose verdict never waits on the
// deployment has unknown.none, saying why, instead of unknown.yaml. A case file names what the rule must find in
// it on lines "# expect: KIND RESOURCE" (deny, warn or unknown and the
// address); pass.yaml names nothing, and the rule must have checked a
// resource in it, so that a template the view does not understand cannot
// pass. Every finding of the rule must point at a line.
func TestCases(t *testing.T) {
	dirs, err := os.ReadDir("cases")
	if err != nil {
		t.Fatal(err)
	}
	s, err := tenet.New(t.Context(), tenet.WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, r := range s.Rules() {
		known[r.ID] = true
	}
	rules := 0
	for _, d := range dirs {
		id := d.Name()
		if !d.IsDir() || !known[id] {
			t.Errorf("cases/%s: not a rule id", id)
			continue
		}
		rules++
		scanner := s
		// A rule that needs parameters has them in data.yaml, as --data.
		if data := filepath.Join("cases", id, "data.yaml"); exists(data) {
			if scanner, err = tenet.New(t.Context(), tenet.WithVersion("test"), tenet.WithData(data)); err != nil {
				t.Fatal(err)
			}
		}
		for _, name := range caseFiles {
			path := filepath.Join("cases", id, name)
			if name == "unknown.yaml" && exists(filepath.Join("cases", id, "unknown.none")) {
				continue // the rule has no unknown verdict; the file says why
			}
			t.Run(id+"/"+name, func(t *testing.T) {
				want, err := expectations(path)
				if err != nil {
					t.Fatal(err)
				}
				if name == "pass.yaml" && len(want) > 0 {
					t.Fatalf("a pass case expects findings: %v", want)
				}
				if name != "pass.yaml" && len(want) == 0 {
					t.Fatalf("no '# expect: KIND RESOURCE' line")
				}
				res, err := scanner.Scan(t.Context(), path)
				if err != nil {
					t.Fatal(err)
				}
				if in := res.Inputs[0]; in.Format != "cloudformation" {
					t.Fatalf("read as %s, not as a template", in.Format)
				}
				var got []string
				for _, f := range res.Findings {
					if f.RuleID != id {
						continue
					}
					got = append(got, string(f.Kind)+" "+f.Resource)
					if f.Line == 0 {
						t.Errorf("%s %s has no line", f.Kind, f.Resource)
					}
				}
				sort.Strings(got)
				if !slices.Equal(got, want) {
					t.Errorf("findings %q, want %q", got, want)
				}
				if name == "pass.yaml" && checked(res, id) == 0 {
					t.Errorf("the rule checked no resource of the template")
				}
			})
		}
	}
	if rules < minRules {
		t.Errorf("%d rules have CloudFormation cases, want %d at least", rules, minRules)
	}
}

// TestEveryAWSRuleHasCases: an AWS rule has CloudFormation cases or says,
// in notOnTemplates, why it has none.
func TestEveryAWSRuleHasCases(t *testing.T) {
	s, err := tenet.Load(t.Context(), tenet.WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	unused := maps.Clone(notOnTemplates)
	for _, r := range s.Rules() {
		if !strings.HasPrefix(r.ID, "TNT-AWS-") {
			continue
		}
		has := exists(filepath.Join("cases", r.ID))
		why, listed := notOnTemplates[r.ID]
		switch {
		case !has && !listed:
			t.Errorf("%s has no CloudFormation cases (cases/%s) and is not in notOnTemplates", r.ID, r.ID)
		case has && listed:
			t.Errorf("%s has CloudFormation cases but notOnTemplates says: %s", r.ID, why)
		}
		delete(unused, r.ID)
	}
	for id := range unused {
		t.Errorf("notOnTemplates lists %s, which is not a rule", id)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// expectations reads the "# expect:" lines of a case, sorted.
func expectations(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var want []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "# expect:"); ok {
			want = append(want, strings.Join(strings.Fields(rest), " "))
		}
	}
	sort.Strings(want)
	return want, sc.Err()
}

func checked(res *finding.Result, id string) int {
	for _, r := range res.Rules {
		if r.Rule.ID == id {
			return r.Checked
		}
	}
	return 0
}
