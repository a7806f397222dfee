# METADATA
# title: Pods do not mount the container runtime socket
# description: >-
#   Whoever can talk to the Docker, containerd or CRI-O socket can start a
#   privileged container on the node and so owns the node and every pod on
#   it. Mounting the socket, or a directory above it, hands that power to
#   the pod.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
# custom:
#   id: TNT-K8S-POD-012
#   severity: critical
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-baseline: ["hostpath-volumes"]
#     k8s-pss-restricted: ["hostpath-volumes"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove the hostPath volume of the runtime socket; build images with a daemonless builder and read container metadata through the Kubernetes API instead.
package tenet.kubernetes.pod.runtime_socket

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# /var/run is a link to /run on current distributions, so both spellings.
_sockets := {
	"/var/run/docker.sock", "/run/docker.sock",
	"/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
	"/var/run/crio/crio.sock", "/run/crio/crio.sock",
	"/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock",
	"/run/k3s/containerd/containerd.sock", "/var/run/k3s/containerd/containerd.sock",
	"/var/run/dockershim.sock", "/run/dockershim.sock",
}

deny contains result.fail_attr(w, kubernetes.volume_attr(w, v, "hostPath.path"), msg) if {
	some w in kubernetes.workloads
	some v in kubernetes.volumes(w)
	path := _clean(v.hostPath.path)
	exposed := sort([s | some s in _sockets; _covers(path, s)])
	count(exposed) > 0
	msg := sprintf("volume %q mounts host path %q, which exposes the container runtime socket %s", [object.get(v, "name", "?"), v.hostPath.path, exposed[0]])
}

_clean(p) := "/" if {
	trim_right(p, "/") == ""
} else := trim_right(p, "/")

_covers(path, socket) if path == socket

_covers("/", _)

_covers(path, socket) if startswith(socket, concat("", [path, "/"]))
