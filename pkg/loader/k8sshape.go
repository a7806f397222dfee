package loader

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The built-in Kubernetes rules read a workload's pod spec as
// rego/lib/kubernetes.rego finds it, and treat a field of the wrong JSON
// kind as absent: a pod whose spec is a list has no pod spec, so every rule
// passed it, though the API server refuses to decode such an object. The
// loader therefore checks the kind of each field those rules read, on the
// kinds that carry a pod spec, and makes a mismatch an input error. Absent
// and null fields are fine (Kubernetes defaults them) and fields not listed
// here are not looked at: this is not an OpenAPI validator.

// valueKind is the JSON kind Kubernetes decodes a field from: the Go type of
// the field in k8s.io/api.
type valueKind uint8

const (
	kindObject valueKind = iota + 1 // a struct or a map
	kindList
	kindString
	kindBool
	kindInt32
	kindInt64
)

// expected names the kind as the error message says it.
func (k valueKind) expected() string {
	switch k {
	case kindObject:
		return "an object"
	case kindList:
		return "a list"
	case kindString:
		return "a string"
	case kindBool:
		return "a boolean"
	case kindInt32:
		return "a 32-bit integer"
	}
	return "a 64-bit integer"
}

// shape is the expected kind of a field and, for an object or a list, of
// what it holds.
type shape struct {
	kind   valueKind
	fields map[string]*shape // of an object: the fields checked
	values *shape            // of a map (labels, annotations): every value
	elem   *shape            // of a list: every element
}

func shapeObject(fields map[string]*shape) *shape { return &shape{kind: kindObject, fields: fields} }
func shapeMap(values *shape) *shape               { return &shape{kind: kindObject, values: values} }
func shapeList(elem *shape) *shape                { return &shape{kind: kindList, elem: elem} }
func shapeScalar(k valueKind) *shape              { return &shape{kind: k} }

// workloadShapes holds the shape of each kind that carries a pod spec:
// rego/lib/kubernetes.rego's workload_kinds, with the pod spec where its
// pod_spec_path puts it. It is a lookup table, never written after it is
// built.
var workloadShapes = newWorkloadShapes()

func newWorkloadShapes() map[string]*shape {
	var (
		str     = shapeScalar(kindString)
		boolean = shapeScalar(kindBool)
		int32s  = shapeScalar(kindInt32)
		int64s  = shapeScalar(kindInt64)
		strMap  = shapeMap(str)
		profile = shapeObject(map[string]*shape{"type": str, "localhostProfile": str})
	)
	// securityContext is a security context's shape: the fields that a
	// pod's (PodSecurityContext) and a container's (SecurityContext) both
	// have, and those of its own.
	securityContext := func(own map[string]*shape) *shape {
		fields := map[string]*shape{
			"runAsUser":       int64s,
			"runAsGroup":      int64s,
			"runAsNonRoot":    boolean,
			"seccompProfile":  profile,
			"appArmorProfile": profile,
			"seLinuxOptions":  shapeObject(map[string]*shape{"type": str, "user": str, "role": str, "level": str}),
			"windowsOptions":  shapeObject(map[string]*shape{"hostProcess": boolean}),
		}
		maps.Copy(fields, own)
		return shapeObject(fields)
	}
	container := shapeObject(map[string]*shape{
		"name":  str,
		"image": str,
		"securityContext": securityContext(map[string]*shape{
			"privileged":               boolean,
			"allowPrivilegeEscalation": boolean,
			"readOnlyRootFilesystem":   boolean,
			"procMount":                str,
			"capabilities":             shapeObject(map[string]*shape{"add": shapeList(str), "drop": shapeList(str)}),
		}),
		"ports": shapeList(shapeObject(map[string]*shape{"containerPort": int32s, "hostPort": int32s})),
		"env": shapeList(shapeObject(map[string]*shape{
			"name":  str,
			"value": str,
			"valueFrom": shapeObject(map[string]*shape{
				"secretKeyRef": shapeObject(map[string]*shape{"name": str}),
			}),
		})),
		"envFrom": shapeList(shapeObject(map[string]*shape{
			"secretRef": shapeObject(map[string]*shape{"name": str}),
		})),
		// Quantities are strings or numbers: only the maps are checked.
		"resources":      shapeObject(map[string]*shape{"limits": shapeMap(nil), "requests": shapeMap(nil)}),
		"livenessProbe":  shapeObject(nil),
		"readinessProbe": shapeObject(nil),
	})
	podSpec := shapeObject(map[string]*shape{
		"containers":                   shapeList(container),
		"initContainers":               shapeList(container),
		"ephemeralContainers":          shapeList(container),
		"hostNetwork":                  boolean,
		"hostPID":                      boolean,
		"hostIPC":                      boolean,
		"shareProcessNamespace":        boolean,
		"automountServiceAccountToken": boolean,
		"serviceAccountName":           str,
		"serviceAccount":               str,
		"restartPolicy":                str,
		"os":                           shapeObject(map[string]*shape{"name": str}),
		"securityContext": securityContext(map[string]*shape{
			"sysctls": shapeList(shapeObject(map[string]*shape{"name": str, "value": str})),
		}),
		"volumes": shapeList(shapeObject(map[string]*shape{
			"name":     str,
			"hostPath": shapeObject(map[string]*shape{"path": str}),
		})),
	})
	meta := shapeObject(map[string]*shape{"labels": strMap, "annotations": strMap})
	objectMeta := shapeObject(map[string]*shape{
		"name": str, "generateName": str, "namespace": str, "labels": strMap, "annotations": strMap,
	})
	template := shapeObject(map[string]*shape{"metadata": meta, "spec": podSpec})
	controller := shapeObject(map[string]*shape{
		"metadata": objectMeta,
		"spec":     shapeObject(map[string]*shape{"template": template}),
	})
	return map[string]*shape{
		"Pod":                   shapeObject(map[string]*shape{"metadata": objectMeta, "spec": podSpec}),
		"Deployment":            controller,
		"StatefulSet":           controller,
		"DaemonSet":             controller,
		"ReplicaSet":            controller,
		"ReplicationController": controller,
		"Job":                   controller,
		"CronJob": shapeObject(map[string]*shape{
			"metadata": objectMeta,
			"spec": shapeObject(map[string]*shape{
				"jobTemplate": shapeObject(map[string]*shape{
					"metadata": meta,
					"spec":     shapeObject(map[string]*shape{"template": template}),
				}),
			}),
		}),
	}
}

// shapeStep is one step of a field path: a field of an object, a key of
// a map (labels[app]), or an element of a list.
type shapeStep struct {
	key   string
	index int  // of the element; -1 for a field or a key
	inMap bool // key is a map's key, written in brackets
}

// checkWorkloadShape returns a *FileError for obj, a Kubernetes object
// read from node at place, when a field the built-in rules read holds a
// JSON kind Kubernetes would refuse to decode; nil for other kinds of
// object. The error points at the earliest such field in the file.
//
// A good object costs one walk of the fields checked, without
// allocating; only a bad one is walked again beside its YAML nodes, to
// find where each problem is written.
func checkWorkloadShape(obj map[string]any, node *yaml.Node, place objectPlace) error {
	kind, _ := obj["kind"].(string)
	s, ok := workloadShapes[kind]
	if !ok {
		return nil
	}
	count := shapeProblems(s, obj)
	if count == 0 {
		return nil
	}
	l := shapeLocator{index: map[*yaml.Node]map[string]yamlEntry{}}
	l.walk(s, obj, node, node, nil)
	return l.first.fileError(place.label(obj), count)
}

// shapeProblems counts the values under v, v included, that do not have
// the kind s gives them.
func shapeProblems(s *shape, v any) int {
	if v == nil || s == nil {
		return 0 // absent or null: Kubernetes defaults it
	}
	if !hasKind(v, s.kind) {
		return 1
	}
	n := 0
	switch v := v.(type) {
	case map[string]any:
		for key, f := range s.fields {
			n += shapeProblems(f, v[key])
		}
		if s.values != nil {
			for _, val := range v {
				n += shapeProblems(s.values, val)
			}
		}
	case []any:
		for _, e := range v {
			n += shapeProblems(s.elem, e)
		}
	}
	return n
}

// hasKind tells whether v, a value built by yamlValue, is of kind k.
// Integers must be whole and in range: YAML's 80.0 is the JSON 80 that
// kubectl sends, 80.5 is refused.
func hasKind(v any, k valueKind) bool {
	switch k {
	case kindObject:
		_, ok := v.(map[string]any)
		return ok
	case kindList:
		_, ok := v.([]any)
		return ok
	case kindString:
		_, ok := v.(string)
		return ok
	case kindBool:
		_, ok := v.(bool)
		return ok
	case kindInt32, kindInt64:
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		bits := 64
		if k == kindInt32 {
			bits = 32
		}
		_, err := strconv.ParseInt(string(n), 10, bits)
		return err == nil
	}
	return false
}

// describeValue names the kind of v, a value built by yamlValue.
func describeValue(v any) string {
	switch v := v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		if _, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return fmt.Sprintf("the number %s", v)
		}
		return fmt.Sprintf("the number %s (not a whole number in range)", v)
	}
	return fmt.Sprintf("a %T", v)
}

// fileError reports p, the earliest of count problems.
func (p *shapeProblem) fileError(label string, count int) error {
	msg := fmt.Sprintf("%s: %s: %s where Kubernetes expects %s", label, shapePath(p.path), describeValue(p.got), p.want.expected())
	if str, ok := p.got.(string); ok && p.want == kindBool {
		msg += boolHint(str)
	}
	if more := count - 1; more == 1 {
		msg += "; 1 more field has the wrong kind"
	} else if more > 1 {
		msg += fmt.Sprintf("; %d more fields have the wrong kind", more)
	}
	return &FileError{Line: p.line, Column: p.column, Err: errors.New(msg)}
}

// boolHint tells how to write a boolean given as the string s. YAML 1.1,
// which kubectl reads manifests as, takes an unquoted yes, no, on or off
// for a boolean; tenet reads YAML 1.2, as yaml.v3 does, where they are
// strings. Rather than guess which the file meant, it asks for true or
// false.
func boolHint(s string) string {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return fmt.Sprintf(" (%q is a boolean in YAML 1.1, as kubectl reads it unquoted, and a string in YAML 1.2: write true or false)", s)
	}
	return " (true or false, without quotes)"
}

// shapePath writes a path as the rules do: spec.containers[0].image. A
// map key is quoted if it holds a line break, to keep the error one line
// (field names come from the table).
func shapePath(path []shapeStep) string {
	var b strings.Builder
	for _, st := range path {
		switch {
		case st.index >= 0:
			fmt.Fprintf(&b, "[%d]", st.index)
			continue
		case st.inMap:
			fmt.Fprintf(&b, "[%s]", displayPath(st.key))
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(st.key)
	}
	return b.String()
}
