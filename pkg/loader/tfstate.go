package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
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
// values (topMembers: brackets and strings only; the loader that decodes
// the values checks them), and checks that nothing follows the object. On
// bad JSON it decodes the whole file after all, for the decoder's more
// precise position.
func topLevelKeys(data []byte) (map[string]bool, error) {
	if keys, ok := scanTopLevelKeys(data); ok {
		return keys, nil
	}
	if _, err := decodeJSON(data); err != nil {
		return nil, err
	}
	return nil, errors.New("not a Terraform state: the top level is not an object")
}

func scanTopLevelKeys(data []byte) (map[string]bool, bool) {
	members, ok := topMembers(data, [2]int{-1, -1})
	if !ok {
		return nil, false
	}
	keys := make(map[string]bool, len(members))
	for _, m := range members {
		var key string
		if json.Unmarshal(data[m.key[0]:m.key[1]], &key) != nil {
			return nil, false
		}
		keys[key] = true
	}
	return keys, true
}

func loadShowState(doc *input.Document, data []byte) error {
	st, err := decodeShowState(data, runtime.GOMAXPROCS(0), parallelResources)
	if err != nil {
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
	rawHead
	Resources []rawResource `json:"resources"`
}

// rawHead is a raw state's header.
type rawHead struct {
	Version          json.Number `json:"version"`
	TerraformVersion string      `json:"terraform_version"`
}

// rawHeadFields are the JSON names of rawHead's fields.
var rawHeadFields = []string{"version", "terraform_version"}

// rawResource is one resource of a raw state, with its instances.
type rawResource struct {
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
}

// parallelResources is the number of resources from which a raw state's
// resources are decoded by several goroutines.
const parallelResources = 256

// decodeRawState decodes a raw state. A large one's resources, most of the
// file, are decoded side by side by n goroutines (splitDecode), as a
// plan's changes are: on one core, through a Decoder that copied the whole
// file into a buffer grown by doubling, a 29 MB state of 49,000 resources
// took 0.8 s. If any part fails, the state is decoded again in one pass,
// whose error is the one to report.
func decodeRawState(data []byte, n, minResources int) (rawState, error) {
	var head rawHead
	resources, _, split, ok := splitDecode[rawResource](data, "resources", n, minResources, func(array [2]int) bool {
		return decodeAround(data, array, rawHeadFields, func(field int, value []byte) bool {
			if field == 0 {
				return json.Unmarshal(value, &head.Version) == nil
			}
			return json.Unmarshal(value, &head.TerraformVersion) == nil
		}, func(rest []byte) bool { return json.Unmarshal(rest, &head) == nil })
	})
	if split && ok {
		return rawState{rawHead: head, Resources: resources}, nil
	}
	if split {
		// Most likely the file is malformed: a scan finds a syntax error
		// without the copy of the whole file that the Decoder buffers.
		if err := syntaxError(data); err != nil {
			return rawState{}, err
		}
	}
	var st rawState
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&st); err != nil {
		return rawState{}, jsonError(data, err)
	}
	return st, nil
}

func loadRawState(doc *input.Document, data []byte) error {
	st, err := decodeRawState(data, runtime.GOMAXPROCS(0), parallelResources)
	if err != nil {
		return err
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
