package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/pkg/cfn"
	"github.com/tenet-dev/tenet/pkg/cfn/view"
	"github.com/tenet-dev/tenet/pkg/input"
)

// CloudFormation loads CloudFormation and SAM templates, YAML or JSON:
// each resource in the Terraform view the AWS rules read (pkg/cfn/view),
// with its line and the line of each attribute.
type CloudFormation struct {
	// KeepRaw fills Document.Raw with the template as written.
	KeepRaw bool
	Aliases AliasLimits
	// MaxFileSize bounds the nested stacks' templates read with it.
	MaxFileSize int64
}

// Load parses a template.
func (c CloudFormation) Load(_ context.Context, path string, data []byte) (input.Document, error) {
	if isJSONObject(data) {
		n, err := cfn.JSONNode(data)
		if err != nil {
			return input.Document{}, templateError(err)
		}
		return c.loadNodes(path, len(data), []*yaml.Node{n})
	}
	nodes, err := yamlDocuments(data)
	if err != nil {
		return input.Document{}, err
	}
	return c.loadNodes(path, len(data), nodes)
}

func (c CloudFormation) loadNodes(path string, size int, nodes []*yaml.Node) (input.Document, error) {
	if len(nodes) != 1 {
		return input.Document{}, fmt.Errorf("a CloudFormation template is one document; this file has %d", len(nodes))
	}
	// The raw value is built first: its alias budget refuses a file whose
	// aliases expand beyond reason before the template reader expands them.
	aliases := c.Aliases.counter(size)
	defer aliases.close()
	raw, err := yamlValue(nodes[0], aliases)
	if err != nil {
		return input.Document{}, err
	}
	tmpl, err := cfn.Parse(nodes[0])
	if err != nil {
		return input.Document{}, templateError(err)
	}
	doc := newDocument(path, input.FormatCloudFormation)
	doc.Source.FormatVersion = tmpl.FormatVersion
	doc.Source.Documents = 1
	doc.Resources = view.Resources(tmpl, path)
	nested, unread := c.stacks(path, tmpl, 0, []string{path})
	doc.Resources = append(doc.Resources, nested...)
	doc.Unread = unread
	if c.KeepRaw {
		doc.Raw = rawOf([]any{raw})
	}
	return doc, nil
}

// templateError gives the line of a template's problem to the file's error.
func templateError(err error) error {
	var le *cfn.LineError
	if errors.As(err, &le) {
		return &FileError{Line: le.Line, Err: le.Err}
	}
	return err
}

// isJSONObject tells a JSON document from YAML, which may also start
// with a brace (a flow mapping).
func isJSONObject(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] == '{' && json.Valid(data)
}

// jsonTemplate tells a JSON object that is a CloudFormation template, and
// returns it as a node; only objects that name Resources or
// AWSTemplateFormatVersion are parsed a second time.
func jsonTemplate(data []byte) (*yaml.Node, bool) {
	if !bytes.Contains(data, []byte(`"Resources"`)) && !bytes.Contains(data, []byte(`"AWSTemplateFormatVersion"`)) {
		return nil, false
	}
	n, err := cfn.JSONNode(data)
	if err != nil || !cfn.IsTemplate(n) {
		return nil, false
	}
	return n, true
}
