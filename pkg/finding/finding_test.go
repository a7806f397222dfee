package finding

import "testing"

func TestFingerprint(t *testing.T) {
	base := Finding{RuleID: "R-1", Kind: KindDeny, Message: "one wording", Resource: "aws_s3_bucket.b", Attribute: "acl", File: "plan.json", Line: 3}
	fp := Fingerprint(base)
	if len(fp) != 32 {
		t.Fatalf("fingerprint %q: want 32 hex characters", fp)
	}
	same := base
	same.Message, same.Line, same.Kind = "another wording", 9, KindWarn
	if Fingerprint(same) != fp {
		t.Error("fingerprint changed with the message, line or kind")
	}
	for name, change := range map[string]func(*Finding){
		"rule":      func(f *Finding) { f.RuleID = "R-2" },
		"resource":  func(f *Finding) { f.Resource = "aws_s3_bucket.c" },
		"attribute": func(f *Finding) { f.Attribute = "policy" },
		"file":      func(f *Finding) { f.File = "other.json" },
		"split":     func(f *Finding) { f.RuleID, f.Resource = "R-1aws_s3_bucket.b", "" },
	} {
		other := base
		change(&other)
		if Fingerprint(other) == fp {
			t.Errorf("changing the %s kept the fingerprint", name)
		}
	}
}
