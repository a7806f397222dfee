# METADATA
# title: AWS database helpers
# description: >-
#   Selection of RDS instances and clusters by the role they play (standalone
#   instance, Aurora member, read replica) and the engine family that decides
#   which settings apply.
# scope: package
# custom:
#   library: true
package tenet.lib.database

import rego.v1

import data.tenet.lib.terraform

# engine(r) is r's engine in lower case ("" when unset or unknown).
engine(r) := lower(terraform.get(r, "engine", ""))

# family(r) is the engine family of an RDS instance or cluster: "postgres",
# "mysql" (MySQL, Aurora MySQL), "mariadb", "sqlserver", "oracle", "db2", or
# the engine itself.
family(r) := "postgres" if {
	engine(r) in {"postgres", "aurora-postgresql"}
} else := "mysql" if {
	engine(r) in {"mysql", "aurora", "aurora-mysql"}
} else := f if {
	some f in ["mariadb", "sqlserver", "oracle", "db2"]
	startswith(engine(r), f)
} else := engine(r)

# aurora(r) is true when r runs an Aurora engine.
aurora(r) if startswith(engine(r), "aurora")

# replica(r) is true when instance r is a read replica (replicate_source_db
# set, even if only known after apply): it inherits encryption, backups and
# much of its configuration from the source. State records "" for instances
# that are not replicas.
replica(r) if terraform.get(r, "replicate_source_db", "") != ""

replica(r) if terraform.unknown(r, "replicate_source_db")

# instances is the array of aws_db_instance resources that are configured on
# their own: not Aurora members (whose cluster holds the setting) and not
# read replicas.
instances := [r |
	some r in terraform.resources("aws_db_instance")
	not aurora(r)
	not replica(r)
]

# clusters is the array of aws_rds_cluster resources.
clusters := terraform.resources("aws_rds_cluster")

# databases is instances followed by clusters: the resources that carry
# database-wide settings such as backups and log exports.
databases := array.concat(instances, clusters)
