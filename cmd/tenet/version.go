package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/tenet"
)

func newVersionCommand(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the versions of tenet, its OPA and its built-in bundles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(s.out, "tenet %s\n", tenetVersion())
			fmt.Fprintf(s.out, "opa %s\n", opaVersion())
			bundles, err := tenet.BuiltinBundles(cmd.Context())
			if err != nil {
				return err
			}
			for _, b := range bundles {
				fmt.Fprintf(s.out, "bundle %s %s\n", b.Name, b.Revision)
			}
			return nil
		},
	}
}

// opaVersion reads the embedded OPA's module version from the build info.
func opaVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/open-policy-agent/opa" {
				return d.Version
			}
		}
	}
	return "unknown"
}
