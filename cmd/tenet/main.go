// Command tenet checks Terraform plans, Terraform state and Kubernetes
// manifests against compliance policies and reports per framework control.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	tuneGC()
	// SIGTERM too: it is how service managers and Kubernetes stop tenet watch.
	ctx, stop := signal.NotifyContext(withProcessOwner(context.Background()), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
