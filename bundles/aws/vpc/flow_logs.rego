# METADATA
# title: VPCs record flow logs of rejected or all traffic
# description: >-
#   Flow logs are the only record of which addresses talked to what inside a
#   VPC; without them an intrusion or exfiltration cannot be traced afterwards.
#   Capturing at least rejected traffic also shows scanning and misrouted
#   connections.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/flow_log
# custom:
#   id: TNT-AWS-VPC-006
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_vpc, aws_default_vpc]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["3.7"]
#     cis-aws-1.5.0: ["3.9"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-6", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add an aws_flow_log with vpc_id = the VPC's id and traffic_type = "ALL" (or "REJECT").
package tenet.aws.vpc.flow_logs

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail(vpc, "no aws_flow_log with traffic_type ALL or REJECT is attached to the VPC (vpc_id)") if {
	some vpc in _vpcs
	not _logged(vpc)
	not _undecided(vpc)
}

unknown contains result.unknown_via(vpc, log, "traffic_type") if {
	some vpc in _vpcs
	not _logged(vpc)
	some log in _flow_logs(vpc)
	terraform.unknown(log, "traffic_type")
}

# ACCEPT-only logs miss the rejected connections that show probing.
_logged(vpc) if {
	some log in _flow_logs(vpc)
	terraform.get(log, "traffic_type", "") in {"ALL", "REJECT"}
}

_undecided(vpc) if {
	some log in _flow_logs(vpc)
	terraform.unknown(log, "traffic_type")
}

_flow_logs(vpc) := terraform.referencing(vpc, "aws_flow_log", "vpc_id")

# The default VPC, once managed, is a VPC like any other.
_vpcs := array.concat(terraform.resources("aws_vpc"), terraform.resources("aws_default_vpc"))
