# METADATA
# title: Google Cloud helpers
# description: >-
#   One normalized view of the IAM grants that the Google provider declares
#   through _iam_member, _iam_binding and _iam_policy resources, and the
#   metadata, service account, firewall and GKE node settings shared by the
#   tenet-gcp rules.
# scope: package
# custom:
#   library: true
package tenet.lib.gcp

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# public_members are the IAM principals that mean "anyone".
public_members := {"allUsers", "allAuthenticatedUsers"}

# public_cidrs are the ranges that mean "the whole internet".
public_cidrs := {"0.0.0.0/0", "::/0"}

# iam_types(prefix) are the three IAM resource types of a resource type
# prefix: iam_types("google_storage_bucket") is [google_storage_bucket_iam_member,
# google_storage_bucket_iam_binding, google_storage_bucket_iam_policy].
iam_types(prefix) := [concat("_", [prefix, "iam", kind]) | some kind in ["member", "binding", "policy"]]

# iam_grants(prefix) is the array of grants declared by the IAM resources of
# prefix, one per role and member: {"resource": <resource>, "attribute":
# "member" | "members" | "policy_data", "role": <string or null>, "member":
# <string or null>}. null means known only after apply; an unknown members
# list or policy_data gives one grant with a null member (and role).
iam_grants(prefix) := array.concat(
	array.concat(_member_grants(iam_types(prefix)[0]), _binding_grants(iam_types(prefix)[1])),
	_policy_grants(iam_types(prefix)[2]),
)

_member_grants(type) := [_grant(r, "member", _value(r, "role"), _value(r, "member")) |
	some r in terraform.resources(type)
]

_binding_grants(type) := array.concat(
	[_grant(r, "members", _value(r, "role"), m) |
		some r in terraform.resources(type)
		some m in terraform.get(r, "members", [])
	],
	[_grant(r, "members", _value(r, "role"), null) |
		some r in terraform.resources(type)
		terraform.unknown(r, "members")
	],
)

_policy_grants(type) := array.concat(
	[_grant(r, "policy_data", object.get(b, "role", null), m) |
		some r in terraform.resources(type)
		some b in policy_bindings(terraform.get(r, "policy_data", null))
		some m in object.get(b, "members", [])
	],
	[_grant(r, "policy_data", null, null) |
		some r in terraform.resources(type)
		terraform.unknown(r, "policy_data")
	],
)

_grant(r, attribute, role, member) := {"resource": r, "attribute": attribute, "role": role, "member": member}

# _value is the attribute's value, null when it is unknown until apply.
_value(r, attr) := null if {
	terraform.unknown(r, attr)
} else := terraform.get(r, attr, null)

# policy_bindings(s) is the bindings array of the IAM policy JSON string s
# (the policy_data of an _iam_policy resource); [] when s is not a policy.
policy_bindings(s) := d.bindings if {
	is_string(s)
	json.is_valid(s)
	d := json.unmarshal(s)
	is_array(d.bindings)
} else := []

# grant_text(g) describes grant g for messages: `role "roles/viewer" to allUsers`.
grant_text(g) := sprintf("role %s to %s", [_or_unknown(g.role), _or_unknown(g.member)])

_or_unknown(x) := sprintf("%q", [x]) if {
	x != null
} else := "(unknown until apply)"

# metadata(r, key) is the lower-cased value of key in r's metadata map; ""
# when the key is not set.
metadata(r, key) := lower(v) if {
	v := terraform.get(r, "metadata", {})[key]
	is_string(v)
} else := ""

# truthy(v) is true for the metadata spellings of true that Compute Engine
# accepts (compared lower case).
truthy(v) if v in {"true", "1", "yes", "y", "on"}

# falsy(v) is true for the metadata spellings of false.
falsy(v) if v in {"false", "0", "no", "n", "off"}

# default_service_account(email) is true for the Compute Engine default
# service account (PROJECT_NUMBER-compute@developer.gserviceaccount.com) and
# for "default", which GKE accepts for it.
default_service_account(email) if endswith(email, "-compute@developer.gserviceaccount.com")

default_service_account("default")

# port_covered(ports, port) is true when a firewall ports list admits port:
# an empty list admits every port; entries are "22" or ranges "20-30".
port_covered(ports, _) if count(ports) == 0

port_covered(ports, port) if {
	some p in ports
	_in_range(sprintf("%v", [p]), port)
}

_in_range(p, port) if to_number(p) == port

_in_range(p, port) if {
	[lo, hi] := split(p, "-")
	to_number(lo) <= port
	port <= to_number(hi)
}

# node_configs(r) is the array of the node configurations that GKE resource
# r (google_container_cluster or google_container_node_pool) applies, each
# {"path": <dotted path>, "config": <object>, "computed": <bool>}. A cluster
# contributes its default node_config (unless it is Autopilot or removes the
# default pool) and every inline node_pool. A node_config block that is
# absent, or wholly unknown because the provider computes it, gives config
# {} with computed true: the GKE defaults apply and nothing in it is a
# declaration.
node_configs(r) := array.concat(_own_config(r), _inline_pool_configs(r))

_own_config(r) := [] if {
	r.type == "google_container_cluster"
	_no_default_pool(r)
} else := [_config(r, "node_config", terraform.get(r, "node_config", []))]

_no_default_pool(r) if terraform.is_true(r, "enable_autopilot")

_no_default_pool(r) if terraform.is_true(r, "remove_default_node_pool")

_inline_pool_configs(r) := [] if {
	r.type != "google_container_cluster"
} else := [_config(r, sprintf("node_pool.%d.node_config", [i]), object.get(pool, "node_config", [])) |
	some i, pool in terraform.get(r, "node_pool", [])
]

_config(_, path, blocks) := {"path": concat(".", [path, "0"]), "config": blocks[0], "computed": false} if {
	is_array(blocks)
	is_object(blocks[0])
} else := {"path": path, "config": {}, "computed": true}

# node_unknown(r, nc, attr) is true when attribute attr (dotted, inside the
# node configuration nc of r) is known only after apply in a declared block.
node_unknown(r, nc, attr) if {
	not nc.computed
	terraform.unknown(r, concat(".", [nc.path, attr]))
}

# node_get(nc, path, fallback) reads a dotted path inside node configuration
# nc; fallback when absent or null.
node_get(nc, path, fallback) := terraform.get({"values": nc.config}, path, fallback)

# firewall_exposes(fw, port) is true when google_compute_firewall fw is an
# enabled INGRESS rule that admits TCP traffic to port from the internet: a
# source range of 0.0.0.0/0 or ::/0, or no source at all (Compute Engine
# then applies 0.0.0.0/0), and an allow block for tcp or all whose ports are
# empty or cover port.
firewall_exposes(fw, port) if {
	not terraform.any_unknown(fw, ["direction", "disabled"])
	terraform.get(fw, "direction", "INGRESS") == "INGRESS"
	not terraform.is_true(fw, "disabled")
	_public_source(fw)
	_allows(fw, port)
}

# firewall_may_expose(fw, port) is true when firewall_exposes cannot be
# decided before apply: it does not hold, but would for some value of the
# unknown direction, disabled flag, sources or allow blocks.
firewall_may_expose(fw, port) if {
	not firewall_exposes(fw, port)
	terraform.any_unknown(fw, _firewall_deciding)
	_maybe_ingress(fw)
	_maybe_enabled(fw)
	_maybe_public_source(fw)
	_maybe_allows(fw, port)
}

_firewall_deciding := ["direction", "disabled", "source_ranges", "source_tags", "source_service_accounts", "allow"]

_maybe_ingress(fw) if terraform.unknown(fw, "direction")

_maybe_ingress(fw) if terraform.get(fw, "direction", "INGRESS") == "INGRESS"

_maybe_enabled(fw) if terraform.unknown(fw, "disabled")

_maybe_enabled(fw) if not terraform.is_true(fw, "disabled")

_public_source(fw) if {
	some c in terraform.get(fw, "source_ranges", [])
	c in public_cidrs
}

_public_source(fw) if {
	not terraform.any_unknown(fw, ["source_ranges", "source_tags", "source_service_accounts"])
	every attr in ["source_ranges", "source_tags", "source_service_accounts"] {
		count(terraform.get(fw, attr, [])) == 0
	}
}

_maybe_public_source(fw) if _public_source(fw)

_maybe_public_source(fw) if terraform.unknown(fw, "source_ranges")

_allows(fw, port) if {
	some a in terraform.get(fw, "allow", [])
	lower(sprintf("%v", [a.protocol])) in {"tcp", "6", "all"}
	port_covered(_list(object.get(a, "ports", [])), port)
}

_maybe_allows(fw, port) if _allows(fw, port)

_maybe_allows(fw, _) if terraform.unknown(fw, "allow")

_list(x) := x if is_array(x)

_list(null) := []

# project_metadata_values(key) is the set of lower-cased values that the
# input's project-wide metadata (google_compute_project_metadata maps and
# google_compute_project_metadata_item resources) gives key.
project_metadata_values(key) := {v |
	some r in terraform.resources("google_compute_project_metadata")
	v := metadata(r, key)
	v != ""
} | {lower(v) |
	some r in terraform.resources("google_compute_project_metadata_item")
	terraform.get(r, "key", "") == key
	v := terraform.get(r, "value", null)
	is_string(v)
}

# project_os_login is true when the input's project metadata turns OS Login
# on and nothing in it turns it off.
project_os_login if {
	values := project_metadata_values("enable-oslogin")
	some v in values
	truthy(v)
	not _any_falsy(values)
}

_any_falsy(values) if {
	some v in values
	not truthy(v)
}

# os_login(vm) is true when VM (instance or template) uses OS Login: its own
# metadata enables it, or the project's does and the VM does not turn it off.
os_login(vm) if truthy(metadata(vm, "enable-oslogin"))

os_login(vm) if {
	project_os_login
	metadata(vm, "enable-oslogin") == ""
}

# attr_unknown(r, path) is terraform.unknown_within(r, path), kept for the
# policies that call it: an unknown enclosing block does not count, as the
# Google provider marks many blocks Optional and Computed.
attr_unknown(r, path) if terraform.unknown_within(r, path)

# sql_flags(r) is the map of r's Cloud SQL database flags, name to lower-cased
# value.
sql_flags(r) := {f.name: lower(sprintf("%v", [object.get(f, "value", "")])) |
	some f in terraform.get(r, "settings.0.database_flags", [])
	is_string(f.name)
}

# sql_replica(r) is true for a Cloud SQL read replica: master_instance_name
# is set, or refers to another resource while its value is unknown (the
# attribute is Computed, so an unknown value alone means nothing).
sql_replica(r) if terraform.get(r, "master_instance_name", "") != ""

sql_replica(r) if r.refs.master_instance_name

sql_replica(r) if terraform.get(r, "instance_type", "") == "READ_REPLICA_INSTANCE"

# sql_engine(r) is the engine of a Cloud SQL instance, lower case: "postgres",
# "mysql" or "sqlserver" (the prefix of database_version).
sql_engine(r) := lower(split(terraform.get(r, "database_version", ""), "_")[0])

# unset_computed(r, path) is true when the Optional and Computed attribute at
# path (list indexes included) is unknown in a plan only because the
# configuration leaves it unset, so the provider fills in its default on
# apply: compute.unset, which needs the plan's configuration to show it (a
# value through a local has no refs, but is configured).
unset_computed(r, path) if compute.unset(r, path)

# cluster_of(r) is the google_container_cluster whose node settings r uses:
# r itself for a cluster, the referenced cluster for a node pool; undefined
# when the pool's cluster is not in the input.
cluster_of(r) := r if r.type == "google_container_cluster"

cluster_of(r) := c if {
	r.type == "google_container_node_pool"
	c := terraform.referenced(r, "google_container_cluster", "cluster")[0]
}

# gke_resources is every cluster and node pool in the input.
gke_resources := array.concat(terraform.resources("google_container_cluster"), terraform.resources("google_container_node_pool"))

# dedicated_account_ref(r, key) is true when the expression of r at refs key
# (a path without list indexes, "service_account.email") refers only to
# google_service_account resources: it names a dedicated, user-managed
# account even while its value is unknown.
dedicated_account_ref(r, key) if {
	refs := object.get(object.get(r, "refs", {}), key, [])
	count(refs) > 0
	every ref in refs {
		regex.match(`(^|\.)google_service_account\.[^.]+$`, ref)
	}
}

# sql_flags_path is the attribute that holds a Cloud SQL instance's database
# flags, named in findings.
sql_flags_path := "settings.0.database_flags"

# sql_instances(engine) is the array of live google_sql_database_instance
# resources whose known database_version names engine ("postgres", "mysql"
# or "sqlserver", as sql_engine gives it).
sql_instances(engine) := [db |
	some db in terraform.resources("google_sql_database_instance")
	not terraform.unknown(db, "database_version")
	sql_engine(db) == engine
]

# sql_engine_unknown is the array of Cloud SQL instances whose
# database_version, and so the engine that decides which flags apply, is
# known only after apply.
sql_engine_unknown := [db |
	some db in terraform.resources("google_sql_database_instance")
	terraform.unknown(db, "database_version")
]

# sql_flag(db, name, fallback) is the lower-cased value of database flag name
# on Cloud SQL instance db; fallback (the engine's default) when not set.
sql_flag(db, name, fallback) := object.get(sql_flags(db), name, fallback)

# sql_flags_unknown(db) is true when the database flags of db are known only
# after apply.
sql_flags_unknown(db) if terraform.unknown_within(db, sql_flags_path)

# sql_flag_text(db, name, fallback) describes the value of flag name for
# messages: `"on"`, or `not set (default "off")`.
sql_flag_text(db, name, fallback) := sprintf("%q", [sql_flags(db)[name]]) if {
	sql_flags(db)[name]
} else := sprintf("not set (default %q)", [fallback])

# key_set(r, path) is true when r names a customer-managed encryption key at
# path (dotted, list indexes included): a known non-empty value, or an
# expression that refers to another resource (a google_kms_crypto_key) and
# so will hold a key once applied.
key_set(r, path) if {
	v := terraform.get(r, path, "")
	is_string(v)
	v != ""
}

key_set(r, path) if compute.from_resource(r, path)

# key_unknown(r, path) is true when whether r names a key at path is known
# only after apply: the configuration sets it from a value with no
# reference (a local, a variable through each.value). A key left out, whose
# enclosing block the provider computes, is not unknown: it is unset.
key_unknown(r, path) if {
	not key_set(r, path)
	compute.presence_unknown(r, path)
}

# same_project(a, b) is true when resources a and b may be in the same
# project: their project attributes are equal, or one of them leaves it to
# the provider's default project (unset or unknown).
same_project(a, b) if {
	project(a) == project(b)
} else if {
	"" in {project(a), project(b)}
}

# project(r) is the project that same_project compares: r's project
# attribute, or "" when r leaves it to the provider's default project (unset
# or unknown). Rules that index resources by project key them with it.
project(r) := "" if {
	terraform.unknown(r, "project")
} else := terraform.get(r, "project", "")

# log_metrics(tokens) is the array of live google_logging_metric resources
# whose known filter holds every one of tokens (lower case, without white
# space; the filter is compared lower-cased with its white space removed).
log_metrics(tokens) := [m |
	some m in terraform.resources("google_logging_metric")
	not terraform.unknown(m, "filter")
	_filter_holds(terraform.get(m, "filter", ""), tokens)
]

_filter_holds(filter, tokens) if {
	s := lower(regex.replace(filter, `\s+`, ""))
	every t in tokens {
		contains(s, t)
	}
}

# metric_alerted(m) is true when an enabled google_monitoring_alert_policy
# has a condition on the log-based metric m: a filter or query that names
# logging.googleapis.com/user/<name of m>, or refers to m.
metric_alerted(m) if {
	some a in terraform.resources("google_monitoring_alert_policy")
	not terraform.unknown(a, "enabled")
	terraform.get(a, "enabled", true) != false
	_alert_on(a, m)
}

# metric_alert_unknown(m) is true when metric_alerted(m) does not hold but
# may once applied: an alert policy's conditions are unknown until apply, or
# one on m has an unknown enabled flag.
metric_alert_unknown(m) if {
	not metric_alerted(m)
	some a in terraform.resources("google_monitoring_alert_policy")
	_alert_may_watch(a, m)
}

_alert_may_watch(a, _) if terraform.unknown(a, "conditions")

_alert_may_watch(a, m) if {
	terraform.unknown(a, "enabled")
	_alert_on(a, m)
}

_alert_on(a, m) if {
	name := terraform.get(m, "name", "")
	name != ""
	some s in _condition_strings(a)
	contains(s, concat("", ["logging.googleapis.com/user/", name]))
}

_alert_on(a, m) if {
	some key, targets in object.get(a, "refs", {})
	startswith(key, "conditions.")
	m.config_address in targets
}

_condition_strings(a) := [v |
	walk(terraform.get(a, "conditions", []), [_, v])
	is_string(v)
]

# log_alert_anchors is the array of project audit configurations for
# allServices: a configuration that declares one owns the project's logging
# baseline, so the CIS log metric alerts are judged on it.
log_alert_anchors := [c |
	some c in terraform.resources("google_project_iam_audit_config")
	terraform.get(c, "service", "") == "allServices"
]

# log_alert_deny(tokens, what) is the set of failure findings for the log
# metric alerts on the events that tokens select (see log_metrics; what
# names them in messages): a matching metric that no enabled alert policy
# watches, and an anchor (see log_alert_anchors) whose project has no
# matching metric with an alert.
log_alert_deny(tokens, what) := {result.fail_attr(m, "filter", sprintf("the log metric for %s has no enabled alert policy", [what])) |
	some m in log_metrics(tokens)
	not metric_alerted(m)
	not metric_alert_unknown(m)
} | {result.fail(c, sprintf("project %s has no log metric with an alert policy for %s", [_project_text(c), what])) |
	some c in log_alert_anchors
	not _chain(c, tokens)
	not _chain_pending(c, tokens)
}

# log_alert_unknown(tokens) is the set of unknown findings for the same
# alerts: a metric whose filter, or whose alert, is known only after apply
# and decides whether an anchor has its alert.
log_alert_unknown(tokens) := {result.unknown(m, "filter") |
	some c in log_alert_anchors
	not _chain(c, tokens)
	some m in terraform.resources("google_logging_metric")
	same_project(c, m)
	terraform.unknown(m, "filter")
} | {result.unknown_msg(m, "", "whether an enabled alert policy watches this metric is known only after apply") |
	some m in log_metrics(tokens)
	metric_alert_unknown(m)
}

_chain(c, tokens) if {
	some m in log_metrics(tokens)
	same_project(c, m)
	metric_alerted(m)
}

_chain_pending(c, _) if {
	some m in terraform.resources("google_logging_metric")
	same_project(c, m)
	terraform.unknown(m, "filter")
}

_chain_pending(c, tokens) if {
	some m in log_metrics(tokens)
	same_project(c, m)
	metric_alert_unknown(m)
}

_project_text(c) := sprintf("%q", [project(c)]) if {
	project(c) != ""
} else := "(unknown until apply)"

# env_credentials(name, value) is the set of descriptions of the credential
# that environment variable name appears to hold with value: "a literal
# credential" when the name says it holds a password, secret, token or key
# (see credential_name) and the value is written literally (see
# literal_value), and the credentials that compute.credentials finds in the
# value, or a Google API key. (The Kubernetes library has the same tests
# for manifests; it reads the input document directly, which would keep a
# Terraform rule from being evaluated in shards.)
env_credentials(name, value) := ({"a literal credential" |
	credential_name(name)
	literal_value(value)
} | compute.credentials(value)) | {"a Google API key" |
	regex.match(`\bAIza[0-9A-Za-z_-]{35}\b`, value)
}

# credential_name(name) is true for a variable name whose words (split at _
# . - and camelCase) include password, secret, token or api key, such as
# DB_PASSWORD or apiToken, but not one that names where a credential is
# (SECRET_NAME, TOKEN_PATH, PASSWORD_FILE).
credential_name(name) if {
	k := lower(regex.replace(name, `([a-z0-9])([A-Z])`, "${1}_${2}"))
	regex.match(`(^|[_.-])(password|passwd|secret|token|api_?key)s?($|[_.-])`, k)
	not regex.match(`[_.-](file|path|dir|name|id|ref|url|uri|endpoint|ttl|expiry|timeout|length|policy|version|enabled|type|mount|header)$`, k)
}

# literal_value(value) is true for a single-line value of six characters or
# more that is not a placeholder (${X}, $X, {{ x }}, <x>), a Secret Manager
# resource name, a path, a number or a boolean.
literal_value(value) if {
	v := trim_space(value)
	count(v) >= 6
	not contains(v, "\n")
	not regex.match(`^(\$\{.*\}|\$[a-z_]+|\{\{.*\}\}|<.*>|projects/[^/]+/secrets/.*|/.*|[0-9.]+|true|false|yes|no|null|none|changeme)$`, lower(v))
}
