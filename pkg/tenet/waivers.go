package tenet

import (
	"errors"
	"fmt"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/waiver"
)

// Notes on waivers that a report carries: they name the CLI flags, as the
// sandbox's errors do, since that is where most readers can act on them.
const (
	noteAnnotationsOff = "annotation waivers are turned off (--no-annotation-waivers)"
	noteBroadRefused   = "a broad waiver in an annotation needs --allow-broad-waivers: "
	hintBroad          = "name the rules and resources it excuses, or accept broad waivers with --allow-broad-waivers"
)

// givenWaivers returns the waivers of WithWaivers and of the waiver files,
// read now, ready to apply. Without WithBroadWaivers a broad one is an
// error naming where it is written: whoever wrote the file meant one
// exception, or must say they meant more.
func (s *Scanner) givenWaivers() ([]finding.WaiverUse, error) {
	ws := s.cfg.waivers[:len(s.cfg.waivers):len(s.cfg.waivers)]
	for _, path := range s.cfg.waiverFiles {
		more, err := waiver.LoadFile(path)
		if err != nil {
			return nil, err
		}
		ws = append(ws, more...)
	}
	uses := make([]finding.WaiverUse, len(ws))
	var errs []error
	for i, w := range ws {
		uses[i].Waiver = w
		why, broad := waiver.Broad(w, s.ruleIDs)
		if !broad {
			continue
		}
		uses[i].Broad, uses[i].Note = true, why
		if !s.cfg.allowBroad {
			where := w.Source
			if where == "" {
				where = "waiver"
			}
			errs = append(errs, fmt.Errorf("%s: broad waiver refused: %s; %s", where, why, hintBroad))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return uses, nil
}

// annotationWaivers returns the waivers in the annotations of a document's
// Kubernetes objects. The manifest is the input under review, so what it
// says about itself is trusted less than a waiver file: a broad waiver
// there is refused, not an error, unless broad waivers are allowed, and
// WithoutAnnotationWaivers refuses them all. A refused waiver is listed so
// that the report shows what the object asked for.
func (s *Scanner) annotationWaivers(doc *input.Document) ([]finding.WaiverUse, error) {
	ws, err := waiver.FromDocument(doc)
	if err != nil {
		if s.cfg.noAnnotationWaivers {
			// Turned off, the annotation is not read for this run: a
			// malformed one is no error either.
			return nil, nil
		}
		return nil, err
	}
	uses := make([]finding.WaiverUse, len(ws))
	for i, w := range ws {
		uses[i].Waiver = w
		why, broad := waiver.Broad(w, s.ruleIDs)
		uses[i].Broad = broad
		switch {
		case s.cfg.noAnnotationWaivers:
			uses[i].State, uses[i].Note = finding.WaiverRefused, noteAnnotationsOff
		case broad && !s.cfg.allowBroad:
			uses[i].State, uses[i].Note = finding.WaiverRefused, noteBroadRefused+why
		case broad:
			uses[i].Note = why
		}
	}
	return uses, nil
}
