package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tenet-dev/tenet/pkg/input"
)

// TerraformPlan loads the JSON form of a plan (`terraform show -json
// plan.out`), decoded with terraform-json, whose format_version check it
// keeps. Each resource_changes entry becomes one Resource.
type TerraformPlan struct {
	// KeepRaw fills Document.Raw (a second, generic decode of the file).
	KeepRaw bool
}

// planFields are the parts of a plan that the loader reads. Decoding into
// them rather than into tfjson.Plan skips the planned values, prior state
// and drift, often most of the file, and the second pass over the bytes
// that tfjson.Plan's UnmarshalJSON takes: a third less memory allocated
// (BenchmarkParseGeneratedPlan).
type planFields struct {
	FormatVersion    string                   `json:"format_version"`
	TerraformVersion string                   `json:"terraform_version"`
	ResourceChanges  []*tfjson.ResourceChange `json:"resource_changes"`
	Config           *tfjson.Config           `json:"configuration"`
}

// Load implements Loader.
func (t TerraformPlan) Load(ctx context.Context, path string, data []byte) (input.Document, error) {
	var plan planFields
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&plan); err != nil {
		return input.Document{}, planError(data, err)
	}
	// terraform-json's check of format_version, as its UnmarshalJSON does.
	full := tfjson.Plan{FormatVersion: plan.FormatVersion}
	if err := full.Validate(); err != nil {
		return input.Document{}, planError(data, err)
	}
	if err := expectEOF(dec, data); err != nil {
		return input.Document{}, err
	}
	doc := newDocument(path, input.FormatTerraformPlan)
	doc.Source.FormatVersion = plan.FormatVersion
	doc.Source.ToolVersion = plan.TerraformVersion
	refs := configRefs(plan.Config)
	for i, rc := range plan.ResourceChanges {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return input.Document{}, err
			}
		}
		if rc == nil || rc.Change == nil {
			return input.Document{}, fmt.Errorf("resource_changes[%d] has no change", i)
		}
		doc.Resources = append(doc.Resources, planResource(path, rc, refs))
	}
	if t.KeepRaw {
		raw, err := decodeJSON(data)
		if err != nil {
			return input.Document{}, err
		}
		doc.Raw = raw
	}
	return doc, nil
}

// planError explains a decode error; terraform-json's own validation
// errors (format_version) carry no offset.
func planError(data []byte, err error) error {
	if e := jsonError(data, err); e != err {
		return e
	}
	return fmt.Errorf("not a Terraform plan: %w", err)
}

func planResource(path string, rc *tfjson.ResourceChange, refs map[string]map[string][]string) input.Resource {
	action := planAction(rc.Change.Actions)
	addr := rc.Address
	if rc.DeposedKey != "" {
		addr += " (deposed " + rc.DeposedKey + ")"
	}
	cfg := configAddress(rc.Address)
	res := input.Resource{
		Address:       addr,
		ConfigAddress: cfg,
		Type:          rc.Type,
		Name:          rc.Name,
		Provider:      rc.ProviderName,
		Module:        rc.ModuleAddress,
		Mode:          string(rc.Mode),
		Index:         rc.Index,
		Action:        action,
		Values:        asObject(rc.Change.After),
		Unknown:       leafPaths(rc.Change.AfterUnknown),
		Sensitive:     leafPaths(rc.Change.AfterSensitive),
		Refs:          refs[cfg],
		Location:      input.Location{File: path},
	}
	if action != input.ActionCreate {
		res.Before, _ = rc.Change.Before.(map[string]any)
	}
	return res
}

func asObject(v any) map[string]any {
	if m, ok := v.(map[string]any); ok {
		return m
	}
	return map[string]any{}
}

// planAction folds Terraform's action list into one word.
func planAction(a tfjson.Actions) string {
	switch {
	case a.Create():
		return input.ActionCreate
	case a.Delete():
		return input.ActionDelete
	case a.Update():
		return input.ActionUpdate
	case a.Replace():
		return input.ActionReplace
	case a.Read():
		return input.ActionRead
	case a.NoOp():
		return input.ActionNoOp
	case len(a) == 1:
		return string(a[0]) // e.g. "forget"
	}
	return input.ActionNoOp
}
