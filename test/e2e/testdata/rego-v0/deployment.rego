package main

deny[msg] {
  input.kind == "Deployment"
  not input.spec.template.spec.securityContext.runAsNonRoot
  msg := "Containers must not run as root"
}

warn[msg] {
  input.kind == "Deployment"
  msg := sprintf("deployment %v", [input.metadata.name])
}
