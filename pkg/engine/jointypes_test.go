package engine

import (
	"slices"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/test/bench"
)

// planTypes lists the Terraform resource types the equivalence tests put
// in generated plans: every type a built-in rule selects and every type a
// rule reads only to join (a bucket's public access block, a flow log's
// network), which before appeared only in the files of ../shared/data.
func planTypes(t *testing.T, cat *catalog.Catalog) []string {
	t.Helper()
	byPkg, builtin := modulesByPackage(cat)
	known := newReads(byPkg, builtin)
	types := bench.ResourceTypes(cat.Rules, "terraform")
	selected := len(types)
	rules := map[string]bool{}
	for _, ev := range cat.Evals {
		r := ev.Ref[:strings.LastIndex(ev.Ref, ".")]
		if rules[r] || ev.Raw {
			continue
		}
		rules[r] = true
		read, ok := known.readTypes(r, nil)
		if !ok {
			continue
		}
		for _, typ := range read {
			// The scan lists every type-like constant (attribute names
			// too): keep whole resource types of the providers.
			provider := strings.HasPrefix(typ, "aws_") || strings.HasPrefix(typ, "azurerm_") || strings.HasPrefix(typ, "google_")
			if provider && !strings.HasSuffix(typ, "_") && !slices.Contains(types, typ) {
				types = append(types, typ)
			}
		}
	}
	if len(types) == selected {
		t.Fatal("no join-only type found: the reads scan is broken")
	}
	slices.Sort(types)
	return types
}

// TestPlanTypesHoldJoinOnlyTypes: the join-only types are part of what the
// equivalence tests generate.
func TestPlanTypesHoldJoinOnlyTypes(t *testing.T) {
	cat := builtinCatalog(t)
	types := planTypes(t, cat)
	for _, want := range []string{"aws_s3_bucket_public_access_block", "aws_flow_log", "azurerm_subnet_network_security_group_association"} {
		if !slices.Contains(types, want) {
			t.Errorf("%s is not among the generated types", want)
		}
	}
}
