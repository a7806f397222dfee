package finding

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestControlLess(t *testing.T) {
	ids := []string{"AC-21", "2.1.10", "AC-3", "SC-28(1)", "2.1.4", "AC-3(10)", "SC-28", "AC-3(2)", "164.312(a)(1)", "CC6.1", "4.1", "4.10", "4.2"}
	sort.Slice(ids, func(i, j int) bool { return ControlLess(ids[i], ids[j]) })
	want := []string{"2.1.4", "2.1.10", "4.1", "4.2", "4.10", "164.312(a)(1)", "AC-3", "AC-3(2)", "AC-3(10)", "AC-21", "CC6.1", "SC-28", "SC-28(1)"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}
