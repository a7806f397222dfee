package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/pkg/input"
)

// JSON loads any JSON file. It has no resource view: conftest-style
// policies read it through Document.Raw.
type JSON struct{}

// Load implements Loader.
func (JSON) Load(_ context.Context, path string, data []byte) (input.Document, error) {
	v, err := decodeJSON(data)
	if err != nil {
		return input.Document{}, err
	}
	doc := newDocument(path, input.FormatJSON)
	doc.Raw = v
	return doc, nil
}

// YAML loads any YAML file, one or more documents. Like JSON it has no
// resource view.
type YAML struct {
	// Aliases bounds what YAML aliases expand to (see Options).
	Aliases AliasLimits
}

// Load implements Loader.
func (y YAML) Load(_ context.Context, path string, data []byte) (input.Document, error) {
	nodes, err := yamlDocuments(data)
	if err != nil {
		return input.Document{}, err
	}
	return y.loadNodes(path, len(data), nodes)
}

// loadNodes builds the document from YAML documents already parsed from
// size bytes.
func (y YAML) loadNodes(path string, size int, nodes []*yaml.Node) (input.Document, error) {
	if len(nodes) == 0 {
		return input.Document{}, ErrEmpty
	}
	aliases := y.Aliases.counter(size)
	defer aliases.close()
	docs := make([]any, 0, len(nodes))
	for _, n := range nodes {
		v, err := yamlValue(n, aliases)
		if err != nil {
			return input.Document{}, err
		}
		docs = append(docs, v)
	}
	doc := newDocument(path, input.FormatYAML)
	doc.Source.Documents = len(docs)
	doc.Raw = rawOf(docs)
	return doc, nil
}

// decodeJSON decodes one JSON value with numbers kept exact, rejecting
// trailing data.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(data, err)
	}
	if err := expectEOF(dec, data); err != nil {
		return nil, err
	}
	return v, nil
}

// syntaxError is the error that decoding data's first value with a
// json.Decoder and jsonError reports when that is a syntax error; nil
// when data is well formed or its first problem may be something else (a
// type error in a first value followed by more data). json.Unmarshal
// scans its input before it decodes any of it, which is all it costs when
// the scan fails. A Decoder copies the value whole into its buffer, grown
// by doubling, before it decodes it: about a second and a half on one
// core to find the error of a malformed 180 MB plan.
func syntaxError(data []byte) error {
	var syn *json.SyntaxError
	if err := json.Unmarshal(data, new(json.RawMessage)); !errors.As(err, &syn) {
		return nil
	}
	msg := syn.Error()
	// At the end of the input the scan steps one more space, where the
	// Decoder reports the input cut short. A space that is in data and
	// ends it leaves the scan where one more is read alike, so a message
	// about a space at the end came from that step unless data ends in one.
	atEnd := len(data) > 0 && syn.Offset == int64(len(data)) && (msg == "unexpected end of JSON input" ||
		strings.HasPrefix(msg, "invalid character ' '") && data[len(data)-1] != ' ')
	switch {
	case strings.HasSuffix(msg, " after top-level value"):
		return nil // the first value is whole: expectEOF's case
	case atEnd:
		return jsonError(data, io.ErrUnexpectedEOF)
	}
	return jsonError(data, syn)
}

// expectEOF fails when anything but white space follows the first value.
func expectEOF(dec *json.Decoder, data []byte) error {
	var extra json.RawMessage
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
		return nil
	case err != nil:
		return jsonError(data, err)
	}
	line, col := position(data, dec.InputOffset()-int64(len(extra)))
	return &FileError{Line: line, Column: col, Err: errors.New("invalid JSON: unexpected data after the top-level value")}
}
