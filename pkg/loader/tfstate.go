package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tenet-dev/tenet/pkg/input"
)

// TerraformState loads Terraform state in both its forms: the JSON of
// `terraform show -json` (with format_version, decoded with terraform-json)
// and a raw terraform.tfstate of version 4. Every resource instance becomes
// one Resource with action "no-op".
type TerraformState struct {
	// KeepRaw fills Document.Raw.
	KeepRaw bool
}

// Load implements Loader.
func (t TerraformState) Load(_ context.Context, path string, data []byte) (input.Document, error) {
	// Which form it is shows in the top-level keys; reading only those keeps
	// a large state from being decoded twice when the raw file is not needed.
	keys, err := topLevelKeys(data)
	if err != nil {
		return input.Document{}, err
	}
	doc := newDocument(path, input.FormatTerraformState)
	if keys["format_version"] {
		err = loadShowState(&doc, data)
	} else {
		err = loadRawState(&doc, data)
	}
	if err != nil {
		return input.Document{}, err
	}
	if t.KeepRaw {
		if doc.Raw, err = decodeJSON(data); err != nil {
			return input.Document{}, err
		}
	}
	return doc, nil
}

// topLevelKeys reads the keys of a JSON object without decoding their
// values, and checks that nothing follows the object. On bad JSON it
// decodes the whole file after all, for the decoder's more precise position.
func topLevelKeys(data []byte) (map[string]bool, error) {
	keys, ok := scanTopLevelKeys(data)
	if ok {
		return keys, nil
	}
	if _, err := decodeJSON(data); err != nil {
		return nil, err
	}
	return nil, errors.New("not a Terraform state: the top level is not an object")
}

func scanTopLevelKeys(data []byte) (map[string]bool, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	keys := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, _ := tok.(string)
		keys[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, false
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, false
	}
	return keys, expectEOF(dec, data) == nil
}

func loadShowState(doc *input.Document, data []byte) error {
	var st tfjson.State
	st.UseJSONNumber(true)
	if err := json.Unmarshal(data, &st); err != nil {
		if e := jsonError(data, err); e != err {
			return e
		}
		return fmt.Errorf("not a Terraform state: %w", err)
	}
	doc.Source.FormatVersion = st.FormatVersion
	doc.Source.ToolVersion = st.TerraformVersion
	if st.Values == nil {
		return nil
	}
	var walk func(m *tfjson.StateModule, module string)
	walk = func(m *tfjson.StateModule, module string) {
		if m == nil {
			return
		}
		for _, r := range m.Resources {
			if r == nil {
				continue
			}
			addr := inModule(module, r.Address)
			doc.Resources = append(doc.Resources, input.Resource{
				Address:       addr,
				ConfigAddress: configAddress(addr),
				Type:          r.Type,
				Name:          r.Name,
				Provider:      r.ProviderName,
				Module:        module,
				Mode:          string(r.Mode),
				Index:         r.Index,
				Action:        input.ActionNoOp,
				Values:        asObject(r.AttributeValues),
				Sensitive:     sensitiveFromJSON(r.SensitiveValues),
				Location:      input.Location{File: doc.Source.Path},
			})
		}
		for _, c := range m.ChildModules {
			if c != nil {
				walk(c, inModule(module, c.Address))
			}
		}
	}
	walk(st.Values.RootModule, "")
	return nil
}

// inModule is the absolute form of addr, an address written in module
// (the absolute address of a module instance, "" for the root module).
// Terraform 0.12 wrote the resources of a child module with addresses
// relative to it (`aws_s3_bucket.b` in module.a); later versions write
// them absolute (`module.a.aws_s3_bucket.b`). Both are read the same, so
// that resources of the same name in two modules stay apart.
func inModule(module, addr string) string {
	if module == "" || addr == "" || strings.HasPrefix(addr, module+".") {
		return addr
	}
	return module + "." + addr
}

func sensitiveFromJSON(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	return leafPaths(v)
}

// rawState is the part of a terraform.tfstate (version 4) that tenet reads.
type rawState struct {
	Version          json.Number `json:"version"`
	TerraformVersion string      `json:"terraform_version"`
	Resources        []struct {
		Module    string `json:"module"`
		Mode      string `json:"mode"`
		Type      string `json:"type"`
		Name      string `json:"name"`
		Provider  string `json:"provider"`
		Instances []struct {
			IndexKey            any            `json:"index_key"`
			Deposed             string         `json:"deposed"`
			Attributes          map[string]any `json:"attributes"`
			SensitiveAttributes sensitivePaths `json:"sensitive_attributes"`
		} `json:"instances"`
	} `json:"resources"`
}

func loadRawState(doc *input.Document, data []byte) error {
	var st rawState
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&st); err != nil {
		return jsonError(data, err)
	}
	if st.Version.String() != "4" {
		return fmt.Errorf("unsupported state version %q (tenet reads version 4; `terraform show -json` works for any)", st.Version.String())
	}
	doc.Source.FormatVersion = st.Version.String()
	doc.Source.ToolVersion = st.TerraformVersion
	for _, r := range st.Resources {
		base := r.Type + "." + r.Name
		mode := "managed"
		if r.Mode == "data" {
			base, mode = "data."+base, "data"
		}
		if r.Module != "" {
			base = r.Module + "." + base
		}
		for _, inst := range r.Instances {
			addr := base + indexSuffix(inst.IndexKey)
			if inst.Deposed != "" {
				addr += " (deposed " + inst.Deposed + ")"
			}
			doc.Resources = append(doc.Resources, input.Resource{
				Address:       addr,
				ConfigAddress: configAddress(base),
				Type:          r.Type,
				Name:          r.Name,
				Provider:      providerName(r.Provider),
				Module:        r.Module,
				Mode:          mode,
				Index:         inst.IndexKey,
				Action:        input.ActionNoOp,
				Values:        asObject(inst.Attributes),
				Sensitive:     rawSensitivePaths(inst.SensitiveAttributes),
				Location:      input.Location{File: doc.Source.Path},
			})
		}
	}
	return nil
}

// providerName turns `provider["registry.terraform.io/hashicorp/aws"]` (or
// `module.x.provider[...]`) into the bare provider address.
func providerName(p string) string {
	if i := strings.Index(p, `["`); i >= 0 && strings.HasSuffix(p, `"]`) {
		return p[i+2 : len(p)-2]
	}
	return p
}

// sensitivePaths is sensitive_attributes as written, decoded by
// rawSensitivePaths, which reads nothing from a form it does not know.
type sensitivePaths []byte

// UnmarshalJSON keeps a copy of b.
func (p *sensitivePaths) UnmarshalJSON(b []byte) error {
	*p = append((*p)[:0], b...)
	return nil
}

func (*sensitivePaths) fillKeySchema(b *schemaBuilder, s *keySchema) {
	*s = *b.of(reflect.TypeFor[[][]pathStep]())
}

// pathStep is one step of a cty path.
type pathStep struct {
	Type  string `json:"type"`
	Value any    `json:"value"`
}

// rawSensitivePaths reads the cty paths of sensitive_attributes:
// [[{"type":"get_attr","value":"password"}]] gives "password".
func rawSensitivePaths(raw sensitivePaths) []string {
	if len(raw) == 0 {
		return nil
	}
	var paths [][]pathStep
	if json.Unmarshal(raw, &paths) != nil {
		return nil
	}
	var out []string
	for _, steps := range paths {
		var segs []string
		for _, s := range steps {
			segs = append(segs, fmt.Sprint(s.Value))
		}
		if len(segs) > 0 {
			out = append(out, strings.Join(segs, "."))
		}
	}
	return sortedUnique(out)
}
