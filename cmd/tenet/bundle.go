package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/tenet"
)

func newBundleCommand(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bundle",
		Short: "Build policy bundles, push them to OCI registries and pull them",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newBundleBuildCommand(s), newBundlePushCommand(s), newBundlePullCommand(s))
	return cmd
}

func newBundleBuildCommand(s streams) *cobra.Command {
	var (
		out     string
		signKey string
		version string
		opts    tenet.BuildOptions
	)
	cmd := &cobra.Command{
		Use:   "build DIR... -o FILE",
		Short: "Write policy directories as one OPA bundle archive, optionally signed",
		Long: `Write the policies (.rego files, tests included) and data (data.json, data.yaml)
of each DIR as one OPA bundle archive (.tar.gz with a .manifest), the format
opa build -b writes. Files keep their paths relative to their DIR; the roots
and metadata come from each DIR's .manifest.

With --signing-key the archive also holds an OPA .signatures.json: a JWT
listing every file with its SHA-256 hash, which tenet test --verification-key
and opa run --verification-key check.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return &exitError{code: exitUsage, err: errors.New("give the archive to write with -o FILE")}
			}
			v, err := tenet.ParseRegoVersion(version)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			opts.RegoVersion = v
			if signKey == "" && (opts.ClaimsFile != "" || opts.Scope != "") {
				return &exitError{code: exitUsage, err: errors.New("--claims-file and --scope need --signing-key")}
			}
			if signKey != "" {
				key, err := os.ReadFile(signKey)
				if err != nil {
					return &exitError{code: exitUsage, err: fmt.Errorf("read signing key: %w", err)}
				}
				opts.SigningKey = string(key)
			}
			info, err := writeBundle(cmd, out, args, opts)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			signed := "unsigned"
			if info.Signed {
				signed = fmt.Sprintf("signed with key %q", keyIDOrDefault(opts.KeyID))
			}
			fmt.Fprintf(s.out, "wrote %s: %d files, revision %q, roots [%s], %s\n",
				out, len(info.Files), info.Revision, strings.Join(info.Roots, ", "), signed)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "the bundle archive to write (.tar.gz)")
	fl.StringVar(&opts.Revision, "revision", "", "the manifest revision (default: the one in the directory's .manifest)")
	fl.StringVar(&signKey, "signing-key", "", "sign the bundle with this key: a PEM private key file, or a file holding the HMAC secret")
	fl.StringVar(&opts.SigningAlg, "signing-alg", "RS256", "the signature algorithm: RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, HS256, HS384 or HS512")
	fl.StringVar(&opts.KeyID, "signing-key-id", "default", "the key id written into the signature")
	fl.StringVar(&opts.ClaimsFile, "claims-file", "", "a JSON file of extra claims for the signature")
	fl.StringVar(&opts.Scope, "scope", "", "the scope claim of the signature")
	registerRegoVersion(fl, &version)
	return cmd
}

// writeBundle writes the archive beside its destination and renames it,
// so a failed build never leaves a truncated bundle behind.
func writeBundle(cmd *cobra.Command, out string, dirs []string, opts tenet.BuildOptions) (*tenet.BuildInfo, error) {
	tmp, err := os.CreateTemp(filepath.Dir(out), ".tenet-bundle-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	info, err := tenet.BuildBundle(cmd.Context(), tmp, dirs, opts)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return nil, err
	}
	return info, nil
}

func keyIDOrDefault(id string) string {
	if id == "" {
		return "default"
	}
	return id
}
