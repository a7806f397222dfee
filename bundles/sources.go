package bundles

import (
	"github.com/tenet-dev/tenet/pkg/catalog"
	regolib "github.com/tenet-dev/tenet/rego"
)

// Sources lists the built-in policy sources as tenet loads them: first the
// Rego library, which is always built in, then every bundle directory of
// FS, marked built in when builtin is true (false loads them as policies
// from outside would be).
func Sources(builtin bool) ([]catalog.Source, error) {
	dirs, err := catalog.Subdirectories("bundles", FS, builtin)
	if err != nil {
		return nil, err
	}
	return append([]catalog.Source{{Path: "rego", FS: regolib.FS, Builtin: true}}, dirs...), nil
}
