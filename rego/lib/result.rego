# METADATA
# title: Finding constructors
# description: >-
#   The only way rules build findings, so that every finding has the shape the
#   engine reads: msg, resource (the address) and an optional attribute path.
# scope: package
# custom:
#   library: true
package tenet.lib.result

import rego.v1

# fail(r, msg) is a finding on resource r.
fail(r, msg) := {"msg": msg, "resource": r.address}

# fail_attr(r, attr, msg) is a finding on attribute attr (a dotted path) of r;
# without attribute when attr is "".
fail_attr(r, attr, msg) := f if {
	attr != ""
	f := {"msg": msg, "resource": r.address, "attribute": attr}
} else := fail(r, msg)

# unknown(r, attr) is the finding for a rule decided by attribute attr of r,
# whose value is known only after apply.
unknown(r, attr) := fail_attr(r, attr, sprintf("%s is unknown until apply", [attr]))

# unknown_via(r, other, attr) is the finding for a rule on r decided by
# attribute attr of another resource (a separate configuration resource).
unknown_via(r, other, attr) := fail(r, sprintf("%s of %s is unknown until apply", [attr, other.address]))

# unknown_msg(r, attr, msg) is an unknown finding with a message of the
# rule's own; attr may be "".
unknown_msg(r, attr, msg) := fail_attr(r, attr, msg)
