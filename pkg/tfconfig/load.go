package tfconfig

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// Options control how a configuration is evaluated. The zero value reads
// files with os.ReadFile and sets no variables beyond the files Terraform
// reads itself (terraform.tfvars, *.auto.tfvars).
type Options struct {
	// VarFiles are read after the automatic variable files, in order, as
	// terraform's -var-file.
	VarFiles []string
	// Vars are "name=value" assignments read last, in order, as
	// terraform's -var. A value is taken as a literal string when the
	// variable's type is string or unconstrained, and parsed as an
	// expression otherwise.
	Vars []string
	// ReadFile reads one configuration file; nil means os.ReadFile. The
	// loader passes its own, which refuses what is not a regular file and
	// bounds the size.
	ReadFile func(path string) ([]byte, error)
	// MaxResources bounds the resource instances of one configuration
	// (count and for_each can ask for millions); 0 means DefaultMaxResources.
	MaxResources int
}

// DefaultMaxResources bounds the resource instances of one configuration.
const DefaultMaxResources = 100_000

// Limits that keep a crafted configuration from taking the machine.
const (
	maxFiles       = 10_000 // configuration files in all the modules of a directory
	maxModuleDepth = 32     // module calls within module calls
)

// Result is what can be known of a configuration without planning it.
type Result struct {
	// Resources are the resource instances, root module first, then each
	// module call by name and key.
	Resources []Resource
	// Unread are the parts that could not be evaluated statically: a
	// remote module not fetched, a count or for_each not known before
	// apply. They are reported as not evaluated, never taken as passing.
	Unread []Unread
}

// Resource is one resource instance of the configuration.
type Resource struct {
	Address, ConfigAddress string
	Module                 string // the module instance address, "" for the root
	Mode, Type, Name       string
	Provider               string
	Index                  any // the count index (int) or for_each key (string), if any
	// Values are the attributes that the configuration sets, nested blocks
	// as lists of objects, as a plan shows them. An attribute whose value
	// is not known before apply is absent and listed in Unknown.
	Values    map[string]any
	Unknown   []string // dotted paths, list indexes as numbers
	Sensitive []string
	// Refs maps a dotted attribute path (no indexes) to the config
	// addresses of the resources its expression refers to, through
	// variables, locals and module outputs.
	Refs map[string][]string
	// Configured lists the attribute paths (dotted, no indexes) that have
	// an expression.
	Configured []string
	File       string
	Line       int
	// Attributes maps an attribute path (with indexes) to its line.
	Attributes map[string]int
}

// Unread is a part of the configuration that was not evaluated.
type Unread struct {
	// Address names it: "module.vpc", "aws_s3_bucket.logs".
	Address string
	File    string
	Line    int
	Reason  string
}

// loader holds the state of one Load.
type loader struct {
	ctx      context.Context
	opts     Options
	root     string
	files    int
	modules  map[string]*module
	manifest map[string]string
	res      *Result
	count    int
}

// Load evaluates the root module in dir, with the modules it calls, as far
// as Terraform could without planning. A configuration file that does not
// parse is an *Error; what cannot be known is unknown, never an error.
func Load(ctx context.Context, dir string, opts Options) (*Result, error) {
	if opts.MaxResources <= 0 {
		opts.MaxResources = DefaultMaxResources
	}
	l := &loader{ctx: ctx, opts: opts, root: dir, modules: map[string]*module{}, res: &Result{}}
	m, err := l.module(dir)
	if err != nil {
		return nil, err
	}
	l.manifest = readManifest(dir, l.read)
	root := &instance{l: l, mod: m}
	if root.vars, err = l.rootVariables(m); err != nil {
		return nil, err
	}
	root.init()
	if err := root.collect(); err != nil {
		return nil, err
	}
	sort.SliceStable(l.res.Unread, func(a, b int) bool { return l.res.Unread[a].Address < l.res.Unread[b].Address })
	return l.res, nil
}

func (l *loader) read(path string) ([]byte, error) {
	if l.opts.ReadFile != nil {
		return l.opts.ReadFile(path)
	}
	return os.ReadFile(path)
}

// module returns the parsed module in dir, parsing it once.
func (l *loader) module(dir string) (*module, error) {
	key := filepath.Clean(dir)
	if m, ok := l.modules[key]; ok {
		return m, nil
	}
	m, err := l.parseModule(dir)
	if err != nil {
		return nil, err
	}
	l.modules[key] = m
	return m, nil
}

// reserve counts n more resource instances against the limit, before
// they are evaluated.
func (l *loader) reserve(n int, at hcl.Range) error {
	l.count += n
	if l.count > l.opts.MaxResources {
		return rangeError(at, fmt.Sprintf("more than %d resource and module instances (count and for_each): refusing to expand further", l.opts.MaxResources))
	}
	return nil
}
