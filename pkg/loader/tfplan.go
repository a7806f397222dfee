package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tenet-dev/tenet/internal/parallel"
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
	Config           *config                  `json:"configuration"`
}

// planHead is planFields without the resource changes, which a large plan
// decodes apart, side by side.
type planHead struct {
	FormatVersion    string  `json:"format_version"`
	TerraformVersion string  `json:"terraform_version"`
	Config           *config `json:"configuration"`
}

// parallelChanges is the number of resource changes from which a plan's
// changes are decoded by several goroutines.
const parallelChanges = 256

// Load implements Loader.
func (t TerraformPlan) Load(ctx context.Context, path string, data []byte) (input.Document, error) {
	plan, spans, err := decodePlanSpans(data, runtime.GOMAXPROCS(0), parallelChanges)
	if err != nil {
		return input.Document{}, err
	}
	// terraform-json's check of format_version, as its UnmarshalJSON does.
	full := tfjson.Plan{FormatVersion: plan.FormatVersion}
	if err := full.Validate(); err != nil {
		return input.Document{}, planError(data, err)
	}
	doc := newDocument(path, input.FormatTerraformPlan)
	doc.Source.FormatVersion = plan.FormatVersion
	doc.Source.ToolVersion = plan.TerraformVersion
	// Two walks of the configuration, side by side: on a large plan each
	// takes about 50 ms after the decoding, the other cores idle.
	var refs map[string]map[string][]string
	var wg sync.WaitGroup
	wg.Go(func() { refs = configRefs(plan.Config) })
	configured := configuredPaths(plan.Config)
	wg.Wait()
	for i, rc := range plan.ResourceChanges {
		if rc == nil || rc.Change == nil {
			return input.Document{}, fmt.Errorf("resource_changes[%d] has no change", i)
		}
	}
	// On every core: on one, the 50k plan's changes took 0.1 s, the
	// other cores idle.
	doc.Resources = make([]input.Resource, len(plan.ResourceChanges))
	n := min(runtime.GOMAXPROCS(0), len(plan.ResourceChanges)/parallelChanges+1)
	parallel.Ranges(n, len(doc.Resources), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			if (i-lo)%1024 == 0 && ctx.Err() != nil {
				return
			}
			doc.Resources[i] = planResource(path, plan.ResourceChanges[i], refs, configured)
		}
	})
	if err := ctx.Err(); err != nil {
		return input.Document{}, err
	}
	setPlanLines(data, spans, doc.Resources)
	if t.KeepRaw {
		raw, err := decodeJSON(data)
		if err != nil {
			return input.Document{}, err
		}
		doc.Raw = raw
	}
	return doc, nil
}

// decodePlan decodes the parts of a plan the loader reads. A large plan's
// resource changes, most of the file, are decoded element by element by n
// goroutines while one more decodes the rest of the file with the array
// left out, when the plan has at least minChanges. If any part fails, the
// plan is decoded again in one pass, whose error is the one to report: it
// names the first problem in the file, as encoding/json meets it.
func decodePlan(data []byte, n, minChanges int) (planFields, error) {
	plan, _, err := decodePlanSpans(data, n, minChanges)
	return plan, err
}

// decodePlanSpans is decodePlan that also returns the byte ranges of the
// resource changes when it split the array (nil when it decoded in one
// pass), so that their lines need no second scan of a large plan.
func decodePlanSpans(data []byte, n, minChanges int) (planFields, [][2]int, error) {
	var head planHead
	changes, spans, split, ok := splitDecode[*tfjson.ResourceChange](data, "resource_changes", n, minChanges,
		func(array [2]int) bool { return decodeHead(data, array, &head) })
	if !split {
		plan, err := decodeWhole(data)
		return plan, nil, err
	}
	if !ok {
		// Most likely the file is malformed: a scan finds a syntax error
		// without the copy of the whole file that the Decoder buffers.
		if err := syntaxError(data); err != nil {
			return planFields{}, nil, err
		}
		plan, err := decodeWhole(data)
		return plan, nil, err
	}
	return planFields{FormatVersion: head.FormatVersion, TerraformVersion: head.TerraformVersion,
		ResourceChanges: changes, Config: head.Config}, spans, nil
}

// decodeWhole decodes a plan in one pass.
func decodeWhole(data []byte) (planFields, error) {
	var plan planFields
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&plan); err != nil {
		return planFields{}, planError(data, err)
	}
	return plan, expectEOF(dec, data)
}

// planError explains a decode error; terraform-json's own validation
// errors (format_version) carry no offset.
func planError(data []byte, err error) error {
	if e := jsonError(data, err); e != err {
		return e
	}
	return fmt.Errorf("not a Terraform plan: %w", err)
}

func planResource(path string, rc *tfjson.ResourceChange, refs map[string]map[string][]string, configured map[string][]string) input.Resource {
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
		Configured:    configured[cfg],
		Location:      input.Location{File: path},
	}
	if action != input.ActionCreate {
		res.Before, _ = rc.Change.Before.(map[string]any)
	}
	return res
}

// asObject returns v if it is an object, else an empty one: rules read
// values as an object, even where a file has none.
func asObject(v any) map[string]any {
	if m, ok := v.(map[string]any); ok && m != nil {
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

// setPlanLines gives each resource the line where its entry of
// resource_changes starts (spans, when the decoder has them), for reports
// that point into the file (SARIF regions, the table's file:line). The
// lines stay 0 when the array cannot be mapped.
func setPlanLines(data []byte, spans [][2]int, resources []input.Resource) {
	if spans == nil {
		// Decoded in one pass: a large plan was split already, so this
		// scan is of a small one.
		_, spans, _ = arraySpans(data, "resource_changes")
	}
	if len(spans) != len(resources) {
		return
	}
	line, at := 1, 0
	for i, sp := range spans {
		line += bytes.Count(data[at:sp[0]], []byte{'\n'})
		at = sp[0]
		resources[i].Location.Line = line
	}
}
