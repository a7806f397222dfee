// Kubernetes manifests.

package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// WriteManifests writes n Kubernetes manifest files into dir: workloads of
// every kind the rules select, with and without the settings they check,
// and a few RBAC objects and Services.
func WriteManifests(dir string, n int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, uint64(n)))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		docs := []string{workload(rng, i)}
		if i%4 == 0 {
			docs = append(docs, service(i))
		}
		if i%10 == 0 {
			docs = append(docs, role(rng, i))
		}
		data := []byte("")
		for j, d := range docs {
			if j > 0 {
				data = append(data, "---\n"...)
			}
			data = append(data, d...)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("app-%04d.yaml", i)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

var workloadKinds = []string{"Deployment", "Deployment", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicaSet"}

func workload(rng *rand.Rand, i int) string {
	ok := rng.IntN(2) == 0
	kind := workloadKinds[rng.IntN(len(workloadKinds))]
	image := either(ok, fmt.Sprintf("registry.example.com/app%d@sha256:%064x", i%50, i), "nginx:"+either(rng.IntN(2) == 0, "latest", "1.27"))
	container := fmt.Sprintf(`name: app
image: %s
ports:
- containerPort: 8080
resources:%s
securityContext:
  privileged: %t
  allowPrivilegeEscalation: %t
  readOnlyRootFilesystem: %t
  runAsNonRoot: %t
  capabilities:
    drop: [%s]
    add: [%s]
livenessProbe:
  httpGet: {path: /healthz, port: 8080}
env:
- name: LOG_LEVEL
  value: info
`, image,
		either(ok, "\n  limits: {cpu: 500m, memory: 256Mi}\n  requests: {cpu: 100m, memory: 128Mi}", " {}"),
		!ok && rng.IntN(3) == 0, !ok, ok, ok,
		either(ok, "ALL", ""), either(ok || rng.IntN(2) == 0, "", "NET_ADMIN"))
	pod := fmt.Sprintf(`serviceAccountName: app
automountServiceAccountToken: %t
hostNetwork: %t
hostPID: false
securityContext:
  runAsNonRoot: %t
  seccompProfile: {type: %s}
containers:
- %s`, !ok, !ok && rng.IntN(4) == 0, ok, either(ok, "RuntimeDefault", "Unconfined"), strings.TrimPrefix(indent(container, "  "), "  "))
	meta := fmt.Sprintf("metadata:\n  name: app-%d\n  namespace: %s\n  labels: {app: app-%d, team: t%d}\n", i, either(ok, "team-a", "default"), i, i%9)
	api := map[string]string{"Pod": "v1", "Job": "batch/v1", "CronJob": "batch/v1"}[kind]
	if api == "" {
		api = "apps/v1"
	}
	head := fmt.Sprintf("apiVersion: %s\nkind: %s\n%s", api, kind, meta)
	switch kind {
	case "Pod":
		return head + "spec:\n" + indent(pod, "  ")
	case "CronJob":
		return head + "spec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n" + indent(pod+"restartPolicy: Never\n", "          ")
	case "Job":
		return head + "spec:\n  template:\n    spec:\n" + indent(pod+"restartPolicy: Never\n", "      ")
	}
	return head + fmt.Sprintf("spec:\n  replicas: %d\n  selector:\n    matchLabels: {app: app-%d}\n  template:\n    metadata:\n      labels: {app: app-%d}\n    spec:\n", 1+rng.IntN(3), i, i) + indent(pod, "      ")
}

func service(i int) string {
	return fmt.Sprintf("apiVersion: v1\nkind: Service\nmetadata:\n  name: app-%d\nspec:\n  type: %s\n  selector: {app: app-%d}\n  ports:\n  - port: 80\n    targetPort: 8080\n", i, either(i%3 != 0, "ClusterIP", "NodePort"), i)
}

func role(rng *rand.Rand, i int) string {
	verbs := either(rng.IntN(2) == 0, `["get", "list"]`, `["*"]`)
	return fmt.Sprintf("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app-%d\n  namespace: team-a\nrules:\n- apiGroups: [\"\"]\n  resources: [\"pods\", \"secrets\"]\n  verbs: %s\n", i, verbs)
}

// indent prefixes every non-empty line of s with prefix.
func indent(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" && l != "\n" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "")
}
