package finding

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestCompare: findings order by file, resource, rule, kind, attribute and
// message, each only when the ones before are equal; Less agrees.
func TestCompare(t *testing.T) {
	base := Finding{File: "b", Resource: "b", RuleID: "b", Kind: "b", Attribute: "b", Message: "b"}
	set := []func(*Finding, string){
		func(f *Finding, v string) { f.File = v },
		func(f *Finding, v string) { f.Resource = v },
		func(f *Finding, v string) { f.RuleID = v },
		func(f *Finding, v string) { f.Kind = Kind(v) },
		func(f *Finding, v string) { f.Attribute = v },
		func(f *Finding, v string) { f.Message = v },
	}
	for i := range set {
		lo, hi := base, base
		set[i](&lo, "a")
		set[i](&hi, "c")
		// A later field cannot overturn an earlier one.
		for j := i + 1; j < len(set); j++ {
			set[j](&lo, "z")
			set[j](&hi, "a")
		}
		if Compare(&lo, &hi) >= 0 || Compare(&hi, &lo) <= 0 || !Less(lo, hi) || Less(hi, lo) {
			t.Errorf("field %d: %+v should come before %+v", i, lo, hi)
		}
	}
	if Compare(&base, &base) != 0 || Less(base, base) {
		t.Error("a finding comes before itself")
	}
}

// TestSort: Sort gives the order of a stable sort by Less, findings that
// compare equal (here told apart by Line) kept in the order they came.
func TestSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var fs []Finding
	for i := range 2000 {
		fs = append(fs, Finding{
			File:     string(rune('a' + r.IntN(2))),
			Resource: string(rune('a' + r.IntN(3))),
			RuleID:   string(rune('a' + r.IntN(3))),
			Kind:     Kind(rune('a' + r.IntN(2))),
			Message:  string(rune('a' + r.IntN(2))),
			Line:     i,
		})
	}
	want := slices.Clone(fs)
	sort.SliceStable(want, func(i, j int) bool { return Less(want[i], want[j]) })
	Sort(fs)
	for i := range fs {
		if fs[i].Line != want[i].Line {
			t.Fatalf("position %d: line %d, want %d", i, fs[i].Line, want[i].Line)
		}
	}
	Sort(nil)
	one := []Finding{{Line: 1}}
	Sort(one)
	// Short lists, in every shape of cycles, sorted or not, with ties.
	for n := 2; n <= 40; n++ {
		for range 50 {
			fs := make([]Finding, n)
			for i := range fs {
				fs[i] = Finding{RuleID: string(rune('a' + r.IntN(n))), Line: i}
			}
			if r.IntN(4) == 0 {
				slices.SortStableFunc(fs, func(a, b Finding) int { return Compare(&a, &b) })
			}
			want := slices.Clone(fs)
			sort.SliceStable(want, func(i, j int) bool { return Less(want[i], want[j]) })
			Sort(fs)
			if !slices.EqualFunc(fs, want, func(a, b Finding) bool { return a.Line == b.Line && a.RuleID == b.RuleID }) {
				t.Fatalf("%d findings: %v, want %v", n, fs, want)
			}
		}
	}
}
