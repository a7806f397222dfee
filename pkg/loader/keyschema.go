package loader

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tenet-dev/tenet/pkg/input"
)

// keySchema tells, for one JSON value, which object keys the loader reads
// through a Go struct: encoding/json matches a struct field's name ignoring
// case when no key matches it exactly, so "AFTER" fills Change.After while
// jq, Python, OPA and reviewers see a key that is not "after". Values
// decoded into maps, interfaces and raw messages keep their keys as
// written in every decoder, so only structs need a schema.
//
// A nil *keySchema, or one with every field nil, is a value whose keys
// are read as written.
type keySchema struct {
	fields map[string]*schemaField // a struct's fields by the name Terraform writes; nil if not a struct
	folded map[string]*schemaField // the same fields by folded name
	values *keySchema              // every value of a map
	elems  *keySchema              // every element of an array
}

type schemaField struct {
	name   []byte
	schema *keySchema
}

// keyed is implemented by the loader's own types whose UnmarshalJSON
// decodes into structs: they describe what they read.
type keyed interface {
	fillKeySchema(b *schemaBuilder, s *keySchema)
}

// schemaBuilder derives keySchemas from the Go types the loaders decode
// into, so that they follow those types (and terraform-json's) as they
// change.
type schemaBuilder struct {
	done   map[reflect.Type]*keySchema
	opaque []reflect.Type // types decoded by their own UnmarshalJSON, for tests
}

var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	keyedType       = reflect.TypeFor[keyed]()
	// tfjson.State.UnmarshalJSON decodes into a copy of State itself: its
	// fields are what it reads.
	stateType = reflect.TypeFor[tfjson.State]()
)

func (b *schemaBuilder) of(t reflect.Type) *keySchema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := b.done[t]; ok {
		return s
	}
	s := &keySchema{}
	b.done[t] = s // before recursing: StateModule holds StateModules
	switch {
	case reflect.PointerTo(t).Implements(keyedType):
		reflect.New(t).Interface().(keyed).fillKeySchema(b, s)
		return s
	case t != stateType && (t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType)):
		b.opaque = append(b.opaque, t)
		return s // decoded by its own code (cty.Type): not a struct's fields
	}
	switch t.Kind() {
	case reflect.Struct:
		s.fields, s.folded = map[string]*schemaField{}, map[string]*schemaField{}
		b.addFields(s, t)
	case reflect.Map:
		s.values = b.of(t.Elem())
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() != reflect.Uint8 { // []byte is a base64 string
			s.elems = b.of(t.Elem())
		}
	}
	return s
}

// addFields adds the fields of struct type t as encoding/json names them:
// the tag's name, else the Go name; "-" and unexported fields are left
// out; an untagged embedded struct's fields count as t's own.
func (b *schemaBuilder) addFields(s *keySchema, t reflect.Type) {
	var embedded []reflect.Type
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := sf.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if sf.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			embedded = append(embedded, ft)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if _, ok := s.fields[name]; ok {
			continue
		}
		f := &schemaField{name: []byte(name), schema: b.of(sf.Type)}
		s.fields[name] = f
		s.folded[string(foldKey([]byte(name)))] = f
	}
	for _, e := range embedded { // shallower fields win, as in encoding/json
		b.addFields(s, e)
	}
}

// union is a schema for a value that is decoded as either a or b (the
// two forms of Terraform state): a struct with the fields of both. A field
// in both keeps a's schema.
func union(a, b *keySchema) *keySchema {
	s := &keySchema{fields: map[string]*schemaField{}, folded: map[string]*schemaField{}}
	for _, from := range []*keySchema{a, b} {
		for name, f := range from.fields {
			if _, ok := s.fields[name]; !ok {
				s.fields[name] = f
				s.folded[string(foldKey(f.name))] = f
			}
		}
	}
	return s
}

// Schemas are built once: they depend only on the types.
var (
	planKeySchema = sync.OnceValue(func() *keySchema {
		b := &schemaBuilder{done: map[reflect.Type]*keySchema{}}
		return b.of(reflect.TypeFor[planFields]())
	})
	stateKeySchema = sync.OnceValue(func() *keySchema {
		b := &schemaBuilder{done: map[reflect.Type]*keySchema{}}
		return union(b.of(stateType), b.of(reflect.TypeFor[rawState]()))
	})
)

// keySchemaFor returns the schema of a file of the given format: nil for
// the formats decoded without structs (Kubernetes, JSON and YAML are read
// into maps, whose keys stay as written).
func keySchemaFor(f input.Format) *keySchema {
	switch f {
	case input.FormatTerraformPlan:
		return planKeySchema()
	case input.FormatTerraformState:
		return stateKeySchema()
	}
	return nil
}

// foldKey folds a key as encoding/json does when it matches struct fields
// (its foldName): ASCII letters to upper case, any other rune to the
// smallest rune of its Unicode case-folding orbit, so that "ſ" (U+017F)
// folds with "s" and "S", and the Kelvin sign (U+212A) with "k" and "K".
func foldKey(key []byte) []byte {
	out := make([]byte, 0, len(key))
	for i := 0; i < len(key); {
		c := key[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(key[i:])
		out = utf8.AppendRune(out, smallestFold(r))
		i += n
	}
	return out
}

// smallestFold returns the smallest rune that folds to the same as r.
func smallestFold(r rune) rune {
	smallest := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		smallest = min(smallest, f)
	}
	return smallest
}
