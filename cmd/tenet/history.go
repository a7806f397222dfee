package main

import (
	"crypto"
	"errors"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

func newHistoryCommand(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Check and list the runs stored by --history",
		Long: `tenet test --history DIR and tenet watch append each run to DIR: one record per
run with the json report, the sha256 of each input, the bundle revisions and the
tool version, each record chained to the one before by sha256, and signed with
--history-signing-key.`,
	}
	cmd.AddCommand(newHistoryVerifyCommand(s), newHistoryShowCommand(s), newHistoryKeygenCommand(s))
	return cmd
}

func newHistoryVerifyCommand(s streams) *cobra.Command {
	var anchor, keyFile string
	cmd := &cobra.Command{
		Use:   "verify DIR",
		Short: "Check the hash chain of a history directory",
		Long: `Check every record of the history in DIR: numbered from 1 without gaps, each
record's hash, and each record's link to the one before. Prints the number of
records and the head hash; keep the head hash elsewhere and pass it later as
--anchor to detect deleted newest records, which a chain alone cannot.

Without --verification-key the chain shows only that no record was edited,
removed or inserted without recomputing the hashes after it: whoever can write
DIR can recompute them. With the public key of --history-signing-key, every
record must also carry a valid signature by that key, which such a writer
cannot make.

Exits 0 when the history is intact, 1 naming the first bad record (edited,
missing, damaged, unsigned or signed with another key), 2 for an unusable key,
3 when DIR cannot be read.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts []history.Option
			if keyFile != "" {
				pub, err := readPublicKey(keyFile)
				if err != nil {
					return &exitError{code: exitUsage, err: err}
				}
				opts = append(opts, history.WithVerificationKey(pub))
			}
			store, err := openHistory(args[0], opts...)
			if err != nil {
				return err
			}
			v, err := store.Verify(anchor)
			if errors.Is(err, history.ErrTampered) {
				return &exitError{code: exitFailures, err: err}
			}
			if err != nil {
				return &exitError{code: exitLoadError, err: err}
			}
			head := v.Head
			if head == "" {
				head = "none"
			}
			signed := ""
			switch {
			case v.KeyID != "":
				signed = fmt.Sprintf(", every record signed by key %s", v.KeyID)
			case v.Signed > 0:
				signed = fmt.Sprintf(", %d signed records (signatures not checked: pass --verification-key)", v.Signed)
			}
			fmt.Fprintf(s.out, "%s: intact, %d records, head %s%s\n", args[0], v.Records, head, signed)
			return nil
		},
	}
	cmd.Flags().StringVar(&anchor, "anchor", "", "fail unless a record has this hash (a head printed by an earlier verify)")
	cmd.Flags().StringVar(&keyFile, "verification-key", "", "require every record to be signed by this key: the PEM public key of --history-signing-key")
	return cmd
}

// runInfo is one line of tenet history show.
type runInfo struct {
	Seq         int              `json:"seq"`
	Time        time.Time        `json:"time"`
	ToolVersion string           `json:"tool_version"`
	Bundles     []finding.Bundle `json:"bundles"`
	Inputs      []history.Input  `json:"inputs"`
	Summary     finding.Summary  `json:"summary"`
	Hash        string           `json:"hash"`
}

func newHistoryShowCommand(s streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "show DIR",
		Short: "List the runs of a history directory",
		Long: `List the runs stored in DIR, oldest first: when, which tool version, how many
inputs, the counts of findings, whether the run failed, and the record's hash.
It does not check the chain: run tenet history verify for that. Exits 3 when
DIR or a record in it cannot be read, naming the file.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return &exitError{code: exitUsage, err: fmt.Errorf("unknown output format %q (want table or json)", format)}
			}
			store, err := openHistory(args[0])
			if err != nil {
				return err
			}
			recs, err := store.Records()
			if err != nil {
				return &exitError{code: exitLoadError, err: err}
			}
			runs := []runInfo{}
			for _, r := range recs {
				res, err := r.Result()
				if err != nil {
					return &exitError{code: exitLoadError, err: err}
				}
				runs = append(runs, runInfo{Seq: r.Seq, Time: r.Time, ToolVersion: r.Tool.Version, Bundles: r.Bundles, Inputs: r.Inputs, Summary: res.Summary, Hash: r.Hash})
			}
			if format == "json" {
				return writeJSON(s.out, runs)
			}
			tw := tabwriter.NewWriter(s.out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "SEQ\tTIME\tVERSION\tINPUTS\tDENY\tWARN\tUNKNOWN\tWAIVED\tERRORS\tRESULT\tHASH")
			for _, r := range runs {
				result := "pass"
				if r.Summary.Failed {
					result = "fail"
				}
				sm := r.Summary
				fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", r.Seq, r.Time.Format(time.RFC3339), r.ToolVersion,
					len(r.Inputs), sm.Deny, sm.Warn, sm.Unknown, sm.Waived, sm.Errors, result, shortHash(r.Hash))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVarP(&format, "output", "o", "table", "output format: table or json")
	return cmd
}

// shortHash is the first 12 characters of a hash, or all of a shorter one
// (a crafted record: show does not check hashes).
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

func newHistoryKeygenCommand(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "keygen PRIVATE_KEY_FILE PUBLIC_KEY_FILE",
		Short: "Make a key pair to sign history records",
		Long: `Write a new ed25519 key pair: the private key (PEM PKCS #8, readable by its owner
only) for tenet test and tenet watch --history-signing-key, and the public key
(PEM) for tenet history verify --verification-key. Existing files are not
overwritten. Keep the private key where only the scanner can read it, never in
the history directory: whoever can read it can sign forged records. openssl
genpkey -algorithm ed25519 makes keys tenet reads too.`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			priv, pub, err := history.GenerateKey()
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if err := writeNew(args[0], priv, 0o600); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if err := writeNew(args[1], pub, 0o644); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			key, err := history.ParsePublicKey(pub)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			id, err := history.KeyID(key)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			fmt.Fprintf(s.out, "wrote %s (private: give it to the scanner only) and %s (public), key id %s\n", args[0], args[1], id)
			return nil
		},
	}
}

// writeNew creates a file that must not exist yet.
func writeNew(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// readSigningKey reads the private key of --history-signing-key.
// historyOption is --history DIR, signed with --history-signing-key when
// one is given.
func historyOption(dir, keyPath string) (tenet.Option, error) {
	var hopts []history.Option
	if keyPath != "" {
		sign, err := readSigningKey(keyPath)
		if err != nil {
			return nil, err
		}
		hopts = append(hopts, sign)
	}
	return tenet.WithHistory(dir, hopts...), nil
}

func readSigningKey(path string) (history.Option, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read history signing key: %w", err)
	}
	key, err := history.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("history signing key %s: %w", path, err)
	}
	return history.WithSigningKey(key), nil
}

// readPublicKey reads the public key of history verify --verification-key.
func readPublicKey(path string) (crypto.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read verification key: %w", err)
	}
	key, err := history.ParsePublicKey(data)
	if err != nil {
		return nil, fmt.Errorf("verification key %s: %w", path, err)
	}
	return key, nil
}

// openHistory opens an existing history directory; it never creates one,
// so that a typo is an error rather than an empty, intact history.
func openHistory(dir string, opts ...history.Option) (*history.Store, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, &exitError{code: exitLoadError, err: fmt.Errorf("history: %w", err)}
	}
	store, err := history.Open(dir, opts...)
	if err != nil {
		return nil, &exitError{code: exitLoadError, err: err}
	}
	return store, nil
}
