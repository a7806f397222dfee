package tenet

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// TestShardInputs: the shards of a run are disjoint and cover it, each
// keeps the run's order and numbers its inputs by their place in it,
// all agree on the run's digest, and adding an input moves no other one.
func TestShardInputs(t *testing.T) {
	var files []string
	for i := range 500 {
		files = append(files, fmt.Sprintf("team-%d/plan-%03d.json", i%7, i))
	}
	walkErrs := []error{&loader.FileError{Path: "locked", Err: fs.ErrPermission}}
	const n = 8
	seen := map[string]int{}
	var digest string
	for k := range n {
		kept, errs, p := shardInputs(shardSpec{index: k, count: n}, files, walkErrs)
		if digest == "" {
			digest = p.shard.Digest
		}
		if p.shard.Digest != digest || p.shard.Inputs != 501 || p.shard.Index != k || p.shard.Count != n {
			t.Errorf("shard %d: %+v", k, p.shard)
		}
		if len(kept) < 30 || len(kept) > 100 {
			t.Errorf("shard %d holds %d of 500 files", k, len(kept))
		}
		for i, f := range kept {
			seen[f]++
			if files[p.files[i]-2] != f {
				t.Errorf("shard %d: %s numbered %d", k, f, p.files[i])
			}
		}
		if !slices.IsSortedFunc(p.files, func(a, b int) int { return a - b }) {
			t.Errorf("shard %d lost the order of the run", k)
		}
		for i := range errs {
			seen["error "+inputError(errs[i]).Path]++
			if p.errs[i] != 1 {
				t.Errorf("shard %d: the walk error numbered %d", k, p.errs[i])
			}
		}
	}
	if len(seen) != 501 {
		t.Errorf("the shards cover %d of 501 inputs", len(seen))
	}
	for f, c := range seen {
		if c != 1 {
			t.Errorf("%s is in %d shards", f, c)
		}
	}
	// A new input, anywhere in the walk, leaves the others where they were.
	more := slices.Insert(slices.Clone(files), 3, "team-0/new.json")
	for k := range n {
		before, _, _ := shardInputs(shardSpec{index: k, count: n}, files, nil)
		after, _, p := shardInputs(shardSpec{index: k, count: n}, more, nil)
		after = slices.DeleteFunc(after, func(f string) bool { return f == "team-0/new.json" })
		if !slices.Equal(before, after) {
			t.Errorf("shard %d changed when an input was added", k)
		}
		if p.shard.Digest == digest {
			t.Error("the digest did not change with the inputs")
		}
	}
}

func TestCheckShard(t *testing.T) {
	for _, tc := range []struct {
		cfg  config
		want string
	}{
		{config{shard: shardSpec{index: 8, count: 8}}, "shard 8/8: want K/N with 0 <= K < N"},
		{config{shard: shardSpec{index: -1, count: 8}}, "want K/N"},
		{config{shard: shardSpec{index: 0, count: 2}, combine: true}, "--shard with --combine"},
		{config{shard: shardSpec{index: 0, count: 2}, baseline: "old.json"}, "tenet merge --baseline"},
		{config{shard: shardSpec{index: 0, count: 2}, historyDir: "h"}, "tenet merge --history"},
		{config{shard: shardSpec{index: 1, count: 2}}, ""},
		{config{}, ""},
	} {
		err := checkShard(tc.cfg)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%+v: err = %v, want %q", tc.cfg.shard, err, tc.want)
		}
	}
}
