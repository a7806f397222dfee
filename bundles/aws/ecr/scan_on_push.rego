# METADATA
# title: ECR repositories scan images for vulnerabilities when they are pushed
# description: >-
#   Scanning on push reports known vulnerabilities in an image before it is
#   deployed, while fixing is still cheap. Without it vulnerable images reach
#   clusters unnoticed.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#image_scanning_configuration
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_registry_scanning_configuration
# custom:
#   id: TNT-AWS-ECR-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ecr_repository]
#   controls:
#     nist-800-53-r5: ["RA-5", "SI-2"]
#     soc2-2017: ["CC7.1"]
#     pci-dss-4.0: ["6.3.1", "11.3.1"]
#     hipaa: ["164.308(a)(1)(ii)(A)", "164.308(a)(5)(ii)(B)"]
#     gdpr: ["Art. 32(1)(d)"]
#   remediation: >-
#     Set image_scanning_configuration { scan_on_push = true }, or add an
#     aws_ecr_registry_scanning_configuration rule with scan_frequency
#     SCAN_ON_PUSH or CONTINUOUS_SCAN whose filter matches the repository.
package tenet.aws.ecr.scan_on_push

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_scan := "image_scanning_configuration.0.scan_on_push"

deny contains result.fail_attr(repo, "image_scanning_configuration.scan_on_push", "image_scanning_configuration.scan_on_push is not true and no registry scanning rule covers the repository") if {
	some repo in terraform.resources("aws_ecr_repository")
	not terraform.is_true(repo, _scan)
	not terraform.unknown(repo, _scan)
	not _registry_scans(repo)
}

unknown contains result.unknown(repo, "image_scanning_configuration.scan_on_push") if {
	some repo in terraform.resources("aws_ecr_repository")
	terraform.unknown(repo, _scan)
	not _registry_scans(repo)
}

# Registry-wide rules (enhanced or basic scanning) match repositories by
# wildcard filters; a repository name never contains ":".
_registry_scans(repo) if {
	some config in terraform.resources("aws_ecr_registry_scanning_configuration")
	some rule in terraform.get(config, "rule", [])
	rule.scan_frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some f in rule.repository_filter
	glob.match(f.filter, [":"], terraform.get(repo, "name", ""))
}
