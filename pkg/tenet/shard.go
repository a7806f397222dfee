package tenet

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"path/filepath"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// Sharding: N workers each check the inputs of one shard of a run, and
// tenet merge makes of their reports the report of the whole run (see
// docs/scale.md).

// WithShard makes a scan check only the inputs of shard index (from 0)
// of count: those whose path, as the walk of the paths given to Scan
// spells it, hashes to index. The split depends on each path alone, so
// adding an input moves no other one, and workers given the same paths
// check disjoint shards that cover the run. The report carries what
// Merge needs (finding.Result.Shard). A shard is part of a run, so
// WithCombine, WithBaseline and WithHistory are refused with it: give the
// baseline and the history to Merge.
func WithShard(index, count int) Option {
	return func(c *config) { c.shard = shardSpec{index: index, count: count} }
}

type shardSpec struct{ index, count int }

// checkShard refuses a shard that is not one, or options that need the
// whole run.
func checkShard(cfg config) error {
	sh := cfg.shard
	if sh.count == 0 && sh.index == 0 {
		return nil
	}
	switch {
	case sh.count < 1 || sh.index < 0 || sh.index >= sh.count:
		return fmt.Errorf("shard %d/%d: want K/N with 0 <= K < N", sh.index, sh.count)
	case cfg.combine:
		return errors.New("--shard with --combine: a combined evaluation needs every input in one run")
	case cfg.baseline != "":
		return errors.New("--shard with --baseline: compare the merged report (tenet merge --baseline)")
	case cfg.historyDir != "":
		return errors.New("--shard with --history: a shard is part of a run; record the merged run (tenet merge --history)")
	}
	return nil
}

// shardOf is the shard of path among count: FNV-1a of its slash form.
func shardOf(path string, count int) int {
	h := fnv.New64a()
	h.Write([]byte(filepath.ToSlash(path)))
	return int(h.Sum64() % uint64(count))
}

// placement numbers the inputs of a sharded run by their place in the
// whole run (from 1: the paths that could not be walked, then the files),
// so that a merge lists them as one run would.
type placement struct {
	shard *finding.Shard // nil when the run is not sharded
	files []int          // the place of each file kept
	errs  []int          // the place of each walk error kept
}

// shardInputs keeps the files and walk errors of the configured shard,
// with their places; everything, unnumbered, without a shard.
func shardInputs(sh shardSpec, files []string, walkErrs []error) ([]string, []error, placement) {
	if sh.count == 0 {
		return files, walkErrs, placement{}
	}
	d := sha256.New()
	var p placement
	var keptErrs []error
	for i, err := range walkErrs {
		path := inputError(err).Path
		fmt.Fprintf(d, "e%s\x00", path)
		if shardOf(path, sh.count) == sh.index {
			keptErrs = append(keptErrs, err)
			p.errs = append(p.errs, i+1)
		}
	}
	var kept []string
	for i, f := range files {
		fmt.Fprintf(d, "f%s\x00", f)
		if shardOf(f, sh.count) == sh.index {
			kept = append(kept, f)
			p.files = append(p.files, len(walkErrs)+i+1)
		}
	}
	p.shard = &finding.Shard{Index: sh.index, Count: sh.count, Inputs: len(walkErrs) + len(files), Digest: hex.EncodeToString(d.Sum(nil)[:16])}
	return kept, keptErrs, p
}

// place writes the places of p into res, and the counts a merge needs.
func (p placement) place(res *finding.Result, g finding.Gate) {
	if p.shard == nil {
		return
	}
	sh := *p.shard
	sh.Gate = g
	res.Shard = &sh
	for i := range res.Inputs {
		in := &res.Inputs[i]
		if len(in.Checked) > 0 || len(in.Types) > 0 {
			in.Counts = &finding.InputCounts{Checked: in.Checked, Types: in.Types}
		}
	}
}
