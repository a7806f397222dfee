package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/ocibundle"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

// ociFlags are the flags of tenet bundle push and pull.
type ociFlags struct {
	registry registryFlags
	timeout  time.Duration
	pin      bool
}

func (f *ociFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	f.registry.register(fl)
	fl.DurationVar(&f.timeout, "timeout", ocibundle.DefaultTimeout, "give up after this long")
	fl.BoolVar(&f.pin, "pin", false, "print only the pinned reference, oci://HOST/REPO@sha256:DIGEST, for --policy")
}

func (f *ociFlags) context(ctx context.Context) (context.Context, context.CancelFunc) {
	if f.timeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, f.timeout)
}

func newBundlePushCommand(s streams) *cobra.Command {
	var f ociFlags
	cmd := &cobra.Command{
		Use:   "push REF SOURCE...",
		Short: "Push policy directories or a bundle archive to an OCI registry, as conftest push does",
		Long: `Push the policies and data of SOURCE to the OCI registry repository REF
(HOST/REPO[:TAG], tag latest when none; the oci:// prefix is optional).
SOURCE is one or more policy directories, built as tenet bundle build builds
them, or one bundle archive (.tar.gz) pushed as it is, its .manifest and
.signatures.json included, so a signed bundle stays verifiable.

The artifact has conftest's layout: one layer per file, titled with its path,
with conftest's media types, so conftest pull reads it. Prints the digest and
the pinned reference (oci://HOST/REPO@sha256:...), which always pulls exactly
this push, wherever the tag moves. Credentials come from the Docker config
file ($DOCKER_CONFIG/config.json, else ~/.docker/config.json): run docker
login, or write its "auths" entry. HTTPS, except for loopback registries and
with --plain-http.`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, cancel := f.context(cmd.Context())
			defer cancel()
			pushed, err := tenet.PushBundle(ctx, args[0], args[1:], f.registry.options())
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if f.pin {
				fmt.Fprintln(s.out, ocibundle.Scheme+pushed.Pinned)
				return nil
			}
			fmt.Fprintf(s.out, "pushed %s: %d files, digest %s\npinned: %s%s\n", pushed.Ref, pushed.Layers, pushed.Digest, ocibundle.Scheme, pushed.Pinned)
			return nil
		},
	}
	f.register(cmd)
	return cmd
}

func newBundlePullCommand(s streams) *cobra.Command {
	var (
		f   ociFlags
		out string
	)
	cmd := &cobra.Command{
		Use:   "pull REF -o DIR",
		Short: "Pull a policy bundle from an OCI registry into a directory, as conftest pull does",
		Long: `Write the policies and data of the artifact at REF (HOST/REPO[:TAG] or
HOST/REPO@sha256:DIGEST; the oci:// prefix is optional) into DIR, which must
not exist or be empty; tenet test -p DIR then loads them. Reads conftest's
layout (conftest push, tenet bundle push) and OPA's (one
application/vnd.oci.image.layer.v1.tar+gzip layer holding the bundle archive).

A pinned REF pulls exactly that manifest; every blob is checked against its
digest, sizes against limits, and file names must stay inside DIR. To use a
bundle without writing it anywhere, give --policy oci://REF to tenet test.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return &exitError{code: exitUsage, err: errors.New("give the directory to write with -o DIR")}
			}
			ctx, cancel := f.context(cmd.Context())
			defer cancel()
			pulled, err := tenet.PullBundle(ctx, args[0], out, f.registry.options())
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if f.pin {
				fmt.Fprintln(s.out, ocibundle.Scheme+pulled.Pinned)
				return nil
			}
			fmt.Fprintf(s.out, "pulled %s (%s layout): %d files to %s, digest %s\npinned: %s%s\n",
				pulled.Ref, pulled.Layout, len(pulled.Files), out, pulled.Digest, ocibundle.Scheme, pulled.Pinned)
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringVarP(&out, "output", "o", "", "the directory to write the bundle's files to (new or empty)")
	return cmd
}
