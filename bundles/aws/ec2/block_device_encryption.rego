# METADATA
# title: Block devices of instances and launch templates are encrypted
# description: >-
#   Volumes declared on an instance or in a launch template or launch
#   configuration are created with every instance, so one unencrypted mapping
#   multiplies into many readable disks and snapshots. Declaring encryption on
#   each mapping keeps data at rest protected whatever the AMI defaults are.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#ebs-ephemeral-and-root-block-devices
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#block-devices
# custom:
#   id: TNT-AWS-EC2-003
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   controls:
#     cis-aws-3.0.0: ["2.2.1"]
#     cis-aws-1.5.0: ["2.2.1"]
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: >-
#     Set encrypted = true on root_block_device and every ebs_block_device (or
#     encrypted = "true" in each launch template ebs block), or enable
#     aws_ebs_encryption_by_default.
package tenet.aws.ec2.block_device_encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# Instances and launch configurations: booleans, Optional and Computed.
# Undeclared blocks (the same principle as TNT-AWS-EC2-004): a root device
# left out takes the AMI's block device mapping and the account's EBS
# encryption default, not the configuration's, so a plan that lists it as a
# wholly unknown block cannot show them: unknown. An encrypted flag unknown
# until apply is unknown too (as in TNT-AWS-EC2-001). A block known to be
# absent (state, or a plan that does not compute it) is judged: the root
# volume is not encrypted by the configuration.
deny contains result.fail_attr(r, path, sprintf("%s is not true: the volume is not encrypted", [path])) if {
	some r in _judged(["aws_instance", "aws_launch_configuration"])
	some path, device in _devices(r)
	not device.encrypted == true
	not terraform.unknown(r, path)
	not _from_snapshot(device)
}

deny contains result.fail(r, "no root_block_device is declared, so the root volume is not encrypted") if {
	some r in _judged(["aws_instance", "aws_launch_configuration"])
	terraform.get(r, "root_block_device", []) == []
	not terraform.unknown(r, "root_block_device")
}

unknown contains result.unknown(r, path) if {
	some r in _judged(["aws_instance", "aws_launch_configuration"])
	some path, _ in _devices(r)
	terraform.unknown(r, path)
}

unknown contains result.unknown_msg(r, "root_block_device", "root volume encryption is decided by the AMI or the account default, unknown until apply") if {
	some r in _judged(["aws_instance", "aws_launch_configuration"])
	terraform.get(r, "root_block_device", []) == []
	terraform.unknown(r, "root_block_device")
}

# Launch templates: encrypted is a string ("true", "false" or "").
deny contains result.fail_attr(lt, path, sprintf("%s is not \"true\"", [path])) if {
	some lt in _judged(["aws_launch_template"])
	some i, mapping in terraform.get(lt, "block_device_mappings", [])
	some j, ebs in object.get(mapping, "ebs", [])
	path := sprintf("block_device_mappings.%d.ebs.%d.encrypted", [i, j])
	not lower(sprintf("%v", [object.get(ebs, "encrypted", "")])) == "true"
	not terraform.unknown(lt, path)
	not _from_snapshot(ebs)
}

unknown contains result.unknown(lt, path) if {
	some lt in _judged(["aws_launch_template"])
	some i, mapping in terraform.get(lt, "block_device_mappings", [])
	some j, _ in object.get(mapping, "ebs", [])
	path := sprintf("block_device_mappings.%d.ebs.%d.encrypted", [i, j])
	terraform.unknown(lt, path)
}

unknown contains result.unknown(lt, "block_device_mappings") if {
	some lt in _judged(["aws_launch_template"])
	count(terraform.get(lt, "block_device_mappings", [])) == 0
	compute.set_unknown(lt, "block_device_mappings")
}

_judged(types) := [r |
	not compute.ebs_encrypted_by_default
	some type in types
	some r in terraform.resources(type)
]

# _devices(r) maps the path of each declared device's encrypted flag to the
# device.
_devices(r) := {path: device |
	some block in ["root_block_device", "ebs_block_device"]
	some i, device in terraform.get(r, block, [])
	path := sprintf("%s.%d.encrypted", [block, i])
}

# A device restored from a snapshot takes the snapshot's encryption.
_from_snapshot(device) if {
	id := object.get(device, "snapshot_id", "")
	not id in {"", null}
}
