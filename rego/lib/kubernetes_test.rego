package tenet.lib.kubernetes_test

import rego.v1

import data.tenet.lib.fixtures
import data.tenet.lib.kubernetes

_spec := {
	"securityContext": {"runAsNonRoot": true, "runAsUser": 1000},
	"initContainers": [{"name": "init", "image": "busybox:1.36"}],
	"containers": [
		{"name": "web", "image": "nginx:1.27", "securityContext": {"runAsUser": 0}},
		{"name": "sidecar", "image": "envoy:1.30"},
	],
	"ephemeralContainers": [{"name": "debug", "image": "busybox:1.36"}],
}

_service := {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}, "spec": {}}

test_workload_kinds if {
	count(kubernetes.workload_kinds) == 8
	"CronJob" in kubernetes.workload_kinds
}

test_objects_by_kind if {
	inp := fixtures.manifest([_service, fixtures.workload("Deployment", "web", _spec)])
	[o.address | some o in kubernetes.objects("Service")] == ["Service/web"] with input as inp
	[o.address | some o in kubernetes.objects("Deployment")] == ["Deployment/web"] with input as inp
	kubernetes.objects("Pod") == [] with input as inp
}

test_objects_beside_one_input if {
	inp := fixtures.manifest([_service, fixtures.workload("Deployment", "web", _spec)])
	w := kubernetes.objects("Deployment")[0] with input as inp
	[o.address | some o in kubernetes.objects_beside(w, "Service")] == ["Service/web"] with input as inp
	kubernetes.objects_beside(w, "Pod") == [] with input as inp
}

# In a batch, only the objects of the same input are beside each other.
test_objects_beside_batch if {
	web := fixtures.workload("Deployment", "web", _spec)
	inp := fixtures.batch([[_service], [object.union(_service, {"metadata": {"name": "api"}}), web]])
	w := kubernetes.objects("Deployment")[0] with input as inp
	[o.address | some o in kubernetes.objects_beside(w, "Service")] == ["Service/api"] with input as inp
	kubernetes.same_input(w, inp.resources[1])
	not kubernetes.same_input(w, inp.resources[0])
}

test_workloads_cover_every_kind if {
	inp := fixtures.manifest(array.concat([_service], [fixtures.workload(k, "w", _spec) | some k in kubernetes.workload_kinds]))
	kinds := {w.type | some w in kubernetes.workloads} with input as inp
	kinds == {k | some k in kubernetes.workload_kinds}
}

test_workloads_skip_objects_without_pod_spec if {
	broken := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x"}, "spec": {}}
	kubernetes.workloads == [] with input as fixtures.manifest([broken])
}

test_pod_spec_and_path_per_kind if {
	pod := fixtures.kube_object(fixtures.workload("Pod", "p", _spec))
	deploy := fixtures.kube_object(fixtures.workload("Deployment", "d", _spec))
	cron := fixtures.kube_object(fixtures.workload("CronJob", "c", _spec))
	kubernetes.pod_spec(pod) == _spec
	kubernetes.pod_spec(deploy) == _spec
	kubernetes.pod_spec(cron) == _spec
	kubernetes.pod_spec_path(pod) == "spec"
	kubernetes.pod_spec_path(deploy) == "spec.template.spec"
	kubernetes.pod_spec_path(cron) == "spec.jobTemplate.spec.template.spec"
	kubernetes.spec_attr(cron, "hostPID") == "spec.jobTemplate.spec.template.spec.hostPID"
}

test_containers_include_init_and_ephemeral if {
	w := fixtures.kube_object(fixtures.workload("Deployment", "d", _spec))
	[c.name | some c in kubernetes.containers(w)] == ["web", "sidecar", "init", "debug"]
	[c.name | some c in kubernetes.app_containers(w)] == ["web", "sidecar", "init"]
}

test_container_paths if {
	w := fixtures.kube_object(fixtures.workload("Job", "j", _spec))
	kubernetes.container_path(w, _spec.containers[1]) == "spec.template.spec.containers[name=sidecar]"
	kubernetes.container_path(w, _spec.initContainers[0]) == "spec.template.spec.initContainers[name=init]"
	kubernetes.container_attr(w, _spec.ephemeralContainers[0], "image") == "spec.template.spec.ephemeralContainers[name=debug].image"
}

test_container_name_fallback if {
	kubernetes.container_name({"image": "x"}) == "?"
}

test_security_setting_container_overrides_pod if {
	w := fixtures.kube_object(fixtures.workload("Pod", "p", _spec))
	kubernetes.security_setting(w, _spec.containers[0], "runAsUser") == 0
	kubernetes.security_setting(w, _spec.containers[1], "runAsUser") == 1000
	kubernetes.security_setting(w, _spec.containers[1], "runAsNonRoot") == true
	not kubernetes.security_setting(w, _spec.containers[1], "privileged")
}

test_image_reference if {
	kubernetes.image_reference("nginx") == {"repository": "nginx", "tag": "", "digest": ""}
	kubernetes.image_reference("nginx:latest") == {"repository": "nginx", "tag": "latest", "digest": ""}
	kubernetes.image_reference("registry:5000/team/app") == {"repository": "registry:5000/team/app", "tag": "", "digest": ""}
	kubernetes.image_reference("registry:5000/team/app:1.2@sha256:ab12") == {"repository": "registry:5000/team/app", "tag": "1.2", "digest": "sha256:ab12"}
	kubernetes.image_reference("app@sha256:ab12") == {"repository": "app", "tag": "", "digest": "sha256:ab12"}
}

test_containers_tolerate_null_lists if {
	w := fixtures.kube_object(fixtures.workload("Pod", "p", {"initContainers": null, "containers": [{"name": "app", "image": "app:1"}]}))
	[c.name | some c in kubernetes.containers(w)] == ["app"]
}

test_pod_metadata_and_annotations if {
	ann := {"container.apparmor.security.beta.kubernetes.io/web": "unconfined"}
	pod := fixtures.kube_object(object.union(fixtures.workload("Pod", "p", _spec), {"metadata": {"annotations": ann}}))
	deploy := fixtures.kube_object(object.union(fixtures.workload("Deployment", "d", _spec), {"spec": {"template": {"metadata": {"annotations": ann}}}}))
	cron := fixtures.kube_object(fixtures.workload("CronJob", "c", _spec))
	kubernetes.pod_metadata_path(pod) == "metadata"
	kubernetes.pod_metadata_path(deploy) == "spec.template.metadata"
	kubernetes.pod_metadata_path(cron) == "spec.jobTemplate.spec.template.metadata"
	kubernetes.pod_annotations(pod) == ann
	kubernetes.pod_annotations(deploy) == ann
	kubernetes.pod_annotations(cron) == {}
	kubernetes.pod_annotation_attr(deploy, "a/b") == "spec.template.metadata.annotations[a/b]"
}

test_volumes if {
	vol := {"name": "data", "hostPath": {"path": "/data"}}
	w := fixtures.kube_object(fixtures.workload("StatefulSet", "s", object.union(_spec, {"volumes": [vol]})))
	kubernetes.volumes(w) == [vol]
	kubernetes.volume_attr(w, vol, "hostPath.path") == "spec.template.spec.volumes[name=data].hostPath.path"
	kubernetes.volumes(fixtures.kube_object(fixtures.workload("Pod", "p", _spec))) == []
}

test_capabilities_normalised if {
	c := {"name": "a", "securityContext": {"capabilities": {"add": ["net_admin", "CAP_SYS_TIME"], "drop": null}}}
	kubernetes.capabilities(c, "add") == {"NET_ADMIN", "SYS_TIME"}
	kubernetes.capabilities(c, "drop") == set()
	kubernetes.capabilities({"name": "b"}, "add") == set()
}

test_namespace_and_labels if {
	ns := fixtures.kube_object({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team", "labels": {"a": "b"}}})
	d := fixtures.kube_object(fixtures.workload("Deployment", "d", _spec))
	kubernetes.namespace(ns) == ""
	kubernetes.namespace(d) == "default"
	kubernetes.in_namespace(d, "default")
	not kubernetes.in_namespace(d, "team")
	kubernetes.in_namespace(ns, "team")
	kubernetes.labels(ns) == {"a": "b"}
	kubernetes.labels(d) == {}
	"kube-system" in kubernetes.system_namespaces
}

test_long_running if {
	kubernetes.long_running(fixtures.kube_object(fixtures.workload("Deployment", "d", _spec)))
	kubernetes.long_running(fixtures.kube_object(fixtures.workload("Pod", "p", _spec)))
	not kubernetes.long_running(fixtures.kube_object(fixtures.workload("Pod", "p", object.union(_spec, {"restartPolicy": "Never"}))))
	not kubernetes.long_running(fixtures.kube_object(fixtures.workload("Job", "j", _spec)))
	not kubernetes.long_running(fixtures.kube_object(fixtures.workload("CronJob", "c", _spec)))
}

test_windows if {
	kubernetes.windows(fixtures.kube_object(fixtures.workload("Pod", "p", object.union(_spec, {"os": {"name": "windows"}}))))
	not kubernetes.windows(fixtures.kube_object(fixtures.workload("Pod", "p", object.union(_spec, {"os": {"name": "linux"}}))))
	not kubernetes.windows(fixtures.kube_object(fixtures.workload("Pod", "p", _spec)))
}

test_pod_annotations_null if {
	kubernetes.pod_annotations(fixtures.kube_object(object.union(fixtures.workload("Pod", "p", _spec), {"metadata": {"annotations": null}}))) == {}
}

test_pod_labels if {
	kubernetes.pod_labels({"type": "Deployment", "values": {"spec": {"template": {"metadata": {"labels": {"app": "web"}}}}}}) == {"app": "web"}
	kubernetes.pod_labels({"type": "Pod", "values": {"metadata": {"labels": {"app": "p"}}, "spec": {}}}) == {"app": "p"}
	kubernetes.pod_labels({"type": "Job", "values": {"spec": {"template": {}}}}) == {}
}

test_selects if {
	l := {"app": "web", "tier": "front"}
	kubernetes.selects({}, l)
	kubernetes.selects({"matchLabels": {"app": "web"}}, l)
	not kubernetes.selects({"matchLabels": {"app": "api"}}, l)
	kubernetes.selects({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["front", "edge"]}]}, l)
	not kubernetes.selects({"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["front"]}]}, l)
	kubernetes.selects({"matchExpressions": [{"key": "zone", "operator": "NotIn", "values": ["a"]}]}, l)
	kubernetes.selects({"matchExpressions": [{"key": "app", "operator": "Exists"}, {"key": "zone", "operator": "DoesNotExist"}]}, l)
	not kubernetes.selects({"matchExpressions": [{"key": "zone", "operator": "Exists"}]}, l)
	not kubernetes.selects({"matchExpressions": [{"key": "app", "operator": "DoesNotExist"}]}, l)
	not kubernetes.selects({"matchExpressions": [{"key": "app", "operator": "Gt", "values": ["1"]}]}, l)
	not kubernetes.selects(null, l)
}

_pod(spec, annotations) := {"type": "Pod", "values": {"metadata": {"annotations": annotations}, "spec": spec}}

test_seccomp_profile if {
	c := {"name": "a", "image": "a:1"}
	kubernetes.seccomp_profile(_pod({"containers": [c]}, {}), c) == ""
	kubernetes.seccomp_profile(_pod({"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}}, {}), c) == "RuntimeDefault"
	kubernetes.seccomp_profile(_pod({"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}}, {"container.seccomp.security.alpha.kubernetes.io/a": "unconfined"}), c) == "Unconfined"
	kubernetes.seccomp_profile(_pod({}, {"seccomp.security.alpha.kubernetes.io/pod": "localhost/p.json"}), c) == "Localhost"
	kubernetes.seccomp_profile(_pod({}, {"seccomp.security.alpha.kubernetes.io/pod": "docker/default"}), c) == "RuntimeDefault"
	c2 := object.union(c, {"securityContext": {"seccompProfile": {"type": "Localhost"}}})
	kubernetes.seccomp_profile(_pod({"securityContext": {"seccompProfile": {"type": "Unconfined"}}}, {}), c2) == "Localhost"
}

test_credential_helpers if {
	kubernetes.credential_key("DB_PASSWORD")
	kubernetes.credential_key("apiToken")
	not kubernetes.credential_key("password_file")
	not kubernetes.credential_key("tokenizer")
	kubernetes.literal_value("s3cr3t-Value")
	not kubernetes.literal_value("${DB_PASSWORD}")
	not kubernetes.literal_value("/run/secrets/db")
	regex.match(kubernetes.credential_patterns["an AWS access key id"], "AKIAABCDEFGHIJKLMNOP")
}
