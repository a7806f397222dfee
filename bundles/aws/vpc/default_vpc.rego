# METADATA
# title: Workloads are not placed in the default VPC
# description: >-
#   AWS creates the default VPC in every region with public subnets that give
#   every instance a public address, a route to the internet and a default
#   security group nobody designed. Workloads belong in VPCs built for them,
#   with private subnets and reviewed routes. A resource fails when it sits
#   in the default VPC: an instance, a security group, a load balancer, an
#   RDS subnet group or a Lambda function's vpc_config whose subnet or VPC
#   is an aws_default_vpc or aws_default_subnet, a default VPC read through
#   data sources (aws_vpc with default = true, aws_subnet with
#   default_for_az, or aws_subnet, aws_subnet_ids and aws_subnets of the
#   default VPC) or a subnet created in it. Ids are compared by value, and
#   by reference in a plan. A security group without vpc_id, and an
#   instance without subnet_id, network interface or launch template, go to
#   the default VPC as well (a plan that shows the attribute left out). An
#   id unknown until apply that refers to no resource is reported unknown
#   when the document reads the default VPC; with no default VPC in the
#   document, ids written literally are not judged.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_vpc
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group#vpc_id
# custom:
#   id: TNT-AWS-VPC-011
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_instance, aws_security_group, aws_lb, aws_alb, aws_elb, aws_db_subnet_group, aws_lambda_function, aws_default_vpc, aws_default_subnet, aws_subnet]
#   controls:
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Place the resource in subnets of a VPC of its own (aws_vpc and aws_subnet), set vpc_id or subnet_id explicitly, and leave the default VPC unused or delete it.
package tenet.aws.vpc.default_vpc

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# [type, attribute, what it names].
_consumers := [
	["aws_instance", "subnet_id", "subnet"],
	["aws_security_group", "vpc_id", "vpc"],
	["aws_lb", "subnets", "subnet"],
	["aws_lb", "subnet_mapping.subnet_id", "subnet"],
	["aws_alb", "subnets", "subnet"],
	["aws_alb", "subnet_mapping.subnet_id", "subnet"],
	["aws_elb", "subnets", "subnet"],
	["aws_db_subnet_group", "subnet_ids", "subnet"],
	["aws_lambda_function", "vpc_config.subnet_ids", "subnet"],
]

deny contains result.fail_attr(c, attr, msg) if {
	some [type, attr, kind] in _consumers
	some c in terraform.resources(type)
	ids := sort({id | some id in _ids(c, attr); _default_ids[kind][id]})
	count(ids) > 0
	sources := sort({_default_ids[kind][id] | some id in ids})
	msg := sprintf("%s names %s, %s (%s)", [attr, concat(", ", ids), _where[kind], concat(", ", sources)])
}

deny contains result.fail_attr(c, attr, sprintf("%s refers to %s (%s)", [attr, _what[kind], concat(", ", refs)])) if {
	some [type, attr, kind] in _consumers
	some c in terraform.resources(type)
	terraform.unknown(c, attr)
	refs := _refs(c, attr)
	count(refs) > 0
	every ref in refs {
		ref in _default_addresses[kind]
	}
}

deny contains result.fail_attr(sg, "vpc_id", "the security group names no vpc_id: AWS creates it in the default VPC") if {
	some sg in terraform.resources("aws_security_group")
	compute.unset(sg, "vpc_id")
}

deny contains result.fail_attr(i, "subnet_id", "the instance names no subnet, network interface or launch template: it launches into a default subnet of the default VPC") if {
	some i in terraform.resources("aws_instance")
	compute.unset(i, "subnet_id")
	not _elsewhere(i)
}

# Some references name the default VPC and some do not.
unknown contains result.unknown_msg(c, attr, sprintf("%s is unknown until apply and may refer to %s (%s)", [attr, _what[kind], concat(", ", defaults)])) if {
	some [type, attr, kind] in _consumers
	some c in terraform.resources(type)
	terraform.unknown(c, attr)
	refs := _refs(c, attr)
	defaults := [ref | some ref in refs; ref in _default_addresses[kind]]
	count(defaults) > 0
	count(defaults) < count(refs)
}

# A value passed through a local keeps no reference.
unknown contains result.unknown_msg(c, attr, sprintf("%s is unknown until apply, and the document reads the default VPC", [attr])) if {
	count(_default_addresses.vpc) > 0
	some [type, attr, kind] in _consumers
	some c in terraform.resources(type)
	compute.set_unknown(c, attr)
	count(_refs(c, attr)) == 0
}

_what := {"vpc": "the default VPC", "subnet": "a subnet of the default VPC"}

_where := {"vpc": "the default VPC", "subnet": "in the default VPC"}

_refs(c, attr) := object.get(object.get(c, "refs", {}), attr, [])

# _ids(c, attr) is the set of known ids at attr (a string or a list, inside
# blocks).
_ids(c, attr) := {id |
	some v in _values(c, attr)
	some id in _as_list(v)
	is_string(id)
}

# values_at looks through blocks; a top-level attribute is read directly.
_values(c, attr) := terraform.values_at(c, attr) if contains(attr, ".")

_values(c, attr) := {v | v := terraform.get(c, attr, null); v != null} if not contains(attr, ".")

_as_list(v) := v if is_array(v)

_as_list(v) := [v] if is_string(v)

# An instance with a network interface or a launch template takes its
# subnet from them.
_elsewhere(i) if count(terraform.get(i, "network_interface", [])) > 0

_elsewhere(i) if compute.set_unknown(i, "network_interface")

_elsewhere(i) if count(terraform.get(i, "launch_template", [])) > 0

_elsewhere(i) if compute.set_unknown(i, "launch_template")

# The default VPC: the managed resource, or a data source that reads it.
_vpcs := array.concat(
	terraform.resources("aws_default_vpc"),
	[d | some d in terraform.data_sources("aws_vpc"); terraform.get(d, "default", false) == true],
)

# Ids map to the addresses that hold them, the first one named in messages
# (two modules may each manage the same default VPC).
_vpc_ids := {id: _first({x.address | some x in _vpcs; terraform.get(x, "id", null) == id}) |
	some v in _vpcs
	id := terraform.get(v, "id", null)
	is_string(id)
}

_first(addresses) := sort(addresses)[0]

_in_default_vpc(r, attr) if terraform.get(r, attr, null) in object.keys(_vpc_ids)

_in_default_vpc(r, attr) if {
	some ref in _refs(r, attr)
	ref in {v.config_address | some v in _vpcs}
}

# Subnets of the default VPC, each [source, ids].
_subnets contains [s, {terraform.get(s, "id", "")}] if {
	some s in terraform.resources("aws_default_subnet")
}

_subnets contains [s, {terraform.get(s, "id", "")}] if {
	some s in terraform.resources("aws_subnet")
	_in_default_vpc(s, "vpc_id")
}

_subnets contains [d, {terraform.get(d, "id", "")}] if {
	some d in terraform.data_sources("aws_subnet")
	_default_subnet(d)
}

_subnets contains [d, {id | some id in terraform.get(d, "ids", [])}] if {
	some d in terraform.data_sources("aws_subnet_ids")
	_in_default_vpc(d, "vpc_id")
}

_subnets contains [d, {id | some id in terraform.get(d, "ids", [])}] if {
	some d in terraform.data_sources("aws_subnets")
	_default_filter(d)
}

_default_subnet(d) if terraform.get(d, "default_for_az", false) == true

_default_subnet(d) if _in_default_vpc(d, "vpc_id")

_default_filter(d) if {
	some f in terraform.get(d, "filter", [])
	f.name == "vpc-id"
	some id in f.values
	id in object.keys(_vpc_ids)
}

_default_filter(d) if _in_default_vpc(d, "filter.values")

_default_filter(d) if {
	some f in terraform.get(d, "filter", [])
	f.name == "default-for-az"
	"true" in f.values
}

_default_ids := {
	"vpc": _vpc_ids,
	"subnet": {id: _first({x.address | some [x, xs] in _subnets; id in xs}) |
		some [_, ids] in _subnets
		some id in ids
		id != ""
	},
}

_default_addresses := {
	"vpc": {v.config_address | some v in _vpcs},
	"subnet": {s.config_address | some [s, _] in _subnets},
}
