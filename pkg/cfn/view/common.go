package view

import (
	"encoding/json"
	"strconv"
)

// Policy writes the IAM policy document of property prop to attr as the
// JSON string Terraform holds. References to the template's resources,
// the account or the region are written by name (cfn.Resource.Render);
// a document with any other unknown part is unknown.
func (r *Res) Policy(attr, prop string) {
	if !r.Writes(prop) {
		return
	}
	r.from(attr, prop)
	doc, ok := r.src.Render(prop)
	if !ok {
		r.unknown(attr)
		return
	}
	if s, isString := doc.(string); isString {
		r.put(attr, s) // a document written as a JSON string already
		return
	}
	data, err := json.Marshal(doc)
	if err != nil {
		r.unknown(attr)
		return
	}
	r.put(attr, string(data))
}

// SetList is Set for a list property whose items may be unknown one by
// one (Groups: [!Ref Admins, readers]): an unknown item is unknown in
// the attribute and null in its value, so that no rule reads the
// symbolic text that stands for it as a name.
func (r *Res) SetList(attr, prop string) {
	if !r.Writes(prop) {
		return
	}
	if r.Unknown(prop) {
		r.UnknownAttr(attr, prop)
		return
	}
	items := make([]any, r.Len(prop))
	for i := range items {
		item := prop + "." + strconv.Itoa(i)
		if r.Unknown(item) {
			r.unknown(attr + "." + strconv.Itoa(i))
			continue
		}
		items[i], _ = r.Get(item)
	}
	r.Value(attr, prop, items)
}

// Tags writes the Key/Value list of property prop (usually Tags) to attr
// as the map Terraform holds; a tag whose value is unknown is unknown.
func (r *Res) Tags(attr, prop string) {
	if !r.Writes(prop) {
		return
	}
	r.from(attr, prop)
	if r.Unknown(prop) {
		r.unknown(attr)
		return
	}
	tags := map[string]any{}
	for i := range r.Len(prop) {
		item := prop + "." + strconv.Itoa(i)
		k, ok := r.Get(item + ".Key")
		key, isString := k.(string)
		if !ok || !isString {
			continue
		}
		if v, ok := r.Get(item + ".Value"); ok {
			tags[key] = v
		} else if r.Unknown(item + ".Value") {
			r.unknown(attr + "." + key)
		}
	}
	r.put(attr, tags)
}

// Bool converts the values CloudFormation accepts for a Boolean (true,
// "true", "false") to a bool.
func Bool(v any) (any, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		b, err := strconv.ParseBool(x)
		return b, err == nil
	}
	return nil, false
}

// Number converts an Integer or Number property (written 5 or "5") to a
// number.
func Number(v any) (any, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case float64:
		return x, true
	case string:
		if i, err := strconv.ParseInt(x, 10, 64); err == nil {
			return i, true
		}
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return nil, false
}

// Enum maps a property's word to Terraform's, e.g. PublicRead to
// public-read; a word not in words is kept.
func Enum(words map[string]string) func(any) (any, bool) {
	return func(v any) (any, bool) {
		if s, ok := v.(string); ok {
			if w, ok := words[s]; ok {
				return w, true
			}
		}
		return v, true
	}
}
