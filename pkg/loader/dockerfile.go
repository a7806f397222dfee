package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/command"
	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/tenet-dev/tenet/pkg/input"
)

// Dockerfile loads a Dockerfile with BuildKit's parser (line
// continuations, heredocs, the escape and syntax directives, JSON and
// shell forms). Each build stage is a resource of type dockerfile_stage,
// addressed stage.<name> (or stage.<index> when unnamed), whose values
// are its base image and its instructions in order, each with its line:
// rules judge the final stage, every stage, or every instruction.
type Dockerfile struct {
	KeepRaw bool
}

// DockerfileStage is the resource type of a build stage.
const DockerfileStage = "dockerfile_stage"

// Load parses data, read from path.
func (d Dockerfile) Load(_ context.Context, path string, data []byte) (input.Document, error) {
	res, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		return input.Document{}, dockerfileError(err)
	}
	doc := input.Document{Schema: input.Schema, Source: input.Source{Path: path, Format: input.FormatDockerfile}, Resources: []input.Resource{}}
	var (
		stages  []*stageBuilder
		globals []map[string]any // ARG before the first FROM
		args    = map[string]string{}
	)
	for _, n := range res.AST.Children {
		ins := instruction(n)
		cmd := ins["cmd"].(string)
		if _, known := command.Commands[cmd]; !known {
			// BuildKit refuses the file, so it is an input error; the
			// other instructions are still judged, so that one stray line
			// hides no finding.
			doc.Unread = append(doc.Unread, input.Unread{Path: path, Error: true,
				Reason: fmt.Sprintf("%s:%d: unknown instruction %q: docker build refuses the file (the other instructions were judged)", displayPath(path), n.StartLine, n.Value)})
			continue
		}
		if cmd == "from" {
			s := &stageBuilder{index: len(stages), line: n.StartLine}
			s.from(n, args, stages)
			stages = append(stages, s)
		}
		if len(stages) == 0 {
			if cmd != "arg" {
				return input.Document{}, &FileError{Line: n.StartLine, Err: fmt.Errorf("%s before the first FROM: only ARG may come before it", strings.ToUpper(cmd))}
			}
			ins["global"] = true
			globals = append(globals, ins)
			for _, kv := range argValues(n) {
				args[kv[0]] = kv[1]
			}
			continue
		}
		if cmd == "from" {
			continue
		}
		s := stages[len(stages)-1]
		s.instructions = append(s.instructions, ins)
	}
	if len(stages) == 0 {
		return input.Document{}, fmt.Errorf("no FROM instruction: not a Dockerfile")
	}
	for i, s := range stages {
		instructions := s.instructions
		if i == 0 {
			instructions = append(globals, instructions...)
		}
		doc.Resources = append(doc.Resources, s.resource(path, instructions, i == len(stages)-1))
	}
	if d.KeepRaw {
		// One document holding the instructions, as conftest gives it:
		// policies read input[i].Cmd.
		doc.Raw = []any{conftestCommands(res.AST)}
	}
	return doc, nil
}

// conftestCommands is the Dockerfile as conftest's parser shows it to
// policies, so that conftest-style policies read the same input: one
// entry per instruction, and per comment before it, with Cmd (lower
// case), SubCmd (ONBUILD's), JSON, Flags, Value (the parser's words) and
// Stage (the index of the FROM it follows).
func conftestCommands(ast *parser.Node) []any {
	out := []any{}
	stage := -1
	for _, child := range ast.Children {
		if strings.EqualFold(child.Value, "from") {
			stage++
		}
		at := max(stage, 0)
		for _, c := range child.PrevComment {
			out = append(out, map[string]any{"Cmd": "comment", "SubCmd": "", "JSON": false, "Flags": nil, "Value": []any{c}, "Stage": at})
		}
		cmd := map[string]any{"Cmd": strings.ToLower(child.Value), "SubCmd": "", "Stage": at}
		// Never nil: conftest's parser gives [] to an instruction without
		// flags (a comment's are null), also through parse_config.
		flags := make([]any, 0, len(child.Flags))
		for _, f := range child.Flags {
			flags = append(flags, f)
		}
		cmd["Flags"] = flags
		n := child
		if child.Next != nil && len(child.Next.Children) > 0 {
			cmd["SubCmd"] = child.Next.Children[0].Value
			n = child.Next.Children[0]
		}
		cmd["JSON"] = n.Attributes["json"]
		var value []any
		for next := n.Next; next != nil; next = next.Next {
			value = append(value, next.Value)
		}
		cmd["Value"] = value
		out = append(out, cmd)
	}
	return out
}

// dockerfileError gives a parser error its line when BuildKit knows it.
func dockerfileError(err error) error {
	var le *parser.LocationError
	if errors.As(err, &le) && len(le.Locations) > 0 && len(le.Locations[0]) > 0 {
		return &FileError{Line: le.Locations[0][0].Start.Line, Err: fmt.Errorf("invalid Dockerfile: %v", le.Unwrap())}
	}
	return fmt.Errorf("invalid Dockerfile: %w", err)
}

// instruction is one instruction as rules read it: cmd (lower case), its
// arguments as the parser splits them, flags, heredocs, whether it is in
// exec (JSON) form, the text written and its lines.
func instruction(n *parser.Node) map[string]any {
	if strings.EqualFold(n.Value, "onbuild") && n.Next != nil && len(n.Next.Children) > 0 {
		// ONBUILD RUN ...: the trigger, read as the instruction it runs
		// in images built on this one.
		sub := instruction(n.Next.Children[0])
		sub["cmd"], sub["subcmd"] = "onbuild", sub["cmd"]
		sub["original"], sub["line"], sub["end_line"] = n.Original, json.Number(strconv.Itoa(n.StartLine)), json.Number(strconv.Itoa(n.EndLine))
		return sub
	}
	args := []any{}
	switch strings.ToLower(n.Value) {
	case "env", "label":
		// The parser gives name, value and separator for each pair.
		for next := n.Next; next != nil && next.Next != nil; next = next.Next.Next.Next {
			args = append(args, next.Value+"="+unquote(next.Next.Value))
			if next.Next.Next == nil {
				break
			}
		}
	default:
		for next := n.Next; next != nil; next = next.Next {
			args = append(args, next.Value)
		}
	}
	flags := make([]any, 0, len(n.Flags))
	for _, f := range n.Flags {
		flags = append(flags, f)
	}
	heredocs := make([]any, 0, len(n.Heredocs))
	for _, h := range n.Heredocs {
		heredocs = append(heredocs, map[string]any{"name": h.Name, "content": h.Content})
	}
	return map[string]any{
		"cmd": strings.ToLower(n.Value), "args": args, "flags": flags, "heredocs": heredocs,
		"json": n.Attributes["json"], "original": n.Original,
		"line": json.Number(strconv.Itoa(n.StartLine)), "end_line": json.Number(strconv.Itoa(n.EndLine)),
	}
}

// unquote removes the quotes around a value written "..." or '...'.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// argValues are the name=default pairs an ARG declares ("" default when
// none).
func argValues(n *parser.Node) [][2]string {
	var out [][2]string
	for next := n.Next; next != nil; next = next.Next {
		name, def, _ := strings.Cut(next.Value, "=")
		out = append(out, [2]string{name, unquote(def)})
	}
	return out
}

// stageBuilder collects one build stage.
type stageBuilder struct {
	index        int
	name         string
	line         int
	base         map[string]any
	unknown      []string
	instructions []map[string]any
}

// from reads a FROM instruction: image, stage name, platform. The image
// is expanded with the ARGs declared before the first FROM; one that
// names an ARG without a value is unknown.
func (s *stageBuilder) from(n *parser.Node, args map[string]string, earlier []*stageBuilder) {
	raw := ""
	if n.Next != nil {
		raw = n.Next.Value
		if as := n.Next.Next; as != nil && strings.EqualFold(as.Value, "as") && as.Next != nil {
			s.name = strings.ToLower(as.Next.Value)
		}
	}
	s.base = map[string]any{"raw": raw}
	for _, f := range n.Flags {
		if p, ok := strings.CutPrefix(f, "--platform="); ok {
			s.base["platform"] = p
		}
	}
	image, ok := expandArgs(raw, args)
	if !ok {
		s.unknown = append(s.unknown, "from.image", "from.tag", "from.digest")
		return
	}
	s.base["image"] = image
	for _, e := range earlier {
		if e.name != "" && strings.EqualFold(e.name, image) {
			s.base["stage"] = e.name // built on an earlier stage
			return
		}
	}
	if image == "scratch" {
		s.base["scratch"] = true
		return
	}
	name, tag, digest := splitImage(image)
	s.base["name"], s.base["tag"], s.base["digest"] = name, tag, digest
}

var argRef = regexp.MustCompile(`\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))`)

// expandArgs replaces $NAME, ${NAME}, ${NAME:-default} and ${NAME:+alt}
// with the values of args; ok is false when a name has no value.
func expandArgs(s string, args map[string]string) (string, bool) {
	ok := true
	out := argRef.ReplaceAllStringFunc(s, func(m string) string {
		sub := argRef.FindStringSubmatch(m)
		name := sub[1] + sub[4]
		v, set := args[name]
		switch sub[2] {
		case "-":
			if !set || v == "" {
				return sub[3]
			}
		case "+":
			if set && v != "" {
				return sub[3]
			}
			return ""
		}
		if !set || v == "" {
			ok = false
		}
		return v
	})
	return out, ok
}

// splitImage splits an image reference into its name (with registry),
// tag and digest; tag is "" when the reference has none.
func splitImage(ref string) (name, tag, digest string) {
	name, digest, _ = strings.Cut(ref, "@")
	if i := strings.LastIndex(name, ":"); i > strings.LastIndex(name, "/") {
		name, tag = name[:i], name[i+1:]
	}
	return name, tag, digest
}

func (s *stageBuilder) resource(path string, instructions []map[string]any, final bool) input.Resource {
	id := s.name
	if id == "" {
		id = strconv.Itoa(s.index)
	}
	list := make([]any, 0, len(instructions))
	lines := map[string]int{"from": s.line}
	for i, ins := range instructions {
		list = append(list, ins)
		line, _ := strconv.Atoi(ins["line"].(json.Number).String())
		lines["instructions."+strconv.Itoa(i)] = line
	}
	return input.Resource{
		Address: "stage." + id, Type: DockerfileStage, Name: id, Action: input.ActionApply,
		Values: map[string]any{
			"index": json.Number(strconv.Itoa(s.index)), "name": s.name, "final": final,
			"from": s.base, "instructions": list,
		},
		Unknown:  s.unknown,
		Location: input.Location{File: path, Line: s.line, Attributes: lines},
	}
}

// isDockerfileName tells Dockerfiles by the names users give them:
// Dockerfile and Containerfile, Dockerfile.<variant> (Dockerfile.prod,
// Containerfile.dev) and <name>.Dockerfile (api.Dockerfile), in any case.
// These are the names hadolint's integrations match (Dockerfile,
// Dockerfile.*, *.dockerfile) and Trivy's walk takes, case-insensitively
// as Trivy does. Both take any Dockerfile.* though, and Trivy passes over
// a file it then cannot parse, where tenet reports it (exit 3): a variant
// that is a known file extension (dockerfile.go, Dockerfile.md,
// Dockerfile.dockerignore) names another kind of file, so it is not a
// Dockerfile by name. Such a file named on the command line is still
// read, and is a Dockerfile when its content starts as one.
func isDockerfileName(path string) bool {
	base := strings.ToLower(filepath.Base(path))
	for _, n := range []string{"dockerfile", "containerfile"} {
		switch {
		case base == n || strings.HasSuffix(base, "."+n):
			return true
		case strings.HasPrefix(base, n+"."):
			return !otherFileExtensions[filepath.Ext(base)]
		}
	}
	return false
}

// otherFileExtensions are the extensions, in lower case, that mark a file
// named Dockerfile.<ext> as something else than a Dockerfile. The list is
// of kinds found beside Dockerfiles in repositories (a Dockerfile.go
// parser, its Dockerfile.md notes, Dockerfile.dockerignore, which BuildKit
// reads as that Dockerfile's ignore file), not of every extension there
// is: a variant missing from it is read as a Dockerfile, as before, and a
// variant in it (Dockerfile.go for a Go build) is read when named on the
// command line. Templates are on it too: they are rendered into a
// Dockerfile before a build, as Helm templates are before tenet reads
// them.
var otherFileExtensions = map[string]bool{
	// text and documentation
	".md": true, ".markdown": true, ".rst": true, ".adoc": true, ".txt": true, ".html": true, ".htm": true, ".pdf": true, ".log": true,
	// data and configuration
	".json": true, ".yaml": true, ".yml": true, ".toml": true, ".xml": true, ".ini": true, ".cfg": true, ".conf": true,
	".env": true, ".properties": true, ".lock": true, ".csv": true, ".tf": true, ".hcl": true, ".rego": true,
	// source code and scripts
	".go": true, ".py": true, ".js": true, ".mjs": true, ".cjs": true, ".ts": true, ".tsx": true, ".jsx": true, ".rb": true,
	".java": true, ".kt": true, ".kts": true, ".scala": true, ".groovy": true, ".gradle": true, ".c": true, ".h": true,
	".cc": true, ".cpp": true, ".hpp": true, ".cs": true, ".rs": true, ".php": true, ".pl": true, ".swift": true, ".lua": true,
	".sh": true, ".bash": true, ".zsh": true, ".fish": true, ".ps1": true, ".bat": true, ".nix": true, ".bzl": true, ".mk": true, ".sql": true,
	// Docker's own companion files
	".dockerignore": true,
	// templates
	".tmpl": true, ".tpl": true, ".template": true, ".j2": true, ".jinja": true, ".jinja2": true, ".erb": true, ".mustache": true, ".hbs": true, ".in": true,
	// patches
	".patch": true, ".diff": true, ".rej": true,
	// images and archives
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".svg": true, ".ico": true, ".webp": true,
	".zip": true, ".gz": true, ".tgz": true, ".tar": true,
}
