package engine

import (
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// attackFiles are crafted manifests that try to make a batched rule see,
// hide or take the objects and findings of another file: objects that the
// seven joining rules look up, without a namespace or in odd ones; List
// objects, nested Lists, JSON, aliases; values that carry batch_input at
// every depth the loader lets an input reach; addresses that collide
// across files (ns/Kind/name against a kind holding a slash); duplicates
// within one file; non-string namespaces and names.
var attackFiles = map[string]string{
	// Objects that other files' workloads and namespaces would join.
	"np-any.yaml":   "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: all}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n",
	"lr-any.yaml":   "apiVersion: v1\nkind: LimitRange\nmetadata: {name: lr}\nspec:\n  limits:\n  - type: Container\n    default: {cpu: 1, memory: 1Gi}\n    defaultRequest: {cpu: 1, memory: 1Gi}\n",
	"rq-any.yaml":   "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: rq}\nspec: {hard: {pods: '1'}}\n",
	"sa-any.yaml":   "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: false\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: x, namespace: other}\nautomountServiceAccountToken: false\n",
	"sa-other.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: y, namespace: far}\nautomountServiceAccountToken: false\n",
	// The judged objects.
	"ns.yaml":      "apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n",
	"ns-list.yaml": "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: listed}\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: v1\n    kind: Namespace\n    metadata: {name: nested}\n",
	"pod.yaml":     "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: a}}\nspec:\n  containers:\n  - {name: c, image: nginx}\n",
	"pod-y.yaml":   "apiVersion: v1\nkind: Pod\nmetadata: {name: py}\nspec:\n  serviceAccountName: y\n  containers:\n  - {name: c, image: nginx}\n",
	"pod-x.yaml":   "apiVersion: v1\nkind: Pod\nmetadata: {name: px, namespace: team}\nspec:\n  serviceAccountName: x\n  containers:\n  - {name: c, image: nginx}\n",
	"pod.json":     `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "pj", "namespace": 5, "batch_input": 1}, "batch_input": 0, "spec": {"batch_input": 0, "containers": [{"name": "c", "image": "nginx", "batch_input": 0}]}}`,
	"deploy.yaml":  "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: team}\nspec:\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers:\n      - {name: c, image: nginx}\n",
	// A kind holding a slash: its address is that of a namespaced Pod.
	"slash.yaml":   "apiVersion: v1\nkind: team/Pod\nmetadata: {name: p}\n",
	"teampod.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: team}\nspec:\n  containers:\n  - {name: c, image: nginx}\n",
	// The same object twice in one file, and through an alias.
	"dup.yaml":   "apiVersion: v1\nkind: Pod\nmetadata: {name: dup}\nspec: {containers: [{name: c, image: a}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: dup}\nspec: {containers: [{name: c, image: b}]}\n",
	"alias.yaml": "apiVersion: v1\nkind: List\nitems: [&p {apiVersion: v1, kind: Pod, metadata: {name: al}, spec: {containers: [{name: c, image: a}]}}, *p]\n",
	// Odd metadata.
	"noname.yaml":   "apiVersion: v1\nkind: Namespace\nmetadata: [a]\n",
	"generate.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {generateName: g-}\nspec: {containers: [{name: c, image: a}]}\n",
	"default.yaml":  "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: default}\nspec: {containers: [{name: c, image: a}]}\n",
	// RBAC across files.
	"role.yaml":    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n- {apiGroups: ['*'], resources: ['*'], verbs: ['*']}\n",
	"binding.yaml": "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: team}\nroleRef: {kind: ClusterRole, name: r, apiGroup: rbac.authorization.k8s.io}\nsubjects:\n- {kind: ServiceAccount, name: default}\n",
}

// attackDocs writes files and reads the batchable documents they make.
func attackDocs(t *testing.T, e *Engine, files map[string]string) []input.Document {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for name, text := range files {
		names = append(names, name)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(names)
	var docs []input.Document
	for _, name := range names {
		doc, err := loader.Read(t.Context(), filepath.Join(dir, name), loader.Options{})
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		if !e.Batchable(doc) {
			t.Logf("%s: not batchable", name)
			continue
		}
		docs = append(docs, doc)
	}
	return docs
}

// TestAttackBatch_CraftedManifests tries crafted files (objects that the
// joining rules look up in every namespace, batch_input in the values,
// colliding addresses, Lists, aliases, duplicates) in every order and in
// random subsets: each file must get in its batch what Eval gives it.
func TestAttackBatch_CraftedManifests(t *testing.T) {
	e, err := New(t.Context(), builtinCatalog(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := attackDocs(t, e, attackFiles)
	if len(docs) < 15 {
		t.Fatalf("%d documents", len(docs))
	}
	compareBatch(t, e, docs)
	rng := rand.New(rand.NewSource(1))
	for range 30 {
		perm := rng.Perm(len(docs))
		n := 2 + rng.Intn(len(docs)-1)
		var sub []input.Document
		for _, i := range perm[:n] {
			sub = append(sub, docs[i])
		}
		compareBatch(t, e, sub)
	}
}

// TestAttackBatch_PolicyInPackageTenet: a policy from outside the
// built-ins in package tenet itself (not under data.tenet.) adds, through
// a ref head, a definition of lib.kubernetes.same_input that always holds,
// which in a batch would let the joining rules see the other files'
// objects and hide their findings. Like any outside module in the
// built-ins' namespace, it makes no rule per-resource: nothing is batched.
func TestAttackBatch_PolicyInPackageTenet(t *testing.T) {
	const policy = `package tenet

import rego.v1

lib.kubernetes.same_input(_, _) := true
`
	e := engineFor(t, append(builtinSources(t), catalog.Source{Path: "custom", FS: fstest.MapFS{"p.rego": {Data: []byte(policy)}}}))
	for _, name := range []string{"ns.yaml", "np-any.yaml"} {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte(attackFiles[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		doc, err := loader.Read(t.Context(), path, loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if e.Batchable(doc) {
			t.Errorf("%s is batched beside a policy that redefines same_input", name)
		}
	}
}

// TestReachesPackage: a module's rules reach the packages below its own
// that their head references go into, a variable going anywhere.
func TestReachesPackage(t *testing.T) {
	m := ast.MustParseModule("package tenet\n\nimport rego.v1\n\ndeny contains 1\n\naws.s3.x.deny contains 1\n\nk8s[name].deny contains name if name := \"a\"\n")
	for pkg, want := range map[string]bool{
		"data.tenet.aws.s3.x":   true,
		"data.tenet.aws.s3":     true,
		"data.tenet.aws.s3.y":   false,
		"data.tenet.k8s.pod":    true,
		"data.tenet.k8s.pod.a":  false,
		"data.tenet.lib.result": false,
		"data.tenet":            false, // its own: byPackage holds it there already
		"data.other.aws.s3.x":   false,
	} {
		if got := reachesPackage(m, ast.MustParseRef(pkg)); got != want {
			t.Errorf("reachesPackage(%s) = %v, want %v", pkg, got, want)
		}
	}
}
