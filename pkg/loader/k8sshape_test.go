package loader_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// podWith is a Pod whose spec is the lines given, indented under spec.
func podWith(spec ...string) string {
	return "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  " + strings.Join(spec, "\n  ") + "\n"
}

// workloadWith is an object of kind whose pod spec (found where the
// Kubernetes rules find it) is the lines given.
func workloadWith(apiVersion, kind string, spec ...string) string {
	head := "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: web}\nspec:\n"
	switch kind {
	case "Pod":
		return head + "  " + strings.Join(spec, "\n  ") + "\n"
	case "CronJob":
		return head + "  schedule: '@daily'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          " + strings.Join(spec, "\n          ") + "\n"
	}
	return head + "  template:\n    spec:\n      " + strings.Join(spec, "\n      ") + "\n"
}

// TestKubernetesShape checks that a field the built-in rules read, holding
// a JSON kind the API server refuses to decode, is an input error naming
// the file, line, object and field, instead of a pod that every rule
// passes; and that absent, null and well-formed fields still load.
func TestKubernetesShape(t *testing.T) {
	tests := []struct {
		name, manifest string
		want           string // the error; "" when the manifest loads
	}{
		// Wrong kinds.
		{
			name:     "spec a list",
			manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  - hostNetwork: true\n    containers:\n    - {name: app, image: \"nginx:1.27\", securityContext: {privileged: true}}\n",
			want:     "m.yaml:4:1: Pod/web: spec: a list where Kubernetes expects an object",
		},
		{
			name:     "containers a map",
			manifest: workloadWith("apps/v1", "Deployment", "containers:", "  app: {image: nginx, securityContext: {privileged: true}}"),
			want:     "m.yaml:7:7: Deployment/web: spec.template.spec.containers: an object where Kubernetes expects a list",
		},
		{
			name:     "template.spec a string",
			manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec: containers\n",
			want:     "m.yaml:6:5: Deployment/web: spec.template.spec: a string where Kubernetes expects an object",
		},
		{
			name:     "template a list",
			manifest: "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  template: []\n",
			want:     "m.yaml:5:3: StatefulSet/web: spec.template: a list where Kubernetes expects an object",
		},
		{
			name:     "privileged a string",
			manifest: podWith("containers:", "- name: app", "  securityContext: {privileged: \"true\"}"),
			want:     "m.yaml:7:23: Pod/web: spec.containers[0].securityContext.privileged: a string where Kubernetes expects a boolean (true or false, without quotes)",
		},
		{
			name:     "runAsUser a string",
			manifest: podWith("securityContext:", "  runAsUser: \"1000\""),
			want:     "m.yaml:6:5: Pod/web: spec.securityContext.runAsUser: a string where Kubernetes expects a 64-bit integer",
		},
		{
			name:     "container runAsUser not whole",
			manifest: podWith("containers:", "- name: app", "  securityContext: {runAsUser: 1000.5}"),
			want:     "m.yaml:7:23: Pod/web: spec.containers[0].securityContext.runAsUser: the number 1000.5 (not a whole number in range) where Kubernetes expects a 64-bit integer",
		},
		{
			name:     "hostNetwork a string",
			manifest: podWith("hostNetwork: \"true\""),
			want:     "m.yaml:5:3: Pod/web: spec.hostNetwork: a string where Kubernetes expects a boolean (true or false, without quotes)",
		},
		{
			name:     "a YAML 1.1 boolean",
			manifest: podWith("containers:", "- name: app", "  securityContext:", "    privileged: yes"),
			want:     "m.yaml:8:7: Pod/web: spec.containers[0].securityContext.privileged: a string where Kubernetes expects a boolean (\"yes\" is a boolean in YAML 1.1, as kubectl reads it unquoted, and a string in YAML 1.2: write true or false)",
		},
		{
			name:     "hostPID a number",
			manifest: workloadWith("apps/v1", "DaemonSet", "hostPID: 1"),
			want:     "m.yaml:7:7: DaemonSet/web: spec.template.spec.hostPID: the number 1 where Kubernetes expects a boolean",
		},
		{
			name:     "CronJob jobTemplate spec a list",
			manifest: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: web}\nspec:\n  schedule: '@daily'\n  jobTemplate:\n    spec:\n    - template: {}\n",
			want:     "m.yaml:7:5: CronJob/web: spec.jobTemplate.spec: a list where Kubernetes expects an object",
		},
		{
			name:     "CronJob pod spec",
			manifest: workloadWith("batch/v1", "CronJob", "containers:", "- name: app", "  securityContext: {allowPrivilegeEscalation: \"false\"}"),
			want:     "m.yaml:12:31: CronJob/web: spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation: a string where Kubernetes expects a boolean (true or false, without quotes)",
		},
		{
			name:     "Job",
			manifest: workloadWith("batch/v1", "Job", "initContainers: {name: init}"),
			want:     "m.yaml:7:7: Job/web: spec.template.spec.initContainers: an object where Kubernetes expects a list",
		},
		{
			name:     "ReplicaSet",
			manifest: workloadWith("apps/v1", "ReplicaSet", "volumes: [{name: root, hostPath: /}]"),
			want:     "m.yaml:7:30: ReplicaSet/web: spec.template.spec.volumes[0].hostPath: a string where Kubernetes expects an object",
		},
		{
			name:     "ReplicationController",
			manifest: workloadWith("v1", "ReplicationController", "automountServiceAccountToken: \"false\""),
			want:     "m.yaml:7:7: ReplicationController/web: spec.template.spec.automountServiceAccountToken: a string where Kubernetes expects a boolean (true or false, without quotes)",
		},
		{
			name:     "container a string",
			manifest: podWith("ephemeralContainers:", "- debug"),
			want:     "m.yaml:6:5: Pod/web: spec.ephemeralContainers[0]: a string where Kubernetes expects an object",
		},
		{
			name:     "capabilities drop a string",
			manifest: podWith("containers:", "- name: app", "  securityContext: {capabilities: {drop: ALL}}"),
			want:     "m.yaml:7:38: Pod/web: spec.containers[0].securityContext.capabilities.drop: a string where Kubernetes expects a list",
		},
		{
			name:     "containerPort not whole",
			manifest: podWith("containers:", "- name: app", "  ports: [{containerPort: 80.5}]"),
			want:     "m.yaml:7:14: Pod/web: spec.containers[0].ports[0].containerPort: the number 80.5 (not a whole number in range) where Kubernetes expects a 32-bit integer",
		},
		{
			name:     "hostPort out of int32",
			manifest: podWith("containers:", "- name: app", "  ports: [{hostPort: 4294967296}]"),
			want:     "m.yaml:7:14: Pod/web: spec.containers[0].ports[0].hostPort: the number 4294967296 where Kubernetes expects a 32-bit integer",
		},
		{
			name:     "env value a number",
			manifest: podWith("containers:", "- name: app", "  env:", "  - {name: A, value: \"true\"}", "  - {name: B, value: 3}"),
			want:     "m.yaml:9:17: Pod/web: spec.containers[0].env[1].value: the number 3 where Kubernetes expects a string",
		},
		{
			name:     "image a list",
			manifest: podWith("containers:", "- name: app", "  image: [nginx]"),
			want:     "m.yaml:7:5: Pod/web: spec.containers[0].image: a list where Kubernetes expects a string",
		},
		{
			name:     "pod annotation a boolean",
			manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata:\n      annotations: {seccomp.security.alpha.kubernetes.io/pod: true}\n",
			want:     "m.yaml:7:21: Deployment/web: spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: a boolean where Kubernetes expects a string",
		},
		{
			name:     "labels a list",
			manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: [app]\n",
			want:     "m.yaml:5:3: Pod/web: metadata.labels: a list where Kubernetes expects an object",
		},
		{
			name:     "sysctls an object",
			manifest: podWith("securityContext:", "  sysctls: {net.ipv4.ip_unprivileged_port_start: 0}"),
			want:     "m.yaml:6:5: Pod/web: spec.securityContext.sysctls: an object where Kubernetes expects a list",
		},
		{
			name:     "the earliest of several, and how many more",
			manifest: podWith("hostIPC: \"true\"", "containers:", "- name: app", "  securityContext: {privileged: \"true\", runAsUser: root}"),
			want:     "m.yaml:5:3: Pod/web: spec.hostIPC: a string where Kubernetes expects a boolean (true or false, without quotes); 2 more fields have the wrong kind",
		},
		{
			name:     "one anchor used twice",
			manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nx-c: &c {name: app, securityContext: {privileged: \"true\"}}\nspec:\n  containers: [*c, *c]\n",
			want:     "m.yaml:4:39: Pod/web: spec.containers[0].securityContext.privileged: a string where Kubernetes expects a boolean (true or false, without quotes); 1 more field has the wrong kind",
		},
		{
			name:     "a line break in a name and a key stays on one line",
			manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"a\\nb\"\n  labels: {\"x\\ny\": 1}\n",
			want:     "m.yaml:5:12: Pod/\"a\\nb\": metadata.labels[\"x\\ny\"]: the number 1 where Kubernetes expects a string",
		},
		{
			name:     "multi-document, the second bad",
			manifest: podWith("hostNetwork: true") + "---\n" + "apiVersion: v1\nkind: Pod\nmetadata: {namespace: shop}\nspec:\n  hostNetwork: \"true\"\n",
			want:     "m.yaml:11:3: Pod in document 2: spec.hostNetwork: a string where Kubernetes expects a boolean (true or false, without quotes)",
		},
		{
			name:     "List item",
			manifest: "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: ok}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: web}\n  spec: []\n",
			want:     "m.yaml:10:3: Pod/web in item 2 of the List: spec: a list where Kubernetes expects an object",
		},
		{
			name:     "JSON",
			manifest: "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"},\n \"spec\": {\"containers\": [{\"name\": \"app\",\n  \"securityContext\": {\"privileged\": \"true\"}}]}}\n",
			want:     "m.yaml:3:23: Pod/web: spec.containers[0].securityContext.privileged: a string where Kubernetes expects a boolean (true or false, without quotes)",
		},
		{
			name:     "merged from an anchor",
			manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nx-defaults: &sc {privileged: \"true\"}\nspec:\n  containers:\n  - name: app\n    securityContext: {<<: *sc, runAsUser: 1000}\n",
			want:     "m.yaml:4:18: Pod/web: spec.containers[0].securityContext.privileged: a string where Kubernetes expects a boolean (true or false, without quotes)",
		},

		// What loads.
		{name: "no spec", manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n"},
		{name: "null spec", manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: null\n"},
		{name: "null fields", manifest: podWith("hostNetwork: null", "securityContext: ~", "containers:", "- null", "- name: app", "  securityContext: {privileged: null, runAsUser: null, capabilities: {drop: null}}", "  ports: null")},
		{name: "null template", manifest: workloadWith("apps/v1", "Deployment", "containers: null")},
		{
			name: "every field of its kind",
			manifest: workloadWith("apps/v1", "Deployment",
				"hostNetwork: false", "hostPID: false", "hostIPC: false", "shareProcessNamespace: false",
				"automountServiceAccountToken: false", "serviceAccountName: web", "restartPolicy: Always", "os: {name: linux}",
				"securityContext: {runAsUser: 10001, runAsGroup: 10001, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, sysctls: [{name: kernel.shm_rmid_forced, value: '1'}], seLinuxOptions: {type: container_t}, windowsOptions: {hostProcess: false}}",
				"volumes: [{name: data, emptyDir: {}}, {name: host, hostPath: {path: /data, type: Directory}}]",
				"containers:",
				"- name: app",
				"  image: nginx:1.27",
				"  imagePullPolicy: Always",
				"  ports: [{containerPort: 8080, hostPort: 0, protocol: TCP}]",
				"  env: [{name: DEBUG, value: 'true'}, {name: PW, valueFrom: {secretKeyRef: {name: db, key: pw}}}]",
				"  envFrom: [{secretRef: {name: db}}]",
				"  resources: {limits: {cpu: 1, memory: 512Mi}, requests: {cpu: '500m', memory: 1Gi}}",
				"  livenessProbe: {httpGet: {port: http, path: /}}",
				"  readinessProbe: {tcpSocket: {port: 8080}}",
				"  securityContext: {privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 10001, procMount: Default, capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}, appArmorProfile: {type: RuntimeDefault}}",
			),
		},
		{name: "a whole number written as a float", manifest: podWith("containers:", "- name: app", "  securityContext: {runAsUser: 1000.0}", "  ports: [{containerPort: 8.08e3}]")},
		{name: "strings that look like other kinds", manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {enabled: 'true', version: '1.0'}\n  annotations: {sidecar.istio.io/inject: \"false\", replicas: '3'}\nspec:\n  containers:\n  - name: app\n    env: [{name: ON, value: 'on'}, {name: PORT, value: '8080'}]\n"},
		{name: "fields the rules do not read", manifest: podWith("containers:", "- name: app", "  command: sleep", "  x-unknown: [1, 2]", "  securityContext: {seLinuxOptions: {level: 's0:c1'}, x: 1}", "priority: high", "extra: [1]")},
		{name: "a custom resource", manifest: "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: web}\nspec:\n  - template: {spec: []}\n"},
		{name: "a kind without a pod spec", manifest: "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: [80]\n"},
		{name: "PodTemplate is not read by the rules", manifest: "apiVersion: v1\nkind: PodTemplate\nmetadata: {name: web}\ntemplate:\n  spec: []\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, format := range []input.Format{"", input.FormatKubernetes} {
				_, err := loader.Parse(t.Context(), "m.yaml", []byte(tc.manifest), loader.Options{Format: format})
				if tc.want == "" {
					if err != nil {
						t.Fatalf("format %q: %v", format, err)
					}
					continue
				}
				var fe *loader.FileError
				if !errors.As(err, &fe) || fe.Path != "m.yaml" {
					t.Fatalf("format %q: error %v, want a *FileError naming m.yaml", format, err)
				}
				if got := err.Error(); got != tc.want {
					t.Errorf("format %q:\n got %s\nwant %s", format, got, tc.want)
				}
			}
		})
	}
}
