package finding

import "testing"

func TestFingerprint(t *testing.T) {
	base := Finding{RuleID: "R-1", Kind: KindDeny, Severity: SeverityHigh, Message: "one wording", Resource: "aws_s3_bucket.b", Attribute: "acl", File: "plan.json", Line: 3}
	fp := Fingerprint(base, base.File)
	if len(fp) != 32 {
		t.Fatalf("fingerprint %q: want 32 hex characters", fp)
	}
	if Fingerprint(base, base.File) != fp {
		t.Error("fingerprint not stable")
	}
	same := base
	same.Line, same.Kind, same.Severity, same.Baseline = 9, KindWarn, SeverityLow, BaselineNew
	same.Waiver = &Waiver{Rule: "R-1", Reason: "r"}
	if Fingerprint(same, same.File) != fp {
		t.Error("fingerprint changed with the line, kind, severity, waiver or baseline mark")
	}
	for name, change := range map[string]func(*Finding){
		"rule":      func(f *Finding) { f.RuleID = "R-2" },
		"resource":  func(f *Finding) { f.Resource = "aws_s3_bucket.c" },
		"attribute": func(f *Finding) { f.Attribute = "policy" },
		"file":      func(f *Finding) { f.File = "other.json" },
		"message":   func(f *Finding) { f.Message = "another wording" },
		"document":  func(f *Finding) { f.Document = "#2" },
		"split":     func(f *Finding) { f.RuleID, f.Resource = "R-1aws_s3_bucket.b", "" },
		"shift":     func(f *Finding) { f.Attribute, f.Document = "", "acl" },
	} {
		other := base
		change(&other)
		if Fingerprint(other, other.File) == fp {
			t.Errorf("changing the %s kept the fingerprint", name)
		}
	}
}

// TestFingerprintWithoutResource is the defect of issue 14: two findings
// of a conftest-style rule on one file, which name no resource, have told
// apart by their message and by their document.
func TestFingerprintWithoutResource(t *testing.T) {
	a := Finding{RuleID: "main.deny", Kind: KindDeny, Message: "app: image nginx:latest uses latest", File: "app.yaml"}
	b := Finding{RuleID: "main.deny", Kind: KindDeny, Message: "app: container b is privileged", File: "app.yaml"}
	if Fingerprint(a, a.File) == Fingerprint(b, b.File) {
		t.Error("two messages on one file share a fingerprint")
	}
	c, d := a, a
	c.Document, d.Document = "#1", "#2"
	if Fingerprint(c, c.File) == Fingerprint(d, d.File) {
		t.Error("one message on two documents shares a fingerprint")
	}
}

func TestFingerprintPathSpelling(t *testing.T) {
	f := Finding{RuleID: "R-1", Message: "m", Resource: "Pod/p"}
	want := Fingerprint(f, "k8s/pod.yaml")
	for _, p := range []string{"./k8s/pod.yaml", "k8s//pod.yaml", "k8s/./pod.yaml", "k8s/x/../pod.yaml"} {
		if got := Fingerprint(f, p); got != want {
			t.Errorf("path %q: fingerprint differs from k8s/pod.yaml", p)
		}
	}
	if Fingerprint(f, "k8s/other.yaml") == want {
		t.Error("another file has the same fingerprint")
	}
}
