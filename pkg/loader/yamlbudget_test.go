package loader_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// aliasBomb is one YAML document of 300 bytes whose aliases expand to 4.7
// million nodes (six levels of nine-fold lists and a seventh of six), just
// under the five million each document used to be allowed.
func aliasBomb(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "name: %s\na: &a [x, x, x, x, x, x, x, x, x]\n", name)
	prev := "a"
	for _, level := range []string{"b", "c", "d", "e", "f"} {
		fmt.Fprintf(&b, "%s: &%s [%s]\n", level, level, strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", "))
		prev = level
	}
	fmt.Fprintf(&b, "g: [%s]\n", strings.TrimSuffix(strings.Repeat("*f, ", 6), ", "))
	return b.String()
}

// TestYAMLAliasBombDocuments reads 30 small alias bombs in one file of
// 9 KB. The budget was per document, so each stayed under it and the file
// took gigabytes (10 GB for the 13 KB file); all the documents of a file now share one budget, so
// it is refused quickly, at the line of the alias, with little memory.
func TestYAMLAliasBombDocuments(t *testing.T) {
	docs := make([]string, 30)
	for i := range docs {
		docs[i] = aliasBomb(fmt.Sprintf("doc%d", i))
	}
	data := strings.Join(docs, "---\n")
	path := filepath.Join(t.TempDir(), "bombs.yaml")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := loader.Read(t.Context(), path, loader.Options{})
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)

	var fe *loader.FileError
	if !errors.As(err, &fe) || fe.Path != path || fe.Line != 8 || !errors.Is(err, loader.ErrAliasBudget) {
		t.Fatalf("err = %v, want an ErrAliasBudget at %s:8 (the first document's last alias)", err, path)
	}
	if want := "this alias takes the file past"; !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 300<<20 {
		t.Errorf("allocated %d MB, want under 300 MB", alloc>>20)
	}
	if elapsed > 5*time.Second {
		t.Errorf("took %s", elapsed)
	}
}

// TestYAMLAliasBudgetRun checks the budget the files of a run share: each
// file is within its own limit, and the file that takes the run past the
// shared budget is refused, naming the alias.
func TestYAMLAliasBudgetRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// Each file copies 1,000 nodes: 100 aliases of a ten-item list.
	file := "base: &base [1, 2, 3, 4, 5, 6, 7, 8, 9]\nall:\n" + strings.Repeat("  - *base\n", 100)
	opts := loader.Options{Aliases: loader.AliasLimits{PerFile: 1500, Run: loader.NewAliasBudget(3500)}}
	var errs []error
	for i := range 5 {
		path := filepath.Join(dir, fmt.Sprintf("f%d.yaml", i))
		if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loader.Read(t.Context(), path, opts)
		errs = append(errs, err)
	}
	for i, err := range errs {
		switch {
		case i < 3 && err != nil:
			t.Errorf("file %d: %v, want it read (3,000 nodes of 3,500)", i, err)
		case i >= 3 && (!errors.Is(err, loader.ErrAliasBudget) || !strings.Contains(err.Error(), "this alias takes the run past 3500 copied nodes")):
			t.Errorf("file %d: err = %v, want the run's budget spent", i, err)
		}
	}
	var fe *loader.FileError
	if errors.As(errs[3], &fe) && (fe.Line != 53 || fe.Column != 5) {
		t.Errorf("error at %d:%d, want the alias at 53:5 (the 51st)", fe.Line, fe.Column)
	}
	// Its own limit still applies to each file.
	_, err := loader.Parse(t.Context(), "one.yaml", []byte(file), loader.Options{Aliases: loader.AliasLimits{PerFile: 999}})
	if !errors.Is(err, loader.ErrAliasBudget) || !strings.Contains(err.Error(), "one.yaml:102:5: invalid YAML: aliases expand to too many nodes (alias bomb?): this alias takes the file past 999 copied nodes") {
		t.Errorf("per-file limit: err = %v", err)
	}
}
