package input

// Schema is the value of Document.Schema for this version of the format.
// A change that removes or renames a field gets a new version.
const Schema = "tenet.input/v1"

// Format names the kind of file a Document was loaded from.
type Format string

// The formats tenet loads.
const (
	FormatTerraformPlan  Format = "terraform-plan"
	FormatTerraformState Format = "terraform-state"
	FormatKubernetes     Format = "kubernetes"
	// FormatCloudFormation is a CloudFormation or SAM template, YAML or
	// JSON.
	FormatCloudFormation Format = "cloudformation"
	// FormatTerraform is a Terraform configuration: a directory of .tf
	// and .tf.json files, evaluated without planning (pkg/tfconfig).
	FormatTerraform Format = "terraform"
	// FormatDockerfile is a Dockerfile (or Containerfile).
	FormatDockerfile Format = "dockerfile"
	FormatJSON       Format = "json"
	FormatYAML       Format = "yaml"
)

// Formats lists every Format in a stable order, for help texts and flag checks.
func Formats() []Format {
	return []Format{FormatTerraformPlan, FormatTerraformState, FormatTerraform, FormatKubernetes, FormatCloudFormation, FormatDockerfile, FormatJSON, FormatYAML}
}

// Actions a Resource can carry. Terraform plans use the first six; state is
// always ActionNoOp; Kubernetes manifests are ActionApply.
const (
	ActionCreate  = "create"
	ActionUpdate  = "update"
	ActionDelete  = "delete"
	ActionReplace = "replace"
	ActionRead    = "read"
	ActionNoOp    = "no-op"
	ActionApply   = "apply"
)

// Document is one loaded input file in the tenet.input/v1 shape.
type Document struct {
	// Schema is always the Schema constant.
	Schema string `json:"schema"`
	// Source says where the document came from.
	Source Source `json:"source"`
	// Resources is never nil in JSON: an input without resources has [].
	Resources []Resource `json:"resources"`
	// Raw is the parsed original file (for a multi-document YAML file, a
	// []any with one element per document). It is not part of the native
	// input: conftest-style policies receive it as their input instead.
	// Loaders fill it only when asked to (it doubles the memory of a plan).
	Raw any `json:"-"`
	// Unread are the files this one refers to that were meant to be read
	// with it and were not: a nested stack's template that is not on
	// disk. They are reported as not evaluated (or as input errors), never
	// taken as passing. Rules do not see them.
	Unread []Unread `json:"unread,omitempty"`
}

// Source describes the file a Document was loaded from.
type Source struct {
	// Path is the file as given on the command line or found by walking a
	// directory; "-" for standard input.
	Path string `json:"path"`
	// Format is the detected or forced format.
	Format Format `json:"format"`
	// FormatVersion is the file's own format_version (Terraform JSON) or
	// state version ("4"); empty where the format has none.
	FormatVersion string `json:"format_version,omitempty"`
	// ToolVersion is the Terraform version that wrote the file, if known.
	ToolVersion string `json:"tool_version,omitempty"`
	// Documents is the number of YAML documents in the file (0 for JSON).
	// Conftest-style policies are evaluated once per document, as conftest
	// does, when it is greater than one.
	Documents int `json:"documents,omitempty"`
}

// Resource is one resource (Terraform) or object (Kubernetes).
type Resource struct {
	// Address identifies the resource within its document:
	// "module.logs.aws_s3_bucket.this[0]" for Terraform,
	// "namespace/Kind/name" for Kubernetes, or "Kind/name" in the default
	// namespace and for cluster-scoped kinds (see KubernetesAddress).
	Address string `json:"address"`
	// ConfigAddress is the Terraform address without instance keys
	// ("module.logs.aws_s3_bucket.this"): the form that Refs point at.
	ConfigAddress string `json:"config_address,omitempty"`
	// Type is the Terraform resource type or the Kubernetes kind.
	Type string `json:"type"`
	// Name is the Terraform resource name or metadata.name.
	Name string `json:"name"`
	// Namespace is metadata.namespace as written (Kubernetes only): empty
	// when the manifest leaves it to the namespace chosen when applying.
	Namespace string `json:"namespace,omitempty"`
	// Provider is the Terraform provider address.
	Provider string `json:"provider,omitempty"`
	// Module is the module instance address, empty for the root module.
	Module string `json:"module,omitempty"`
	// Mode is "managed" or "data" for Terraform, empty for Kubernetes.
	Mode string `json:"mode,omitempty"`
	// Index is the count or for_each key, if any.
	Index any `json:"index,omitempty"`
	// Action is one of the Action constants.
	Action string `json:"action"`
	// Values holds the attributes: change.after for a plan, the recorded
	// attributes for state, the whole object for Kubernetes. Attributes
	// unknown until apply are absent here and listed in Unknown.
	Values map[string]any `json:"values"`
	// Unknown lists attribute paths whose value is known only after apply,
	// dotted with list indexes as numbers ("versioning.0.enabled").
	Unknown []string `json:"unknown,omitempty"`
	// Sensitive lists attribute paths Terraform marks as sensitive, in the
	// same notation as Unknown.
	Sensitive []string `json:"sensitive,omitempty"`
	// Before holds the attributes before the change (plans with an update,
	// replace or delete action only).
	Before map[string]any `json:"before,omitempty"`
	// Refs maps an attribute path (dotted, no indexes) to the config
	// addresses of the resources its expression refers to, resolved through
	// module calls, variables and outputs. Plans only.
	Refs map[string][]string `json:"refs,omitempty"`
	// Configured lists, sorted, the attribute paths (dotted, no indexes)
	// that the resource's configuration sets with an expression of any
	// kind: a constant or references, resolved or not (local.*, each.*).
	// It is positive evidence that an attribute unknown until apply is set
	// by the configuration rather than left to the provider. Nil when the
	// input shows no configuration for the resource (state, or a plan
	// without it); empty, not nil, for a resource written with no
	// attributes. Plans only.
	Configured []string `json:"configured,omitzero"`
	// Location is where the resource is written.
	Location Location `json:"location"`
}

// Location points at a place in an input file.
type Location struct {
	// File is the Source.Path of the document.
	File string `json:"file"`
	// Line is 1-based, or 0 when the format does not give one.
	Line int `json:"line"`
	// Attributes maps an attribute path (as in Resource.Unknown) to the
	// line that writes it, for formats that give one (CloudFormation); a
	// finding on an attribute points there.
	Attributes map[string]int `json:"attributes,omitempty"`
}

// Unread is a file that a document refers to and that was not read.
type Unread struct {
	// Path names the file (or URL) as the document gives it.
	Path string `json:"path"`
	// Reason says why it was not read.
	Reason string `json:"reason"`
	// Error is true when the file was read and is invalid: an input
	// error, not an input left unevaluated.
	Error bool `json:"error,omitempty"`
}
