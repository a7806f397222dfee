# METADATA
# title: Subnets do not give instances public IP addresses automatically
# description: >-
#   A subnet that maps public addresses on launch makes every instance started
#   in it reachable from the internet unless someone remembers to opt out.
#   Public addresses should be the deliberate exception of a public tier.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/subnet#map_public_ip_on_launch
# custom:
#   id: TNT-AWS-VPC-008
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_subnet]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Set map_public_ip_on_launch = false, or tag a deliberate public tier
#     with Tier = "public" (or kubernetes.io/role/elb).
package tenet.aws.vpc.subnet_public_ip

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The catalog also names assign_ipv6_address_on_creation for internet-routed
# subnets; deciding "internet-routed" needs route tables, so it is left out.
deny contains result.fail_attr(s, "map_public_ip_on_launch", "map_public_ip_on_launch is true: instances get public IP addresses") if {
	some s in terraform.resources("aws_subnet")
	terraform.is_true(s, "map_public_ip_on_launch")
	not _public_tier(s)
}

unknown contains result.unknown(s, "map_public_ip_on_launch") if {
	some s in terraform.resources("aws_subnet")
	terraform.unknown(s, "map_public_ip_on_launch")
	not _public_tier(s)
}

# A subnet tagged as a public tier is public on purpose: Tier (any case) =
# "public", or the kubernetes.io/role/elb tag that marks subnets for
# internet-facing load balancers.
_public_tier(s) if {
	some key, value in terraform.tags(s)
	lower(key) == "tier"
	lower(value) == "public"
}

_public_tier(s) if terraform.tags(s)["kubernetes.io/role/elb"]
