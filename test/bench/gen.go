// Package bench generates the inputs of the peer benchmark (make
// bench-peers): Terraform plans of any size over the resource types the
// built-in rules judge, and directories of Kubernetes manifests. The output
// depends only on the size and the seed, so every run and every tool reads
// the same bytes.
package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// ResourceTypes lists, sorted, the resource types of target ("terraform" or
// "kubernetes") that some rule selects.
func ResourceTypes(rules []finding.Rule, target string) []string {
	seen := map[string]bool{}
	for _, r := range rules {
		for _, s := range r.Selectors {
			if s.Type != target {
				continue
			}
			for _, t := range s.ResourceTypes {
				seen[t] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// WritePlan writes a Terraform plan (terraform show -json) of n resource
// changes over types, one resource after another so that a plan of 100,000
// resources never sits in memory. Like a real plan it has the planned
// values and the configuration besides the changes, about 3.5 KB a
// resource in all. Types with a template below get realistic attributes,
// compliant or not at random; the others get the attributes every resource
// has, which most rules judge as failing. About one resource in ten has an
// attribute unknown until apply, one in twenty is deleted and one in fifty
// is a data source; all but one in 25 are in modules.
func WritePlan(w io.Writer, n int, types []string, seed uint64) error {
	if len(types) == 0 {
		return fmt.Errorf("no resource types")
	}
	// Templated types are the common ones in real estates: weight them.
	var pick []string
	for _, t := range types {
		pick = append(pick, t)
		if _, ok := templates[t]; ok {
			pick = append(pick, t, t, t, t, t, t, t)
		}
	}
	g := &planWriter{w: bufio.NewWriterSize(w, 1<<20), n: n, pick: pick, seed: seed}
	g.str(`{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{"root_module":`)
	g.module(-1, "values")
	g.str(`},"resource_changes":[`)
	for i := range n {
		if i > 0 {
			g.str(",")
		}
		g.json(g.resource(i).change)
	}
	g.str(`],"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{"region":{"constant_value":"eu-west-1"}}}},"root_module":`)
	g.module(-1, "config")
	g.str("}}\n")
	if g.err != nil {
		return g.err
	}
	return g.w.Flush()
}

// planWriter writes one plan; resource(i) is the same every time it is
// asked for, so each section of the plan regenerates it.
type planWriter struct {
	w    *bufio.Writer
	n    int
	pick []string
	seed uint64
	err  error
}

func (g *planWriter) str(s string) {
	if g.err == nil {
		_, g.err = g.w.WriteString(s)
	}
}

func (g *planWriter) json(v any) {
	data, err := json.Marshal(v)
	if err != nil && g.err == nil {
		g.err = err
	}
	g.str(string(data))
}

const modules = 25

// module writes the root module (m = -1) or child module m of the planned
// values or of the configuration, with the resources it holds.
func (g *planWriter) module(m int, section string) {
	g.str("{")
	if m >= 0 && section == "values" {
		g.str(fmt.Sprintf(`"address":"module.team%d",`, m))
	}
	g.str(`"resources":[`)
	first := true
	for i := max(m, 0); i < g.n; i += modules {
		r := g.resource(i)
		if r.module != m || section == "values" && r.deleted {
			continue
		}
		if !first {
			g.str(",")
		}
		first = false
		if section == "values" {
			g.json(map[string]any{"address": r.change["address"], "mode": r.mode, "type": r.typ, "name": r.name,
				"provider_name": provider(r.typ), "schema_version": 0, "values": r.values, "sensitive_values": map[string]any{"tags": map[string]any{}}})
			continue
		}
		expr := make(map[string]any, len(r.values))
		for k, v := range r.values {
			if v != nil {
				expr[k] = map[string]any{"constant_value": v}
			}
		}
		g.str(`{"address":"` + r.prefix + r.typ + "." + r.name + `","mode":"` + r.mode + `","type":"` + r.typ + `","name":"` + r.name + `","provider_config_key":"aws","schema_version":0,"expressions":`)
		g.json(expr)
		g.str("}")
	}
	g.str("]")
	if m >= 0 {
		g.str("}")
		return
	}
	if section == "values" {
		g.str(`,"child_modules":[`)
	} else {
		g.str(`,"module_calls":{`)
	}
	for c := 1; c < min(modules, g.n); c++ {
		if c > 1 {
			g.str(",")
		}
		if section == "values" {
			g.module(c, section)
			continue
		}
		g.str(fmt.Sprintf(`"team%d":{"source":"./modules/team%d","module":`, c, c))
		g.module(c, "config")
		g.str("}")
	}
	if section == "values" {
		g.str("]}")
	} else {
		g.str("}}")
	}
}

// genResource is one generated resource and its change.
type genResource struct {
	change                  map[string]any
	values                  map[string]any
	typ, name, mode, prefix string
	module                  int // -1 for the root module
	deleted                 bool
}

func (g *planWriter) resource(i int) genResource {
	rng := rand.New(rand.NewPCG(g.seed, uint64(i)))
	return resourceChange(rng, i, g.pick[rng.IntN(len(g.pick))])
}

func resourceChange(rng *rand.Rand, i int, typ string) genResource {
	compliant := rng.IntN(2) == 0
	values := map[string]any{
		"tags":     map[string]any{"team": fmt.Sprintf("team-%d", i%17), "env": []string{"prod", "staging", "dev"}[i%3], "cost-center": fmt.Sprintf("cc-%04d", i%997)},
		"tags_all": map[string]any{"team": fmt.Sprintf("team-%d", i%17), "managed-by": "terraform"},
		"timeouts": nil,
	}
	unknown := map[string]any{"id": true, "arn": true, "tags_all": map[string]any{}}
	if t, ok := templates[typ]; ok {
		for k, v := range t(rng, i, compliant) {
			values[k] = v
		}
	} else {
		values["name"] = fmt.Sprintf("%s-%d", typ, i)
		values["description"] = "generated by the tenet benchmark"
	}
	if rng.IntN(10) == 0 {
		// An attribute the rules read, known only after apply.
		keys := make([]string, 0, len(values))
		for k := range values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		k := keys[rng.IntN(len(keys))]
		values[k] = nil
		unknown[k] = true
	}
	r := genResource{values: values, typ: typ, name: fmt.Sprintf("r%d", i), mode: "managed", module: -1}
	if rng.IntN(50) == 0 {
		r.mode, r.prefix = "data", "data."
	}
	actions := []string{"create"}
	var before, after any = nil, values
	switch x := rng.IntN(20); {
	case x == 0:
		actions, before, after, r.deleted = []string{"delete"}, values, nil, true
	case x < 4:
		actions, before = []string{"update"}, values
	case x < 6:
		actions, before = []string{"no-op"}, values
	}
	address := r.prefix + typ + "." + r.name
	r.change = map[string]any{
		"address": address, "mode": r.mode, "type": typ, "name": r.name,
		"provider_name": provider(typ),
		"change": map[string]any{
			"actions": actions, "before": before, "after": after, "after_unknown": unknown,
			"before_sensitive": false, "after_sensitive": map[string]any{"tags": map[string]any{}},
		},
	}
	if m := i % modules; m > 0 {
		module := fmt.Sprintf("module.team%d", m)
		r.module = m
		r.change["module_address"] = module
		r.change["address"] = module + "." + address
	}
	return r
}

func provider(typ string) string {
	for _, p := range []string{"aws", "azurerm", "google"} {
		if len(typ) > len(p) && typ[:len(p)+1] == p+"_" {
			return "registry.terraform.io/hashicorp/" + p
		}
	}
	return "registry.terraform.io/hashicorp/null"
}

// either returns good when compliant, otherwise bad.
func either[T any](compliant bool, good, bad T) T {
	if compliant {
		return good
	}
	return bad
}

// templates give realistic attributes for the most judged resource types.
var templates = map[string]func(rng *rand.Rand, i int, ok bool) map[string]any{
	"aws_s3_bucket": func(_ *rand.Rand, i int, ok bool) map[string]any {
		v := map[string]any{"bucket": fmt.Sprintf("estate-bucket-%d", i), "force_destroy": false, "acl": either(ok, "private", "public-read")}
		if ok {
			v["versioning"] = []any{map[string]any{"enabled": true, "mfa_delete": true}}
			v["server_side_encryption_configuration"] = []any{map[string]any{"rule": []any{map[string]any{
				"apply_server_side_encryption_by_default": []any{map[string]any{"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abc"}},
				"bucket_key_enabled":                      true,
			}}}}
			v["logging"] = []any{map[string]any{"target_bucket": "logs", "target_prefix": fmt.Sprintf("b%d/", i)}}
		}
		return v
	},
	"aws_ebs_volume": func(rng *rand.Rand, _ int, ok bool) map[string]any {
		return map[string]any{"availability_zone": "eu-west-1a", "size": 8 + rng.IntN(500), "type": "gp3", "encrypted": ok, "iops": 3000, "throughput": 125}
	},
	"aws_security_group": func(rng *rand.Rand, i int, ok bool) map[string]any {
		cidr := either(ok, "10.0.0.0/8", "0.0.0.0/0")
		port := []int{22, 3389, 443, 5432}[rng.IntN(4)]
		return map[string]any{
			"name": fmt.Sprintf("sg-%d", i), "description": "Managed by Terraform", "vpc_id": "vpc-0abc",
			"ingress": []any{map[string]any{"from_port": port, "to_port": port, "protocol": "tcp", "cidr_blocks": []any{cidr}, "ipv6_cidr_blocks": []any{}, "description": "ingress", "self": false, "security_groups": []any{}, "prefix_list_ids": []any{}}},
			"egress":  []any{map[string]any{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": []any{"0.0.0.0/0"}, "ipv6_cidr_blocks": []any{}, "description": "", "self": false, "security_groups": []any{}, "prefix_list_ids": []any{}}},
		}
	},
	"aws_security_group_rule": func(rng *rand.Rand, _ int, ok bool) map[string]any {
		port := []int{22, 3389, 443}[rng.IntN(3)]
		return map[string]any{"type": "ingress", "from_port": port, "to_port": port, "protocol": "tcp", "cidr_blocks": []any{either(ok, "10.1.0.0/16", "0.0.0.0/0")}, "security_group_id": "sg-0abc"}
	},
	"aws_db_instance": func(rng *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{
			"identifier": fmt.Sprintf("db-%d", i), "engine": "postgres", "engine_version": "16.3", "instance_class": "db.t4g.medium",
			"allocated_storage": 20 + rng.IntN(200), "storage_encrypted": ok, "publicly_accessible": !ok, "multi_az": ok,
			"backup_retention_period": either(ok, 14, 0), "deletion_protection": ok, "iam_database_authentication_enabled": ok,
			"auto_minor_version_upgrade": true, "copy_tags_to_snapshot": ok, "monitoring_interval": either(ok, 60, 0),
			"performance_insights_enabled": ok, "enabled_cloudwatch_logs_exports": either(ok, []any{"postgresql", "upgrade"}, []any{}),
			"skip_final_snapshot": !ok, "username": "admin",
		}
	},
	"aws_rds_cluster": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"cluster_identifier": fmt.Sprintf("aurora-%d", i), "engine": "aurora-postgresql", "storage_encrypted": ok, "backup_retention_period": either(ok, 7, 1), "deletion_protection": ok, "iam_database_authentication_enabled": ok, "copy_tags_to_snapshot": ok}
	},
	"aws_kms_key": func(_ *rand.Rand, _ int, ok bool) map[string]any {
		return map[string]any{"description": "estate key", "enable_key_rotation": ok, "customer_master_key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT", "deletion_window_in_days": either(ok, 30, 7), "is_enabled": true}
	},
	"aws_cloudtrail": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{
			"name": fmt.Sprintf("trail-%d", i), "s3_bucket_name": "audit-logs", "is_multi_region_trail": ok, "include_global_service_events": true,
			"enable_log_file_validation": ok, "kms_key_id": either[any](ok, "arn:aws:kms:eu-west-1:111122223333:key/abc", nil),
			"cloud_watch_logs_group_arn": either[any](ok, "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*", nil), "enable_logging": true,
			"event_selector": []any{map[string]any{"read_write_type": "All", "include_management_events": true, "data_resource": []any{}}},
		}
	},
	"aws_instance": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{
			"ami": "ami-0abcdef", "instance_type": "t3.micro", "associate_public_ip_address": !ok, "monitoring": ok, "ebs_optimized": ok,
			"metadata_options":  []any{map[string]any{"http_tokens": either(ok, "required", "optional"), "http_endpoint": "enabled", "http_put_response_hop_limit": 1}},
			"root_block_device": []any{map[string]any{"encrypted": ok, "volume_size": 20, "volume_type": "gp3"}},
			"user_data":         either[any](ok, nil, fmt.Sprintf("#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY=abc%d\n", i)),
		}
	},
	"aws_iam_policy": func(_ *rand.Rand, i int, ok bool) map[string]any {
		action := either(ok, `"s3:GetObject"`, `"*"`)
		return map[string]any{"name": fmt.Sprintf("policy-%d", i), "policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":` + action + `,"Resource":"*"}]}`}
	},
	"aws_lb": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("lb-%d", i), "internal": ok, "load_balancer_type": "application", "drop_invalid_header_fields": ok, "enable_deletion_protection": ok,
			"access_logs": []any{map[string]any{"bucket": "lb-logs", "enabled": ok}}}
	},
	"aws_eks_cluster": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("eks-%d", i), "version": "1.30", "enabled_cluster_log_types": either(ok, []any{"api", "audit", "authenticator"}, []any{}),
			"vpc_config":        []any{map[string]any{"endpoint_public_access": !ok, "endpoint_private_access": true, "public_access_cidrs": []any{"0.0.0.0/0"}}},
			"encryption_config": either[any](ok, []any{map[string]any{"resources": []any{"secrets"}, "provider": []any{map[string]any{"key_arn": "arn:aws:kms:eu-west-1:111122223333:key/abc"}}}}, []any{})}
	},
	"google_compute_instance": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("vm-%d", i), "machine_type": "e2-medium", "zone": "europe-west1-b", "can_ip_forward": !ok,
			"metadata":                 map[string]any{"block-project-ssh-keys": either(ok, "true", "false"), "serial-port-enable": either(ok, "false", "true")},
			"shielded_instance_config": []any{map[string]any{"enable_secure_boot": ok, "enable_vtpm": true, "enable_integrity_monitoring": true}},
			"network_interface":        []any{map[string]any{"network": "default", "access_config": either(ok, []any{}, []any{map[string]any{"nat_ip": ""}})}}}
	},
	"google_sql_database_instance": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("sql-%d", i), "database_version": "POSTGRES_16", "deletion_protection": ok,
			"settings": []any{map[string]any{"tier": "db-f1-micro",
				"ip_configuration":            []any{map[string]any{"ipv4_enabled": !ok, "ssl_mode": either(ok, "ENCRYPTED_ONLY", "ALLOW_UNENCRYPTED_AND_ENCRYPTED"), "authorized_networks": []any{}}},
				"backup_configuration":        []any{map[string]any{"enabled": ok, "point_in_time_recovery_enabled": ok}},
				"database_flags":              []any{map[string]any{"name": "log_connections", "value": either(ok, "on", "off")}},
				"availability_type":           "ZONAL",
				"disk_autoresize":             true,
				"deletion_protection_enabled": ok}}}
	},
	"google_container_cluster": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("gke-%d", i), "location": "europe-west1", "enable_legacy_abac": !ok, "enable_shielded_nodes": ok,
			"master_auth":            []any{map[string]any{"client_certificate_config": []any{map[string]any{"issue_client_certificate": !ok}}}},
			"private_cluster_config": either[any](ok, []any{map[string]any{"enable_private_nodes": true, "enable_private_endpoint": true}}, []any{}),
			"network_policy":         []any{map[string]any{"enabled": ok}}, "logging_service": "logging.googleapis.com/kubernetes"}
	},
	"azurerm_storage_account": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("st%d", i), "resource_group_name": "rg", "location": "westeurope", "account_tier": "Standard",
			"account_replication_type": "GRS", "min_tls_version": either(ok, "TLS1_2", "TLS1_0"), "https_traffic_only_enabled": ok,
			"allow_nested_items_to_be_public": !ok, "public_network_access_enabled": !ok, "shared_access_key_enabled": !ok,
			"infrastructure_encryption_enabled": ok,
			"network_rules":                     []any{map[string]any{"default_action": either(ok, "Deny", "Allow"), "bypass": []any{"AzureServices"}, "ip_rules": []any{}}}}
	},
	"azurerm_key_vault": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("kv-%d", i), "sku_name": "standard", "purge_protection_enabled": ok, "soft_delete_retention_days": 90,
			"public_network_access_enabled": !ok, "enable_rbac_authorization": ok,
			"network_acls": []any{map[string]any{"default_action": either(ok, "Deny", "Allow"), "bypass": "AzureServices"}}}
	},
	"azurerm_network_security_rule": func(rng *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("rule-%d", i), "priority": 100 + rng.IntN(3000), "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
			"source_port_range": "*", "destination_port_range": []string{"22", "3389", "443"}[rng.IntN(3)], "source_address_prefix": either(ok, "10.0.0.0/8", "*"),
			"destination_address_prefix": "*", "resource_group_name": "rg", "network_security_group_name": "nsg"}
	},
}

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
