// Package loader detects the format of an input file, parses it and
// normalizes it into one input.Document.
//
// Each format lives in its own file behind the one-method Loader interface.
// Detection is by content, not by file name, because Terraform plans and
// state are both ".json". Every error about a file is a *FileError that names
// the file (and the line, where the parser knows it), so a caller can report
// it in one line and go on with the other files.
package loader
