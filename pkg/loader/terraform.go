package loader

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/tfconfig"
)

// TerraformVars are the variables a Terraform configuration directory is
// evaluated with, beyond the files Terraform reads itself: terraform's
// -var-file and -var.
type TerraformVars struct {
	Files  []string
	Values []string // "name=value"
}

// terraformDir loads the Terraform configuration in dir (pkg/tfconfig).
// only, when set, keeps the resources written in that one file: a .tf
// file named on its own is judged with the rest of its module, which
// declares its variables and locals.
func terraformDir(ctx context.Context, dir, only string, opts Options) (input.Document, error) {
	res, err := loadConfig(ctx, dir, opts)
	if err != nil {
		return input.Document{}, configError(dir, err)
	}
	doc := input.Document{Schema: input.Schema, Source: input.Source{Path: dir, Format: input.FormatTerraform}, Resources: []input.Resource{}}
	if only != "" {
		doc.Source.Path = only
	}
	for _, r := range res.Resources {
		if only != "" && filepath.Clean(r.File) != filepath.Clean(only) {
			continue
		}
		index := r.Index
		if n, ok := index.(int); ok {
			index = json.Number(fmt.Sprint(n))
		}
		refs := r.Refs
		if len(refs) == 0 {
			refs = nil
		}
		doc.Resources = append(doc.Resources, input.Resource{
			Address: r.Address, ConfigAddress: r.ConfigAddress, Type: r.Type, Name: r.Name, Provider: r.Provider,
			Module: r.Module, Mode: r.Mode, Index: index, Action: input.ActionCreate, Values: r.Values,
			Unknown: r.Unknown, Sensitive: r.Sensitive, Refs: refs, Configured: r.Configured,
			Location: input.Location{File: r.File, Line: r.Line, Attributes: r.Attributes},
		})
	}
	doc.Unread = unreadParts(res.Unread, only)
	if opts.KeepRaw {
		raw, err := tfconfig.Raw(dir, only, func(p string) ([]byte, error) { return readFile(p, opts) })
		if err != nil {
			return input.Document{}, configError(dir, err)
		}
		doc.Raw = raw
	}
	return doc, nil
}

// configError is err, from loading the configuration in dir, as a
// *FileError naming the file and position it has.
func configError(dir string, err error) error {
	var ce *tfconfig.Error
	if errors.As(err, &ce) {
		return &FileError{Path: ce.File, Line: ce.Line, Column: ce.Column, Err: errors.New(ce.Msg)}
	}
	return &FileError{Path: dir, Err: err}
}

// loadConfig runs tfconfig.Load, giving up when ctx ends: one expression
// of a crafted configuration (for expressions nested over large lists)
// can take longer than any budget, and the run's --timeout must still
// stop it. The abandoned evaluation ends with the process.
func loadConfig(ctx context.Context, dir string, opts Options) (*tfconfig.Result, error) {
	type outcome struct {
		res *tfconfig.Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- outcome{err: fmt.Errorf("internal error while evaluating the configuration: %v", r)}
			}
		}()
		res, err := tfconfig.Load(ctx, dir, tfconfig.Options{
			VarFiles: opts.Terraform.Files, Vars: opts.Terraform.Values,
			ReadFile: func(p string) ([]byte, error) { return readFile(p, opts) },
		})
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		return o.res, o.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// unreadParts gathers the parts of a configuration that were not
// evaluated, one entry per file, each part with its line: they are
// reported as not evaluated beside the resources that were.
func unreadParts(parts []tfconfig.Unread, only string) []input.Unread {
	byFile := map[string][]string{}
	for _, u := range parts {
		if only != "" && filepath.Clean(u.File) != filepath.Clean(only) {
			continue
		}
		byFile[u.File] = append(byFile[u.File], fmt.Sprintf("%s (line %d): %s", u.Address, u.Line, u.Reason))
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	var out []input.Unread
	for _, f := range files {
		out = append(out, input.Unread{Path: f, Reason: strings.Join(byFile[f], "; ")})
	}
	return out
}

// isTerraformFile reports whether path names a configuration file.
func isTerraformFile(path string) bool {
	return strings.HasSuffix(path, ".tf") || strings.HasSuffix(path, ".tf.json")
}

// isDir reports whether path is a directory (following links).
func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// locateInConfig points the resources of a plan at the blocks that declare
// them in the configuration directory dir: file, line and the line of each
// attribute, so that findings on a plan show in the .tf diff. A resource
// in a module that was not evaluated (a remote module not fetched, a count
// not known before apply) points at that module call or resource block.
func locateInConfig(ctx context.Context, doc *input.Document, dir string, opts Options) error {
	res, err := loadConfig(ctx, dir, opts)
	if err != nil {
		return configError(dir, err)
	}
	blocks := map[string]input.Location{}
	for _, r := range res.Resources {
		if _, seen := blocks[r.ConfigAddress]; !seen {
			blocks[r.ConfigAddress] = input.Location{File: r.File, Line: r.Line, Attributes: r.Attributes}
		}
	}
	for _, u := range res.Unread {
		if _, seen := blocks[u.Address]; !seen {
			blocks[u.Address] = input.Location{File: u.File, Line: u.Line}
		}
	}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		addr := r.ConfigAddress
		if addr == "" {
			addr = configAddress(r.Address)
		}
		for addr != "" {
			if loc, ok := blocks[addr]; ok {
				r.Location = loc
				break
			}
			addr = enclosingModule(addr)
		}
	}
	return nil
}

// enclosingModule is the config address of the module call that holds
// addr ("module.a" for module.a.aws_s3_bucket.b, and for module.a.module.b),
// or "" at the root. Module names hold no dots.
func enclosingModule(addr string) string {
	i := strings.LastIndex(addr, "module.")
	if i < 0 {
		return ""
	}
	rest := addr[i+len("module."):]
	if j := strings.IndexByte(rest, '.'); j >= 0 {
		return addr[:i+len("module.")+j]
	}
	return strings.TrimSuffix(addr[:i], ".")
}

// configBeside is the directory of a plan when it holds .tf files, the
// layout `terraform plan` is run in; "" otherwise.
func configBeside(plan string) string {
	if plan == "-" {
		return ""
	}
	dir := filepath.Dir(plan)
	for _, pattern := range []string{"*.tf", "*.tf.json"} {
		if m, _ := filepath.Glob(filepath.Join(dir, pattern)); len(m) > 0 {
			return dir
		}
	}
	return ""
}
