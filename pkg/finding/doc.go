// Package finding is tenet's shared vocabulary: rules and their metadata,
// the findings a rule produces, and the Result of a scan that every report
// format renders. It is a leaf package: it imports only the standard library.
package finding
