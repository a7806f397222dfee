package input

import "strings"

// KubernetesAddress is the address of a Kubernetes object: "Kind/name", or
// "namespace/Kind/name" for an object of a namespace other than default.
//
// One object has one address however its manifest spells the namespace:
// an object without metadata.namespace and one with namespace "default"
// get the same address (the manifest that leaves the namespace out is
// applied to default, or to the namespace of kubectl -n, which no manifest
// tells), and a cluster-scoped object (ClusterScoped) never has one in its
// address, since Kubernetes ignores the namespace written on it. Kinds
// that ClusterScoped does not know, custom resources among them, are taken
// as namespaced, the default for CustomResourceDefinitions.
func KubernetesAddress(apiVersion, kind, namespace, name string) string {
	if namespace == "" || namespace == "default" || ClusterScoped(apiVersion, kind) {
		return kind + "/" + name
	}
	return namespace + "/" + kind + "/" + name
}

// ObjectName is the name of a decoded Kubernetes object: metadata.name,
// or metadata.generateName followed by "*" when only that is set (the API
// server completes it); "" when it has neither.
func ObjectName(obj map[string]any) string {
	meta, _ := obj["metadata"].(map[string]any)
	if name, _ := meta["name"].(string); name != "" {
		return name
	}
	if g, ok := meta["generateName"].(string); ok {
		return g + "*"
	}
	return ""
}

// ObjectAddress is the KubernetesAddress of a decoded Kubernetes object.
func ObjectAddress(obj map[string]any) string {
	meta, _ := obj["metadata"].(map[string]any)
	ns, _ := meta["namespace"].(string)
	apiVersion, _ := obj["apiVersion"].(string)
	kind, _ := obj["kind"].(string)
	return KubernetesAddress(apiVersion, kind, ns, ObjectName(obj))
}

// ClusterScoped tells whether kind of apiVersion ("rbac.authorization.k8s.io/v1",
// "v1") is a built-in Kubernetes kind that is not namespaced. With an empty
// apiVersion the kind alone decides.
func ClusterScoped(apiVersion, kind string) bool {
	groups, ok := clusterScoped[kind]
	if !ok {
		return false
	}
	if apiVersion == "" {
		return true
	}
	group, _, found := strings.Cut(apiVersion, "/")
	if !found {
		group = "" // "v1": the core group
	}
	for _, g := range groups {
		if g == group {
			return true
		}
	}
	return false
}

// clusterScoped lists the cluster-scoped kinds of Kubernetes (`kubectl
// api-resources --namespaced=false`, up to 1.34, with kinds since removed
// that old manifests still hold), each with its API groups ("" is core).
// It is a lookup table, never written.
var clusterScoped = map[string][]string{
	"APIService":                       {"apiregistration.k8s.io"},
	"CertificateSigningRequest":        {"certificates.k8s.io"},
	"ClusterRole":                      {"rbac.authorization.k8s.io"},
	"ClusterRoleBinding":               {"rbac.authorization.k8s.io"},
	"ClusterTrustBundle":               {"certificates.k8s.io"},
	"ComponentStatus":                  {""},
	"CSIDriver":                        {"storage.k8s.io"},
	"CSINode":                          {"storage.k8s.io"},
	"CustomResourceDefinition":         {"apiextensions.k8s.io"},
	"DeviceClass":                      {"resource.k8s.io"},
	"DeviceTaintRule":                  {"resource.k8s.io"},
	"FlowSchema":                       {"flowcontrol.apiserver.k8s.io"},
	"IngressClass":                     {"networking.k8s.io"},
	"IPAddress":                        {"networking.k8s.io"},
	"MutatingAdmissionPolicy":          {"admissionregistration.k8s.io"},
	"MutatingAdmissionPolicyBinding":   {"admissionregistration.k8s.io"},
	"MutatingWebhookConfiguration":     {"admissionregistration.k8s.io"},
	"Namespace":                        {""},
	"Node":                             {""},
	"PersistentVolume":                 {""},
	"PodSecurityPolicy":                {"policy", "extensions"},
	"PriorityClass":                    {"scheduling.k8s.io"},
	"PriorityLevelConfiguration":       {"flowcontrol.apiserver.k8s.io"},
	"ResourceSlice":                    {"resource.k8s.io"},
	"RuntimeClass":                     {"node.k8s.io"},
	"SelfSubjectAccessReview":          {"authorization.k8s.io"},
	"SelfSubjectReview":                {"authentication.k8s.io"},
	"SelfSubjectRulesReview":           {"authorization.k8s.io"},
	"ServiceCIDR":                      {"networking.k8s.io"},
	"StorageClass":                     {"storage.k8s.io"},
	"StorageVersion":                   {"internal.apiserver.k8s.io"},
	"StorageVersionMigration":          {"storagemigration.k8s.io"},
	"SubjectAccessReview":              {"authorization.k8s.io"},
	"TokenReview":                      {"authentication.k8s.io"},
	"ValidatingAdmissionPolicy":        {"admissionregistration.k8s.io"},
	"ValidatingAdmissionPolicyBinding": {"admissionregistration.k8s.io"},
	"ValidatingWebhookConfiguration":   {"admissionregistration.k8s.io"},
	"VolumeAttachment":                 {"storage.k8s.io"},
	"VolumeAttributesClass":            {"storage.k8s.io"},
}
