package tenet

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
)

var fixedNow = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// TestLoadEqualsNew: a Scanner from Load, which compiles on its first
// Scan, gives the result a Scanner from New gives, on every scan.
func TestLoadEqualsNew(t *testing.T) {
	dir := t.TempDir()
	p := plan(t, dir, "p.json", bucket("b", `{}`, `{}`)+","+bucket("c", `{"tags": {"x": "y"}}`, `{"encrypted": true}`))
	opts := []Option{withBundleFS(testBundle()), WithNow(fixedNow)}
	eager, err := New(t.Context(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := Load(t.Context(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		want, err := eager.Scan(t.Context(), p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := lazy.Scan(t.Context(), p)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("scan %d: Load differs from New (-New +Load):\n%s", i, diff)
		}
	}
}

// TestLoadDoesNotCompile: Load lists the rules of a policy that reads but
// does not compile; its first Scan reports the policy error, as New does
// at once; a first scan cancelled before the compile ends does not leave
// a Scanner from Load broken.
func TestLoadDoesNotCompile(t *testing.T) {
	bad := testBundle()
	broken := strings.Replace(testRule, "TST-S3-001", "TST-S3-009", 1)
	broken = strings.Replace(broken, "package tenet.test.s3", "package tenet.test.broken", 1)
	broken = strings.Replace(broken, "not r.values.encrypted", "no_such_function(r)", 1)
	bad["broken.rego"] = &fstest.MapFile{Data: []byte(broken)}
	opts := []Option{withBundleFS(bad)}
	var pe *catalog.PolicyError
	if _, err := New(t.Context(), opts...); err == nil {
		t.Fatal("New compiled a policy calling an undefined function")
	}
	s, err := Load(t.Context(), opts...)
	if err != nil {
		t.Fatalf("Load = %v, want the policies read without compiling", err)
	}
	if n := len(s.Rules()); n == 0 {
		t.Error("Load listed no rules")
	}
	_, err = s.Scan(t.Context(), plan(t, t.TempDir(), "p.json", bucket("b", `{}`, `{}`)))
	if err == nil || (!errors.As(err, &pe) && !strings.Contains(err.Error(), "no_such_function")) {
		t.Errorf("first Scan = %v, want the compile error", err)
	}

	good, err := Load(t.Context(), withBundleFS(testBundle()), WithNow(fixedNow))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := good.Scan(ctx, plan(t, t.TempDir(), "p.json", bucket("b", `{}`, `{}`))); err == nil {
		t.Error("a cancelled scan returned no error")
	}
	if _, err := good.Scan(t.Context(), plan(t, t.TempDir(), "p.json", bucket("b", `{}`, `{}`))); err != nil {
		t.Errorf("the scan after a cancelled first scan = %v", err)
	}
}

// TestBuiltinBundles: the revisions that tenet version prints from the
// manifests are those a scanner reports after reading the policies.
func TestBuiltinBundles(t *testing.T) {
	got, err := BuiltinBundles(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.Bundles(), got); diff != "" {
		t.Errorf("bundles (-loaded +manifests):\n%s", diff)
	}
}

// TestLoadMetadataOnly: a Scanner loaded WithMetadataOnly, which parses of
// the embedded rules only their METADATA, lists the rules, controls
// covered and bundles that a full Load lists, with the built-ins alone,
// with a policy from disk, and with filters; it refuses to scan.
func TestLoadMetadataOnly(t *testing.T) {
	policy, err := filepath.Abs("../../test/examples/policy")
	if err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string][]Option{
		"built-ins":   nil,
		"policy":      {WithPolicy(policy)},
		"filtered":    {WithSeverities(finding.SeverityHigh), WithFrameworks("hipaa")},
		"test bundle": {withBundleFS(testBundle())},
	} {
		full, err := Load(t.Context(), opts...)
		if err != nil {
			t.Fatal(err)
		}
		meta, err := Load(t.Context(), append(opts, WithMetadataOnly())...)
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Rules()) == 0 {
			t.Fatalf("%s: no rules: the test checks nothing", name)
		}
		if diff := cmp.Diff(full.Rules(), meta.Rules()); diff != "" {
			t.Errorf("%s: rules differ (-full +metadata only):\n%s", name, diff)
		}
		if diff := cmp.Diff(full.Coverage(), meta.Coverage()); diff != "" {
			t.Errorf("%s: coverage differs (-full +metadata only):\n%s", name, diff)
		}
		if diff := cmp.Diff(full.Bundles(), meta.Bundles()); diff != "" {
			t.Errorf("%s: bundles differ (-full +metadata only):\n%s", name, diff)
		}
		if _, err := meta.Scan(t.Context(), "../../test/examples/plan.json"); err == nil {
			t.Errorf("%s: a Scanner loaded WithMetadataOnly scanned", name)
		}
	}
}
