// Terraform plans.

package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
)

// WritePlan writes a Terraform plan (terraform show -json) of n resource
// changes over types, one resource after another so that a plan of 100,000
// resources never sits in memory. Like a real plan it has the planned
// values and the configuration besides the changes, about 3.5 KB a
// resource in all. Types with a template below get realistic attributes,
// compliant or not at random; the others get the attributes every resource
// has, which most rules judge as failing. About one resource in ten has an
// attribute unknown until apply, one in twenty is deleted and one in fifty
// is a data source; all but one in 25 are in modules.
func WritePlan(w io.Writer, n int, types []string, seed uint64) error {
	if len(types) == 0 {
		return fmt.Errorf("no resource types")
	}
	// Templated types are the common ones in real estates: weight them.
	var pick []string
	for _, t := range types {
		pick = append(pick, t)
		if _, ok := templates[t]; ok {
			pick = append(pick, t, t, t, t, t, t, t)
		}
	}
	g := &planWriter{w: bufio.NewWriterSize(w, 1<<20), n: n, pick: pick, seed: seed}
	g.str(`{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{"root_module":`)
	g.module(-1, "values")
	g.str(`},"resource_changes":[`)
	for i := range n {
		if i > 0 {
			g.str(",")
		}
		g.json(g.resource(i).change)
	}
	g.str(`],"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{"region":{"constant_value":"eu-west-1"}}}},"root_module":`)
	g.module(-1, "config")
	g.str("}}\n")
	if g.err != nil {
		return g.err
	}
	return g.w.Flush()
}

// planWriter writes one plan; resource(i) is the same every time it is
// asked for, so each section of the plan regenerates it.
type planWriter struct {
	w    *bufio.Writer
	n    int
	pick []string
	seed uint64
	err  error
}

func (g *planWriter) str(s string) {
	if g.err == nil {
		_, g.err = g.w.WriteString(s)
	}
}

func (g *planWriter) json(v any) {
	data, err := json.Marshal(v)
	if err != nil && g.err == nil {
		g.err = err
	}
	g.str(string(data))
}

const modules = 25

// module writes the root module (m = -1) or child module m of the planned
// values or of the configuration, with the resources it holds.
func (g *planWriter) module(m int, section string) {
	g.str("{")
	if m >= 0 && section == "values" {
		g.str(fmt.Sprintf(`"address":"module.team%d",`, m))
	}
	g.str(`"resources":[`)
	first := true
	for i := max(m, 0); i < g.n; i += modules {
		r := g.resource(i)
		if r.module != m || section == "values" && r.deleted {
			continue
		}
		if !first {
			g.str(",")
		}
		first = false
		if section == "values" {
			g.json(map[string]any{"address": r.change["address"], "mode": r.mode, "type": r.typ, "name": r.name,
				"provider_name": provider(r.typ), "schema_version": 0, "values": r.values, "sensitive_values": map[string]any{"tags": map[string]any{}}})
			continue
		}
		expr := make(map[string]any, len(r.values))
		for k, v := range r.values {
			if v != nil {
				expr[k] = map[string]any{"constant_value": v}
			}
		}
		g.str(`{"address":"` + r.prefix + r.typ + "." + r.name + `","mode":"` + r.mode + `","type":"` + r.typ + `","name":"` + r.name + `","provider_config_key":"aws","schema_version":0,"expressions":`)
		g.json(expr)
		g.str("}")
	}
	g.str("]")
	if m >= 0 {
		g.str("}")
		return
	}
	if section == "values" {
		g.str(`,"child_modules":[`)
	} else {
		g.str(`,"module_calls":{`)
	}
	for c := 1; c < min(modules, g.n); c++ {
		if c > 1 {
			g.str(",")
		}
		if section == "values" {
			g.module(c, section)
			continue
		}
		g.str(fmt.Sprintf(`"team%d":{"source":"./modules/team%d","module":`, c, c))
		g.module(c, "config")
		g.str("}")
	}
	if section == "values" {
		g.str("]}")
	} else {
		g.str("}}")
	}
}

// genResource is one generated resource and its change.
type genResource struct {
	change                  map[string]any
	values                  map[string]any
	typ, name, mode, prefix string
	module                  int // -1 for the root module
	deleted                 bool
}

func (g *planWriter) resource(i int) genResource {
	rng := rand.New(rand.NewPCG(g.seed, uint64(i)))
	return resourceChange(rng, i, g.pick[rng.IntN(len(g.pick))])
}

func resourceChange(rng *rand.Rand, i int, typ string) genResource {
	compliant := rng.IntN(2) == 0
	values := map[string]any{
		"tags":     map[string]any{"team": fmt.Sprintf("team-%d", i%17), "env": []string{"prod", "staging", "dev"}[i%3], "cost-center": fmt.Sprintf("cc-%04d", i%997)},
		"tags_all": map[string]any{"team": fmt.Sprintf("team-%d", i%17), "managed-by": "terraform"},
		"timeouts": nil,
	}
	unknown := map[string]any{"id": true, "arn": true, "tags_all": map[string]any{}}
	if t, ok := templates[typ]; ok {
		for k, v := range t(rng, i, compliant) {
			values[k] = v
		}
	} else {
		values["name"] = fmt.Sprintf("%s-%d", typ, i)
		values["description"] = "generated by the tenet benchmark"
	}
	if rng.IntN(10) == 0 {
		// An attribute the rules read, known only after apply.
		keys := make([]string, 0, len(values))
		for k := range values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		k := keys[rng.IntN(len(keys))]
		values[k] = nil
		unknown[k] = true
	}
	r := genResource{values: values, typ: typ, name: fmt.Sprintf("r%d", i), mode: "managed", module: -1}
	if rng.IntN(50) == 0 {
		r.mode, r.prefix = "data", "data."
	}
	actions := []string{"create"}
	var before, after any = nil, values
	switch x := rng.IntN(20); {
	case x == 0:
		actions, before, after, r.deleted = []string{"delete"}, values, nil, true
	case x < 4:
		actions, before = []string{"update"}, values
	case x < 6:
		actions, before = []string{"no-op"}, values
	}
	address := r.prefix + typ + "." + r.name
	r.change = map[string]any{
		"address": address, "mode": r.mode, "type": typ, "name": r.name,
		"provider_name": provider(typ),
		"change": map[string]any{
			"actions": actions, "before": before, "after": after, "after_unknown": unknown,
			"before_sensitive": false, "after_sensitive": map[string]any{"tags": map[string]any{}},
		},
	}
	if m := i % modules; m > 0 {
		module := fmt.Sprintf("module.team%d", m)
		r.module = m
		r.change["module_address"] = module
		r.change["address"] = module + "." + address
	}
	return r
}

func provider(typ string) string {
	for _, p := range []string{"aws", "azurerm", "google"} {
		if len(typ) > len(p) && typ[:len(p)+1] == p+"_" {
			return "registry.terraform.io/hashicorp/" + p
		}
	}
	return "registry.terraform.io/hashicorp/null"
}
