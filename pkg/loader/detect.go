package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/pkg/cfn"
	"github.com/tenet-dev/tenet/pkg/input"
)

// planKeys are top-level keys only a Terraform plan has.
var planKeys = map[string]bool{
	"planned_values": true, "resource_changes": true, "prior_state": true,
	"configuration": true, "resource_drift": true, "output_changes": true,
	"variables": true, "relevant_attributes": true, "deferred_changes": true,
}

// terraformKeys maps the folded form of each top-level key that tells
// Terraform files apart (planKeys and the keys classify reads) to the key.
var terraformKeys = sync.OnceValue(func() map[string]string {
	keys := map[string]string{}
	for _, k := range []string{"resource_changes", "format_version", "terraform_version", "values", "version", "lineage", "resources"} {
		keys[string(foldKey([]byte(k)))] = k
	}
	for k := range planKeys {
		keys[string(foldKey([]byte(k)))] = k
	}
	return keys
})

// Detect tells the format of data, read from path, by its content. JSON is
// recognized by its top-level keys, read without decoding the values, so that
// detecting a large plan costs a scan, not a second decode. The name matters
// only for ".json" and ".tfstate" files, which must be JSON.
func Detect(path string, data []byte) (input.Format, error) {
	f, _, err := detect(path, data)
	return f, err
}

// detect is Detect that also returns the YAML documents it parsed, if it
// did, so that loading does not parse them again.
func detect(path string, data []byte) (input.Format, []*yaml.Node, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return "", nil, ErrEmpty
	}
	jsonOnly := hasExt(path, ".json", ".tfstate")
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return "", nil, errors.New("a binary Terraform plan (zip): convert it with `terraform show -json plan.out > plan.json`")
	case bytes.HasPrefix(trimmed, []byte("{{")):
		return "", nil, errors.New("unrendered template ({{ ... }}): render it first, e.g. with `helm template`")
	case trimmed[0] == '{':
		f, err := detectJSONObject(data)
		if f == input.FormatJSON {
			if n, ok := jsonTemplate(data); ok {
				return input.FormatCloudFormation, []*yaml.Node{n}, nil
			}
		}
		if err != nil && !jsonOnly {
			// A YAML flow mapping also starts with a brace.
			if yf, nodes, yerr := detectYAML(data); yerr == nil {
				return yf, nodes, nil
			}
		}
		return f, nil, err
	case trimmed[0] == '[':
		return input.FormatJSON, nil, nil
	case isDockerfileName(path) || looksLikeDockerfile(trimmed):
		return input.FormatDockerfile, nil, nil
	case hasExt(path, ".tf"):
		return "", nil, errors.New("a Terraform configuration file (.tf): give tenet the plan instead, `terraform show -json plan.out > plan.json`")
	case jsonOnly:
		v, err := decodeJSON(data)
		if err == nil {
			err = fmt.Errorf("a JSON %s, not an object or a list: not an input tenet reads", jsonKindName(v))
		}
		return "", nil, err
	}
	f, nodes, err := detectYAML(data)
	if err == nil && f == input.FormatYAML && allScalars(nodes) {
		return "", nil, errPlainText
	}
	return f, nodes, err
}

// errPlainText refuses a file whose every YAML document is a bare scalar:
// an .env, .properties, XML, nginx or Groovy file reads that way, and
// policies judging one string would pass it.
var errPlainText = errors.New("plain text, not a YAML mapping or list: not an input tenet reads (Terraform plans, state and .tf directories, CloudFormation templates, Kubernetes manifests, Helm charts, Kustomize overlays, Dockerfiles, JSON, YAML); --input-format yaml reads it as one string")

func allScalars(docs []*yaml.Node) bool {
	for _, d := range docs {
		if d.Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// dockerfileStart is the first instruction of a Dockerfile, after
// comments, parser directives and blank lines: FROM, or ARG before it.
var dockerfileStart = regexp.MustCompile(`(?i)^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(FROM|ARG)[ \t]+\S`)

// looksLikeDockerfile reports whether data starts as a Dockerfile does and
// has a FROM instruction: such a file read as YAML is one string, which
// would pass with nothing checked.
func looksLikeDockerfile(data []byte) bool {
	return dockerfileStart.Match(data) && regexp.MustCompile(`(?im)^[ \t]*FROM[ \t]+\S`).Match(data)
}

func hasExt(path string, exts ...string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

func detectJSONObject(data []byte) (input.Format, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the opening brace
		return "", jsonError(data, err)
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", jsonError(data, err)
		}
		key, ok := tok.(string)
		if !ok {
			return "", fmt.Errorf("invalid JSON: object key is %T", tok)
		}
		seen[key] = true
		if name, ok := terraformKeys()[string(foldKey([]byte(key)))]; ok {
			// "Resource_Changes" is read as a plan by encoding/json: the
			// plan loader's key check then refuses it.
			seen[name] = true
		}
		if f, ok := classify(seen, false); ok {
			return f, nil
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "", jsonError(data, err)
		}
	}
	f, _ := classify(seen, true)
	return f, nil
}

// classify decides a JSON object's format from the keys seen so far. Before
// the end of the object it answers only when more keys cannot change the
// answer.
func classify(seen map[string]bool, final bool) (input.Format, bool) {
	switch {
	case seen["resource_changes"]:
		return input.FormatTerraformPlan, true
	case seen["format_version"] && seen["values"]:
		return input.FormatTerraformState, true
	case seen["format_version"] && anyKey(seen, planKeys):
		return input.FormatTerraformPlan, true
	case seen["apiVersion"] && seen["kind"]:
		return input.FormatKubernetes, true
	case seen["version"] && seen["lineage"]:
		return input.FormatTerraformState, true
	}
	if !final {
		return "", false
	}
	switch {
	case seen["format_version"] && seen["terraform_version"]:
		return input.FormatTerraformState, true // the state of an empty workspace
	case seen["planned_values"] && seen["configuration"]:
		return input.FormatTerraformPlan, true // a plan missing its header: the plan loader explains
	case seen["version"] && seen["terraform_version"] && seen["resources"]:
		return input.FormatTerraformState, true
	}
	return input.FormatJSON, true
}

func anyKey(seen, keys map[string]bool) bool {
	for k := range seen {
		if keys[k] {
			return true
		}
	}
	return false
}

// detectYAML reads the documents as nodes: a file is Kubernetes when one of
// its documents is a mapping with apiVersion and kind.
func detectYAML(data []byte) (input.Format, []*yaml.Node, error) {
	docs, err := yamlDocuments(data)
	if err != nil {
		return "", nil, err
	}
	if len(docs) == 0 {
		return "", nil, ErrEmpty
	}
	for _, d := range docs {
		if isKubernetesNode(d) {
			return input.FormatKubernetes, docs, nil
		}
	}
	if len(docs) == 1 && cfn.IsTemplate(docs[0]) {
		return input.FormatCloudFormation, docs, nil
	}
	return input.FormatYAML, docs, nil
}

// detectIn tells the format of data written in syntax (FormatJSON or
// FormatYAML): a Terraform plan or state (JSON only) or Kubernetes objects,
// else syntax itself. A JSON error is left to the JSON loader.
func detectIn(syntax input.Format, data []byte) (input.Format, []*yaml.Node, error) {
	if syntax == input.FormatYAML {
		return detectYAML(data)
	}
	if trimmed := bytes.TrimLeft(data, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '{' {
		if f, err := detectJSONObject(data); err == nil {
			if n, ok := jsonTemplate(data); ok && f == input.FormatJSON {
				return input.FormatCloudFormation, []*yaml.Node{n}, nil
			}
			return f, nil, nil
		}
	}
	return input.FormatJSON, nil, nil
}

func isKubernetesNode(n *yaml.Node) bool {
	return mappingValue(n, "apiVersion") != nil && mappingValue(n, "kind") != nil
}

// mappingValue returns the value node of key in mapping n, or nil.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// yamlDocuments parses every document of a YAML stream into nodes, skipping
// empty ones (a stray "---").
func yamlDocuments(data []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, yamlError(err)
		}
		if len(doc.Content) == 0 {
			continue
		}
		root := doc.Content[0]
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			continue
		}
		docs = append(docs, root)
	}
}

// planByKeys tells whether detect would call data a Terraform plan, were
// data well formed: it reads the object's keys up to the one that decides,
// and skips the values before that key by their brackets and strings only
// (skipValue), where detect decodes them. Plans whose keys come sorted
// (jq -S, or a program that rewrote the plan) hold the configuration, half
// a large plan, before any key that decides: detect took 0.45 s on one core
// to read it. A key with escapes, or anything unexpected, answers false.
//
// Parse trusts the answer only when the plan then loads, since the plan
// loader checks every byte of the file as JSON: a well-formed file's keys
// read the same either way.
func planByKeys(data []byte) bool {
	seen := map[string]bool{}
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '{' {
		return false
	}
	i = skipSpace(data, i+1)
	for i < len(data) && data[i] == '"' {
		end, escaped := stringEnd(data, i)
		if end < 0 || escaped {
			return false
		}
		key := data[i+1 : end]
		seen[string(key)] = true
		if name, ok := terraformKeys()[string(foldKey(key))]; ok {
			seen[name] = true
		}
		if f, ok := classify(seen, false); ok {
			return f == input.FormatTerraformPlan
		}
		i = skipSpace(data, end+1)
		if i == len(data) || data[i] != ':' {
			return false
		}
		i = skipValue(data, skipSpace(data, i+1))
		if i < 0 {
			return false
		}
		i = skipSpace(data, i)
		if i == len(data) || data[i] != ',' {
			return false
		}
		i = skipSpace(data, i+1)
	}
	return false
}

// jsonKindName names the kind of v, a scalar decoded with UseNumber, as
// JSON does.
func jsonKindName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	}
	return fmt.Sprintf("%T", v)
}
