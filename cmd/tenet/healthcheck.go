package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/watch"
)

func newHealthcheckCommand(s streams) *cobra.Command {
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "healthcheck [ADDR]",
		Short: "Ask a running tenet watch whether its scans complete (for HEALTHCHECK)",
		Long: `Ask the tenet watch listening on ADDR (default ` + watch.DefaultListen + `, watch's
--listen default) for its /healthz: exit 0 when it answers ok, else exit 1
with the reason on one line. It is the HEALTHCHECK of tenet's container
image, which has no shell or curl; Kubernetes can probe /healthz directly.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			addr := watch.DefaultListen
			if len(args) == 1 {
				addr = args[0]
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			// Exit 1 whatever the cause: Docker reads 1 as unhealthy and
			// reserves 2.
			if err := watch.Probe(ctx, addr); err != nil {
				return &exitError{code: exitFailures, err: err}
			}
			fmt.Fprintln(s.out, "ok")
			return nil
		},
	}
	cmd.Flags().DurationVar(&timeout, "timeout", 3*time.Second, "give up after this long")
	return cmd
}
