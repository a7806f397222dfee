package loader

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/pkg/cfn"
	"github.com/tenet-dev/tenet/pkg/cfn/view"
	"github.com/tenet-dev/tenet/pkg/input"
)

// maxNesting bounds how deep nested stacks are followed.
const maxNesting = 5

// stacks reads the nested stacks of tmpl, read from path: an
// AWS::CloudFormation::Stack whose TemplateURL names a file on disk
// (relative to path, as `aws cloudformation package` takes it) is read
// with the parameters the parent passes, and its resources join the
// document with the stack's logical id before theirs (Network/Vpc) and
// their own file and lines. A template that is not on disk is unread:
// reported as not evaluated, never as a pass.
func (c CloudFormation) stacks(path string, tmpl *cfn.Template, depth int, seen []string) ([]input.Resource, []input.Unread) {
	var resources []input.Resource
	var unread []input.Unread
	for i := range tmpl.Resources {
		r := &tmpl.Resources[i]
		if r.Type != "AWS::CloudFormation::Stack" {
			continue
		}
		url, known := r.Properties["TemplateURL"].(string)
		where := fmt.Sprintf("nested stack %s of %s", r.ID, path)
		switch {
		case !known:
			unread = append(unread, input.Unread{Path: path + "#" + r.ID, Reason: where + ": its TemplateURL is known only at deployment"})
			continue
		case strings.Contains(url, "://"):
			unread = append(unread, input.Unread{Path: url, Reason: where + ": its template is not on disk (give the local template to tenet)"})
			continue
		}
		file := url
		if !filepath.IsAbs(file) && path != "-" {
			file = filepath.Join(filepath.Dir(path), url)
		}
		switch {
		case depth >= maxNesting:
			unread = append(unread, input.Unread{Path: file, Reason: fmt.Sprintf("%s: stacks nested more than %d deep are not followed", where, maxNesting)})
			continue
		case containsPath(seen, file):
			unread = append(unread, input.Unread{Path: file, Reason: where + ": the stack includes itself", Error: true})
			continue
		}
		if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
			unread = append(unread, input.Unread{Path: file, Reason: where + ": its template is not on disk"})
			continue
		}
		rs, more, err := c.nested(file, r, depth+1, append(seen, file))
		if err != nil {
			unread = append(unread, input.Unread{Path: file, Reason: err.Error(), Error: true})
			continue
		}
		resources = append(resources, rs...)
		unread = append(unread, more...)
	}
	return resources, unread
}

// nested reads the template of stack r at file.
func (c CloudFormation) nested(file string, r *cfn.Resource, depth int, seen []string) ([]input.Resource, []input.Unread, error) {
	data, err := readFile(file, Options{MaxFileSize: c.MaxFileSize})
	if err != nil {
		return nil, nil, fileError(file, err)
	}
	if data, err = normalizeEncoding(data); err != nil {
		return nil, nil, fileError(file, err)
	}
	var node *yaml.Node
	if isJSONObject(data) {
		node, err = cfn.JSONNode(data)
	} else {
		var nodes []*yaml.Node
		if nodes, err = yamlDocuments(data); err == nil {
			if len(nodes) != 1 {
				err = fmt.Errorf("a CloudFormation template is one document; this file has %d", len(nodes))
			} else {
				node = nodes[0]
				aliases := c.Aliases.counter(len(data))
				_, err = yamlValue(node, aliases) // the alias budget, before expanding
				aliases.close()
			}
		}
	}
	if err != nil {
		return nil, nil, fileError(file, templateError(err))
	}
	tmpl, err := cfn.ParseWith(node, stackParams(r))
	if err != nil {
		return nil, nil, fileError(file, templateError(err))
	}
	rs := view.Resources(tmpl, file)
	inner, unread := c.stacks(file, tmpl, depth, seen)
	rs = append(rs, inner...)
	prefix := r.ID + "/"
	for i := range rs {
		rs[i].Address = prefix + rs[i].Address
		rs[i].ConfigAddress = prefix + rs[i].ConfigAddress
		for k, ids := range rs[i].Refs {
			out := make([]string, len(ids))
			for j, id := range ids {
				out[j] = prefix + id
			}
			rs[i].Refs[k] = out
		}
	}
	return rs, unread, nil
}

// stackParams are the parameters a stack resource passes to its template.
func stackParams(r *cfn.Resource) map[string]cfn.Param {
	params := map[string]cfn.Param{}
	given, _ := r.Properties["Parameters"].(map[string]any)
	for k, v := range given {
		params[k] = cfn.Param{Value: v, Known: true}
	}
	for _, u := range r.Unknown {
		if name, ok := strings.CutPrefix(u, "Parameters."); ok && !strings.Contains(name, ".") {
			params[name] = cfn.Param{}
		}
	}
	return params
}

func containsPath(paths []string, p string) bool {
	for _, q := range paths {
		if filepath.Clean(q) == filepath.Clean(p) {
			return true
		}
	}
	return false
}
