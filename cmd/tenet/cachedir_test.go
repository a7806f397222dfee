package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCacheFlagWords: test's --cache takes watch's words. --cache off made
// a directory named off in the working directory before, so that a
// command line could not turn off a cache that .tenet.yaml sets.
func TestCacheFlagWords(t *testing.T) {
	plan, err := filepath.Abs("../../test/examples/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	inRepo(t, map[string]string{".tenet.yaml": "cache: from-file\n"}, "")
	xdg := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", xdg)
	for _, tc := range []struct {
		flag    string
		made    string // the directory the run fills, "" for none
		notMade []string
	}{
		{"", "from-file", nil},
		{"off", "", []string{"off", "from-file"}},
		{"auto", filepath.Join(xdg, "tenet", "eval"), []string{"auto", "from-file"}},
		{"mine", "mine", []string{"from-file"}},
	} {
		for _, d := range []string{"from-file", "mine", filepath.Join(xdg, "tenet")} {
			if err := os.RemoveAll(d); err != nil {
				t.Fatal(err)
			}
		}
		args := []string{"test", "-q", plan}
		if tc.flag != "" {
			args = append([]string{"test", "--cache", tc.flag}, args[1:]...)
		}
		if code, _, errs := runCLI(t, args...); code != 1 {
			t.Fatalf("--cache %q: exit %d: %s", tc.flag, code, errs)
		}
		if tc.made != "" {
			if entries, err := os.ReadDir(tc.made); err != nil || len(entries) == 0 {
				t.Errorf("--cache %q: %s not filled (%v)", tc.flag, tc.made, err)
			}
		}
		for _, d := range tc.notMade {
			if _, err := os.Stat(d); err == nil {
				t.Errorf("--cache %q made %s", tc.flag, d)
			}
		}
	}
}
