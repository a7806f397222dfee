# METADATA
# title: Security groups do not expose database, cache or legacy admin ports to the internet
# description: >-
#   Databases, caches, search engines, brokers, FTP and Telnet are scanned for
#   constantly and are often run without strong authentication. They should
#   only be reachable from the application tier or a private network.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_ingress_rule
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group
# custom:
#   id: TNT-AWS-VPC-004
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-4", "AC-17", "CM-7", "SC-7", "SC-7(5)"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Restrict the rule's source to the application's security group or private CIDRs.
package tenet.aws.vpc.data_ports_from_internet

import rego.v1

import data.tenet.lib.network
import data.tenet.lib.result

# FTP, Telnet, SQL Server, Oracle, etcd, MySQL, PostgreSQL, Kibana, Redis,
# Kafka, Elasticsearch, Memcached, MongoDB. (The catalog calls the list
# parameterised; tenet has no rule parameters yet, so it is fixed here.)
_ports := [20, 21, 23, 1433, 1521, 2379, 3306, 5432, 5601, 6379, 9092, 9200, 9300, 11211, 27017]

_pairs := [[p, {"tcp"}] | some p in _ports]

deny contains result.fail_attr(rule.resource, rule.attribute, msg) if {
	some rule in network.ingress_rules
	exposed := [sprintf("%d", [p]) | some [p, _] in network.exposed_ports(rule, _pairs)]
	count(exposed) > 0
	msg := sprintf("ingress admits port(s) %s from the whole internet", [concat(", ", exposed)])
}

unknown contains result.unknown_msg(rule.resource, rule.attribute, msg) if {
	some rule in network.ingress_rules
	count(network.exposed_ports(rule, _pairs)) == 0
	count(network.may_expose_ports(rule, _pairs)) > 0
	msg := sprintf("whether ingress admits database or cache ports from the internet is unknown until apply (unknown: %s)", [concat(", ", sort(rule.unknown_attributes))])
}
