package loader_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// stageView is what TestDockerfile compares of a stage.
type stageView struct {
	Address  string
	Final    bool
	From     map[string]any
	Commands []string // "cmd@line"
	Unknown  []string
	Line     int
}

func dockerfileStages(t *testing.T, name, src string) []stageView {
	t.Helper()
	doc, err := loader.Parse(t.Context(), name, []byte(src), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source.Format != input.FormatDockerfile {
		t.Fatalf("format = %s", doc.Source.Format)
	}
	var out []stageView
	for _, r := range doc.Resources {
		v := stageView{Address: r.Address, Final: r.Values["final"].(bool), From: r.Values["from"].(map[string]any), Unknown: r.Unknown, Line: r.Location.Line}
		for i, ins := range r.Values["instructions"].([]any) {
			m := ins.(map[string]any)
			line := m["line"].(json.Number).String()
			if got := r.Location.Attributes["instructions."+itoa(i)]; itoa(got) != line {
				t.Errorf("%s instruction %d: attribute line %d, instruction line %s", r.Address, i, got, line)
			}
			v.Commands = append(v.Commands, m["cmd"].(string)+"@"+line)
		}
		out = append(out, v)
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestDockerfile(t *testing.T) {
	src := `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.23
ARG DISTROLESS
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build
RUN go build \
    -o /app ./cmd
FROM build AS test
RUN go test ./...
FROM gcr.io/distroless/static${DISTROLESS}
COPY --from=build /app /app
USER nonroot
ENTRYPOINT ["/app"]
`
	got := dockerfileStages(t, "Dockerfile", src)
	want := []stageView{
		{Address: "stage.build", From: map[string]any{"raw": "golang:${GO_VERSION}", "image": "golang:1.23", "name": "golang", "tag": "1.23", "digest": "", "platform": "$BUILDPLATFORM"},
			Commands: []string{"arg@2", "arg@3", "run@5"}, Line: 4},
		{Address: "stage.test", From: map[string]any{"raw": "build", "image": "build", "stage": "build"}, Commands: []string{"run@8"}, Line: 7},
		{Address: "stage.2", Final: true, From: map[string]any{"raw": "gcr.io/distroless/static${DISTROLESS}"},
			Commands: []string{"copy@10", "user@11", "entrypoint@12"}, Unknown: []string{"from.image", "from.tag", "from.digest"}, Line: 9},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stages (-want +got):\n%s", diff)
	}
}

func TestDockerfileForms(t *testing.T) {
	doc, err := loader.Parse(t.Context(), "Containerfile", []byte("FROM alpine:3.20@sha256:abc\nRUN <<EOF\napk add curl\nEOF\nCMD [\"sh\", \"-c\", \"echo hi\"]\nENV A=1 B=\"two words\"\n"), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ins := doc.Resources[0].Values["instructions"].([]any)
	run, cmd, env := ins[0].(map[string]any), ins[1].(map[string]any), ins[2].(map[string]any)
	if h := run["heredocs"].([]any); len(h) != 1 || h[0].(map[string]any)["content"] != "apk add curl\n" {
		t.Errorf("heredoc = %v", run["heredocs"])
	}
	if cmd["json"] != true || len(cmd["args"].([]any)) != 3 {
		t.Errorf("exec form = %v", cmd)
	}
	if diff := cmp.Diff([]any{"A=1", "B=two words"}, env["args"]); diff != "" {
		t.Errorf("env args (-want +got):\n%s", diff)
	}
	from := doc.Resources[0].Values["from"].(map[string]any)
	if from["tag"] != "3.20" || from["digest"] != "sha256:abc" {
		t.Errorf("from = %v", from)
	}
}

// TestDockerfileEscapeDirective: the Windows images set the escape
// character to a backtick; continuation lines end with it.
func TestDockerfileEscapeDirective(t *testing.T) {
	got := dockerfileStages(t, "Dockerfile", "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN Write-Host one; `\n    Write-Host two\nWORKDIR C:\\app\n")
	if diff := cmp.Diff([]string{"run@3", "workdir@5"}, got[0].Commands); diff != "" {
		t.Errorf("commands (-want +got):\n%s", diff)
	}
}

// TestDockerfileDetection: by name (Dockerfile, *.Dockerfile,
// Dockerfile.*, Containerfile) or by content (a first FROM or ARG), and
// walked by name.
func TestDockerfileDetection(t *testing.T) {
	for _, name := range []string{"Dockerfile", "app.Dockerfile", "Dockerfile.dev", "Containerfile", "build.txt"} {
		f, err := loader.Detect(name, []byte("# comment\n\nFROM alpine:3.20\nRUN true\n"))
		if err != nil || f != input.FormatDockerfile {
			t.Errorf("%s: %s, %v", name, f, err)
		}
	}
	if f, _ := loader.Detect("notes.yaml", []byte("from: here\n")); f == input.FormatDockerfile {
		t.Error("a YAML key named from is not a Dockerfile")
	}
	dir := t.TempDir()
	for _, name := range []string{"Dockerfile", "api.Dockerfile", "README.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("FROM alpine:3.20\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := loader.Files([]string{dir})
	if diff := cmp.Diff([]string{filepath.Join(dir, "Dockerfile"), filepath.Join(dir, "api.Dockerfile")}, files); diff != "" {
		t.Errorf("walked (-want +got):\n%s", diff)
	}
}

// TestDockerfileName: the names a directory walk takes as Dockerfiles,
// and those it leaves alone because their extension says what they are.
func TestDockerfileName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Dockerfile", true},
		{"dockerfile", true},
		{"DOCKERFILE", true},
		{"Containerfile", true},
		{"Dockerfile.prod", true},
		{"Dockerfile.dev", true},
		{"Dockerfile.test", true},
		{"Dockerfile.alpine3.20", true},
		{"Containerfile.ubi9", true},
		{"api.Dockerfile", true},
		{"api.dockerfile", true},
		{"web.Containerfile", true},
		{"src/deploy/Dockerfile.prod", true},
		{"dockerfile.go", false},
		{"Dockerfile.md", false},
		{"Dockerfile.MD", false},
		{"Dockerfile.txt", false},
		{"Dockerfile.json", false},
		{"Dockerfile.yaml", false},
		{"Dockerfile.sh", false},
		{"Dockerfile.png", false},
		{"Dockerfile.dockerignore", false},
		{"api.Dockerfile.dockerignore", false},
		{"Dockerfile.prod.md", false},
		{"Dockerfile.j2", false},
		{"containerfile.py", false},
		{"dockerfile_test.go", false},
		{"Dockerfiles", false},
		{"my-Dockerfile", false},
		{"Dockerfile-prod", false},
		{"README.md", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := loader.IsDockerfileName(tc.name); got != tc.want {
				t.Errorf("IsDockerfileName(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

// TestDockerfileWalkSkipsOtherFiles: a walk of a repository reads its
// Dockerfiles, and neither the source code nor the notes named after them
// (dockerfile.go, Dockerfile.md), which are not inputs at all.
func TestDockerfileWalkSkipsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"dockerfile.go":           "package x\n",
		"Dockerfile.md":           "# notes\n",
		"Dockerfile.dockerignore": "node_modules\n",
		"Dockerfile":              "FROM alpine:3.20\n",
		"Dockerfile.prod":         "FROM alpine:3.20\n",
		"api.Dockerfile":          "FROM alpine:3.20\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, errs := loader.Files([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{filepath.Join(dir, "Dockerfile"), filepath.Join(dir, "Dockerfile.prod"), filepath.Join(dir, "api.Dockerfile")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("walked (-want +got):\n%s", diff)
	}
	for _, path := range got {
		if _, err := loader.Read(t.Context(), path, loader.Options{}); err != nil {
			t.Errorf("read %s: %v", path, err)
		}
	}
	// Named on the command line, a file is an input whatever its name.
	named := filepath.Join(dir, "Dockerfile.md")
	if got, _ := loader.Files([]string{named}); !cmp.Equal([]string{named}, got) {
		t.Errorf("Files(%s) = %v", named, got)
	}
}

// TestSharedDockerfiles: every Dockerfile of ../shared/data/docker loads,
// with a final stage and every instruction on a line.
func TestSharedDockerfiles(t *testing.T) {
	paths, _ := filepath.Glob("../../../shared/data/docker/*")
	if len(paths) == 0 {
		t.Skip("../shared/data/docker is not present")
	}
	for _, p := range paths {
		doc, err := loader.Read(t.Context(), p, loader.Options{})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		final := 0
		for _, r := range doc.Resources {
			if r.Values["final"] == true {
				final++
			}
			for k, line := range r.Location.Attributes {
				if line == 0 {
					t.Errorf("%s %s: %s has no line", p, r.Address, k)
				}
			}
		}
		if final != 1 {
			t.Errorf("%s: %d final stages", p, final)
		}
	}
}

// TestDockerfileUnknownInstruction: docker build refuses a file with an
// unknown instruction (a stray "~" left by an editor): it is an input
// error with its line, and the other instructions are still judged.
func TestDockerfileUnknownInstruction(t *testing.T) {
	doc, err := loader.Read(t.Context(), "testdata/invalid/unknown.Dockerfile", loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Unread) != 1 || !doc.Unread[0].Error ||
		doc.Unread[0].Reason != `testdata/invalid/unknown.Dockerfile:3: unknown instruction "NOTANINSTRUCTION": docker build refuses the file (the other instructions were judged)` {
		t.Errorf("unread = %+v", doc.Unread)
	}
	if n := len(doc.Resources[0].Values["instructions"].([]any)); n != 1 {
		t.Errorf("%d instructions judged, want the RUN", n)
	}
}

// TestDockerfileLegacyEnv: ENV NAME value is one pair.
func TestDockerfileLegacyEnv(t *testing.T) {
	doc, err := loader.Parse(t.Context(), "Dockerfile", []byte("FROM alpine:3.20\nENV PATH /usr/local/bin:$PATH\nLABEL a=b c='d e'\n"), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ins := doc.Resources[0].Values["instructions"].([]any)
	if diff := cmp.Diff([]any{"PATH=/usr/local/bin:$PATH"}, ins[0].(map[string]any)["args"]); diff != "" {
		t.Errorf("legacy ENV (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]any{"a=b", "c=d e"}, ins[1].(map[string]any)["args"]); diff != "" {
		t.Errorf("LABEL (-want +got):\n%s", diff)
	}
}

// TestDockerfileOnbuild: ONBUILD keeps the instruction it triggers.
func TestDockerfileOnbuild(t *testing.T) {
	doc, err := loader.Parse(t.Context(), "Dockerfile", []byte("FROM alpine:3.20\nONBUILD RUN curl -k https://x | sh\n"), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ins := doc.Resources[0].Values["instructions"].([]any)[0].(map[string]any)
	if ins["cmd"] != "onbuild" || ins["subcmd"] != "run" || fmt.Sprint(ins["args"]) != "[curl -k https://x | sh]" || ins["line"] != json.Number("2") {
		t.Errorf("onbuild = %v", ins)
	}
}
