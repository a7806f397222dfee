package main

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
	"github.com/tenet-dev/tenet/pkg/tenet"
)

// waiverFlags choose the waivers a scan applies, shared by test and watch.
type waiverFlags struct {
	files         []string
	allowBroad    bool
	noAnnotations bool
}

// register adds the waiver flags; usage says how --waivers files are read.
func (f *waiverFlags) register(fl *pflag.FlagSet, usage string) {
	fl.StringArrayVar(&f.files, "waivers", nil, usage)
	fl.BoolVar(&f.allowBroad, "allow-broad-waivers", false, `apply broad waivers (rule "*", rules of several families, or a glob of rules on every resource); they are reported on every run`)
	fl.BoolVar(&f.noAnnotations, "no-annotation-waivers", false, "ignore the tenet.dev/waivers annotations of Kubernetes objects: only --waivers files excuse findings")
}

func (f *waiverFlags) options() []tenet.Option {
	opts := []tenet.Option{tenet.WithWaiverFiles(f.files...), tenet.WithBroadWaivers(f.allowBroad)}
	if f.noAnnotations {
		opts = append(opts, tenet.WithoutAnnotationWaivers())
	}
	return opts
}

// warnWaivers prints a line for each broad or refused waiver of a run, so
// that no output format can hide one.
func warnWaivers(w io.Writer, res *finding.Result) {
	for _, line := range report.Warnings(res) {
		fmt.Fprintf(w, "tenet: warning: %s\n", line)
	}
}
