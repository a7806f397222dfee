package tfconfig

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// key is one instance of a resource or module call: no key, a count
// index or a for_each key, with the values count.* or each.* take.
type key struct {
	index any // nil, int or string
	extra map[string]cty.Value
}

// suffix is the key as it appears in an address: "", "[0]", `["a"]`.
func (k key) suffix() string {
	switch v := k.index.(type) {
	case int:
		return "[" + strconv.Itoa(v) + "]"
	case string:
		return "[" + strconv.Quote(v) + "]"
	}
	return ""
}

// expand returns the instances that count or for_each ask for, or why
// they cannot be known before apply. extra is the enclosing context (a
// dynamic block's iterator, never count or each of the same block).
func (i *instance) expand(count, forEach hcl.Expression, extra map[string]cty.Value) ([]key, string) {
	switch {
	case count != nil:
		return i.expandCount(count, extra)
	case forEach != nil:
		return i.expandForEach(forEach, extra)
	}
	return []key{{}}, ""
}

func (i *instance) expandCount(expr hcl.Expression, extra map[string]cty.Value) ([]key, string) {
	v, _ := i.eval(expr, extra).Unmark()
	if !v.IsKnown() {
		return nil, "count is not known before apply" + i.dependsOn(expr, extra) + ": its instances were not evaluated"
	}
	n, err := convert.Convert(v, cty.Number)
	if err != nil || n.IsNull() {
		return nil, "count is not a number: its instances were not evaluated"
	}
	bf := n.AsBigFloat()
	c, acc := bf.Int64()
	if acc != big.Exact || c < 0 {
		return nil, fmt.Sprintf("count %s is not a whole number of instances: none was evaluated", bf.Text('f', -1))
	}
	if c > int64(i.l.opts.MaxResources) {
		c = int64(i.l.opts.MaxResources) + 1 // addResource refuses the rest with its line
	}
	keys := make([]key, c)
	for j := range keys {
		keys[j] = key{index: j, extra: with(extra, "count", cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(j))}))}
	}
	return keys, ""
}

func (i *instance) expandForEach(expr hcl.Expression, extra map[string]cty.Value) ([]key, string) {
	v, _ := i.eval(expr, extra).UnmarkDeep()
	if !v.IsKnown() {
		return nil, "for_each is not known before apply" + i.dependsOn(expr, extra) + ": its instances were not evaluated"
	}
	if v.IsNull() {
		return nil, "for_each is null: its instances were not evaluated"
	}
	ty := v.Type()
	var keys []key
	switch {
	case ty.IsMapType() || ty.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			keys = append(keys, eachKey(k.AsString(), val, extra))
		}
	case ty.IsSetType():
		if !v.IsWhollyKnown() {
			return nil, "for_each is not known before apply" + i.dependsOn(expr, extra) + ": its instances were not evaluated"
		}
		for it := v.ElementIterator(); it.Next(); {
			_, val := it.Element()
			s, err := convert.Convert(val, cty.String)
			if err != nil || s.IsNull() {
				return nil, "for_each is a set of values that are not strings: its instances were not evaluated"
			}
			keys = append(keys, eachKey(s.AsString(), val, extra))
		}
	default:
		return nil, fmt.Sprintf("for_each is a %s, not a map or a set of strings: its instances were not evaluated", ty.FriendlyName())
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a].index.(string) < keys[b].index.(string) })
	return keys, ""
}

func eachKey(k string, val cty.Value, extra map[string]cty.Value) key {
	return key{index: k, extra: with(extra, "each", cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(k), "value": val}))}
}

// with is extra and name=v, extra left unchanged.
func with(extra map[string]cty.Value, name string, v cty.Value) map[string]cty.Value {
	out := make(map[string]cty.Value, len(extra)+1)
	for k, x := range extra {
		out[k] = x
	}
	out[name] = v
	return out
}

// dependsOn names what an unknown expression depends on, for the reason
// a part was not evaluated.
func (i *instance) dependsOn(expr hcl.Expression, extra map[string]cty.Value) string {
	refs := i.refs(expr, extra)
	if len(refs) == 0 {
		return ""
	}
	if len(refs) > 3 {
		refs = append(refs[:3:3], "...")
	}
	s := " (it depends on "
	for j, r := range refs {
		if j > 0 {
			s += ", "
		}
		s += r
	}
	return s + ")"
}
