package e2e

import (
	"bytes"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/test/golden"
)

// conftestVersion is the conftest whose examples the side-by-side table
// of docs/conftest.md compares with; the Makefile's CONFTEST_VERSION.
const conftestVersion = "v0.71.1"

// conftestCase is one example of conftest's examples directory, run with
// conftest test and with tenet test --no-builtins, in that directory.
type conftestCase struct {
	name string
	// args are conftest test's arguments. tenet gets the same, with
	// --parser NAME as --input-format NAME, unless tenet is set.
	args  []string
	tenet []string
	stdin string // a file given on standard input ("-" in args)
	// dir, if set, is where the case runs instead of conftest's examples:
	// a directory of tenet's repository, for what no example shows.
	dir string
	// note says why the tools differ; a case whose results differ needs one.
	note string
}

// conftestCases are the examples conftest's own acceptance tests run, and
// the flags a conftest user moves over with.
var conftestCases = []conftestCase{
	{name: "kubernetes deployment", args: []string{"-p", "kubernetes/policy", "kubernetes/deployment.yaml"}},
	{name: "kubernetes service", args: []string{"-p", "kubernetes/policy", "kubernetes/service.yaml"}},
	{name: "--fail-on-warn", args: []string{"--fail-on-warn", "-p", "kubernetes/policy", "kubernetes/service.yaml"}},
	{name: "--fail-on-warn with failures", args: []string{"--fail-on-warn", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"},
		note: "conftest exits 2 for failures under `--fail-on-warn` (1 is then warnings only); tenet keeps 2 for usage and policy errors (nothing was evaluated) and exits 1, unless `--exit-codes conftest` (next row)."},
	{name: "--exit-codes conftest", args: []string{"--fail-on-warn", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"},
		tenet: []string{"--exit-codes", "conftest", "--fail-on-warn", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"}},
	{name: "multi-document file", args: []string{"-p", "kubernetes/policy", "kubernetes/deployment+service.yaml"}},
	{name: "two files", args: []string{"-p", "kubernetes/policy", "kubernetes/deployment.yaml", "kubernetes/service.yaml"}},
	{name: "standard input", args: []string{"-p", "kubernetes/policy", "-"}, stdin: "kubernetes/service.yaml"},
	{name: "--parser yaml", args: []string{"--parser", "yaml", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"}},
	{name: "--all-namespaces", args: []string{"--all-namespaces", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"}},
	{name: "--namespace main", args: []string{"--namespace", "main", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"}},
	{name: "--namespace '*'", args: []string{"--namespace", "*", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"}},
	{name: "--namespace 'ma*'", args: []string{"--namespace", "ma*", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"}},
	{name: "--namespace 'mai?'", args: []string{"--namespace", "mai?", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"}},
	{name: "--namespace '[km]*'", args: []string{"--namespace", "[km]*", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"}},
	{name: "--namespace 'main.*'", args: []string{"--namespace", "main.*", "-p", "hcl1/policy", "hcl1/gke-show.json"}},
	{name: "--namespace notpresent", args: []string{"--namespace", "notpresent", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"},
		note: "conftest runs no rule and passes (its acceptance test \"Pass when testing a blank namespace\"); tenet refuses a namespace that matches no package with rules, naming those that have some."},
	{name: "--namespace 'k8s.*'", args: []string{"--namespace", "k8s.*", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"},
		note: "A pattern that matches nothing: as `notpresent`."},
	{name: "--namespace kubernetes", args: []string{"--namespace", "kubernetes", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"},
		note: "`kubernetes` is a helper package without deny, warn or violation rules: conftest runs it and counts 0 tests; tenet refuses it as a namespace that can find nothing."},
	{name: "--namespace '['", args: []string{"--namespace", "[", "-p", "kubernetes/policy", "kubernetes/deployment.yaml"},
		note: "Both refuse the bad pattern; conftest exits 1 for every error, tenet 2 for a usage error."},
	{name: "default namespace, no package main", args: []string{"-p", "hcl1/policy/gke_combine.rego", "hcl1/gke-show.json"},
		note: "The only policy is in `main.gke`: conftest runs nothing and passes; tenet refuses, naming `main.gke` and the flags that select it."},
	{name: "plan JSON", args: []string{"-p", "hcl1/policy/base.rego", "hcl1/gke-show.json"}},
	{name: "--combine, three files", args: []string{"--combine", "-p", "combine/policy", "combine/team.yaml", "combine/user1.yaml", "combine/user2.yaml"}},
	{name: "--combine, multi-document file", args: []string{"--combine", "-p", "combine/policy", "combine/team.yaml", "combine/users.yaml"}},
	{name: "combine policy without --combine", args: []string{"-p", "combine/policy", "combine/team.yaml", "combine/users.yaml"}},
	{name: "--combine, deployment and service", args: []string{"--combine", "-p", "kubernetes/combine", "kubernetes/combine/deployment.yaml", "kubernetes/combine/service.yaml"}},
	{name: "--combine, one file", args: []string{"--combine", "-p", "kubernetes/combine", "kubernetes/combine/combine.yaml"}},
	{name: "exceptions", args: []string{"-p", "exceptions/policy", "exceptions/deployments.yaml"},
		note: "conftest counts an exception per rule and document it excepts; tenet reports each finding the exception covers as waived (source `data.main.exception`). Here both are one."},
	{name: "--data", args: []string{"-p", "data/policy", "-d", "data/exclusions", "data/service.yaml"}},
	{name: "awssam", args: []string{"-p", "awssam/policy", "awssam/lambda.yaml"}},
	{name: "serverless", args: []string{"-p", "serverless/policy", "serverless/serverless.yaml"},
		note: "The example's policy calls `has_field`, which no module defines: both refuse it, conftest with exit 1 (its code for every error), tenet with 2 (a policy error)."},
	{name: "compose", args: []string{"-p", "compose/policy", "compose/docker-compose.yml"}},
	{name: "compose, valid", args: []string{"-p", "compose/policy", "compose/docker-compose-valid.yml"}},
	{name: "kustomize (built output)", args: []string{"-p", "kustomize/policy", "kustomize/deployment.yaml", "kustomize/service.yaml", "kustomize/configMap.yaml"},
		note: "The example pipes `kustomize build` to standard input; here both read the files it builds from."},
	{name: "report: print()", args: []string{"-p", "report/policy_print/labels.rego", "kubernetes/deployment.yaml"},
		note: "both show the `print()` output: conftest among its results on standard output (`PRNT` lines, not in `-o json`), tenet on standard error (`print: INPUT: FILE:LINE: message`), whatever the output formats."},
	{name: "strict-rules", args: []string{"-p", "strict-rules/policy", "kubernetes/deployment.yaml"}},
	{name: "strict-rules --strict", args: []string{"--strict", "-p", "strict-rules/policy", "kubernetes/deployment.yaml"}, tenet: []string{"-p", "strict-rules/policy", "kubernetes/deployment.yaml"},
		note: "tenet has no `--strict`: it compiles custom policies as conftest does without it. Run `tenet verify` or `opa check --strict` on policies to catch unused variables."},
	{name: "builtin-errors", args: []string{"--show-builtin-errors", "-p", "builtin-errors/invalid-dns.rego", "kubernetes/deployment.yaml"}, tenet: []string{"-p", "builtin-errors/invalid-dns.rego", "kubernetes/deployment.yaml"},
		note: "The policy calls `net.lookup_ip_addr`, which tenet's sandbox refuses unless `--allow-builtin net.lookup_ip_addr` is given: a policy error before anything runs. conftest runs it and stops on the built-in's error with `--show-builtin-errors`."},
	{name: "capabilities", args: []string{"--capabilities", "capabilities/capabilities.json", "-p", "kubernetes/policy", "-p", "capabilities/malicious.rego", "kubernetes/deployment.yaml"},
		tenet: []string{"-p", "kubernetes/policy", "-p", "capabilities/malicious.rego", "kubernetes/deployment.yaml"},
		note:  "conftest refuses `http.send` through the capabilities file the example gives; tenet refuses `http.send` and `opa.runtime` by default (`--allow-builtin` lets them), with no file. Both exit on a policy error."},
	{name: "cyclonedx (JSON)", args: []string{"-p", "cyclonedx/policy", "cyclonedx/cyclonedx.json"}},
	{name: "--parser cyclonedx", args: []string{"--parser", "cyclonedx", "-p", "cyclonedx/policy", "cyclonedx/cyclonedx.json"}, tenet: []string{"-p", "cyclonedx/policy", "cyclonedx/cyclonedx.json"},
		note: "conftest's cyclonedx parser normalises the SBOM; tenet reads the file as plain JSON (no such `--input-format`)."},
	{name: "configfile (flags of its conftest.toml)", args: []string{"--namespace", "conftest", "-p", "configfile/test", "configfile/deployment.yaml"}},
	{name: "docker", args: []string{"-p", "docker/policy", "docker/Dockerfile"}, note: "conftest-style policies see the instructions as conftest's Dockerfile parser gives them (Cmd, Value, Flags, Stage...); built-in rules read the stages (docs/input.md)."},
	// Policy-author features no example shows: tenet's own fixtures.
	{name: "Rego v0 policy, --rego-version v0", dir: parityDir, args: []string{"--rego-version", "v0", "-p", "v0/policy", "deployment.yaml"}},
	{name: "Rego v0 policy read as v1", dir: parityDir, args: []string{"-p", "v0/policy", "deployment.yaml"},
		note: "v1 is the default of both: both refuse the v0 syntax, conftest with exit 1 (its code for every error), tenet with 2 (a policy error), adding the hint `written for Rego v0? --rego-version v0 reads it`."},
	{name: "parse_config, parse_config_file, parse_combined_config_files", dir: parityDir, args: []string{"-p", "parse/policy", "deployment.yaml"},
		note: "The same documents for JSON, YAML (several documents), HCL 2 and a Dockerfile, with paths relative to the policy file and combined entries named by the path read."},
	{name: "parse_config_file out of the working directory", dir: parityDir, args: []string{"-p", "escape/policy", "deployment.yaml"},
		note: "The policy reads `../../../../../../.goreleaser.yaml`, above the working directory: conftest reads any file; tenet reads only under the working directory and the inputs' directories, and stops that input with an input error (exit 3) naming the built-in."},
	{name: "result objects with details", dir: parityDir, args: []string{"-p", "details/policy", "deployment.yaml"},
		note: "\"messages\" compares the keys beside `msg` too: conftest's JSON has them in `metadata` (with its `query`), tenet's finding in `metadata`."},
	// Inputs tenet does not read: one row each, saying what tenet prints.
	{name: "hcl1 (.tf)", args: []string{"--namespace", "main.gke", "-p", "hcl1/policy", "hcl1/gke.tf"}, note: "tenet reads a .tf file with the rest of its directory; conftest-style policies see the document conftest's HCL 2 parser gives them (blocks by type and labels, each a list of bodies)."},
	{name: "hcl2 (.tf)", args: []string{"-p", "hcl2/policy", "hcl2/terraform.tf"}, note: "As hcl1."},
	{name: "traefik (TOML)", args: []string{"-p", "traefik/policy", "traefik/traefik.toml"}, note: "No TOML reader: the file is not YAML either, an input error."},
	{name: "cue", args: []string{"-p", "cue/policy", "cue/deployment.cue"}, note: "No CUE reader: an input error."},
	{name: "dotenv", args: []string{"-p", "dotenv/policy", "dotenv/sample.env"}, note: "No .env reader: the file reads as one YAML string, which tenet refuses as plain text (an input error), rather than letting policies judge a string and pass."},
	{name: "edn", args: []string{"-p", "edn/policy", "edn/sample_config.edn"}, note: "No EDN reader: an input error."},
	{name: "hocon", args: []string{"--parser", "hocon", "-p", "hocon/policy", "hocon/hocon.conf"}, tenet: []string{"-p", "hocon/policy", "hocon/hocon.conf"}, note: "No HOCON reader: an input error."},
	{name: "ini", args: []string{"-p", "ini/policy", "ini/grafana.ini"}, note: "No INI reader: an input error."},
	{name: "jenkins", args: []string{"-p", "jenkins/policy", "jenkins/Jenkinsfile"}, note: "No Groovy reader: plain text, an input error."},
	{name: "jsonnet", args: []string{"-p", "jsonnet/policy", "jsonnet/arith.jsonnet"}, note: "No Jsonnet reader: an input error."},
	{name: "nginx", args: []string{"-p", "nginx/policy", "nginx/nginx.conf"}, note: "No nginx reader: plain text, an input error."},
	{name: "properties", args: []string{"-p", "properties/policy", "properties/sample.properties"}, note: "No .properties reader: plain text, an input error."},
	{name: "spdx", args: []string{"-p", "spdx/policy", "spdx/sbom.spdx"}, note: "No SPDX tag-value reader: an input error."},
	{name: "textproto", args: []string{"--proto-file-dirs", "textproto/protos", "-p", "textproto/policy", "textproto/pass.textproto", "textproto/fail.textproto"},
		tenet: []string{"-p", "textproto/policy", "textproto/pass.textproto", "textproto/fail.textproto"},
		note:  "tenet has no text protobuf reader and no `--proto-file-dirs`; these two files (`name: \"fail\"`, `number: 9000`) happen to be valid YAML, so tenet reads them as YAML and finds the same. A text proto with nested messages is not YAML: an input error."},
	{name: "vcl", args: []string{"-p", "vcl/policy", "vcl/varnish.vcl"}, note: "No VCL reader: plain text, an input error."},
	{name: "xml", args: []string{"-p", "xml/policy", "xml/pom.xml"}, note: "No XML reader: plain text, an input error."},
	{name: "codeowners", args: []string{"-p", "codeowners/policy", "codeowners/CODEOWNERS"}, note: "No CODEOWNERS reader: an input error."},
	{name: "ignore (.gitignore)", args: []string{"-p", "ignore/gitignore/policy", "ignore/gitignore/.gitignore"}, note: "No ignore-file reader: an input error."},
	{name: "ignore (.dockerignore)", args: []string{"-p", "ignore/dockerignore/policy", "ignore/dockerignore/.dockerignore"}, note: "No ignore-file reader: plain text, an input error."},
	{name: "ts", args: []string{"-p", "ts/policy", "ts/pod.ts"}, note: "The example pipes `npx ts-node pod.ts` to standard input; on the TypeScript file itself tenet reports an input error."},
}

// sideResult is what one tool said about one case.
type sideResult struct {
	failures, warnings, exceptions int
	code                           int
	messages                       []string // of failures and warnings, sorted
	err                            string   // the first line of standard error, when the tool refused
}

func (r sideResult) counts() string {
	return fmt.Sprintf("%d / %d / %d", r.failures, r.warnings, r.exceptions)
}

// parityDir holds tenet's fixtures for the cases conftest's examples lack.
const parityDir = "test/e2e/testdata/conftest-parity"

// withMetadata is a result's message followed by the keys beside msg,
// as JSON, when it has any: conftest's metadata without its query.
func withMetadata(msg string, md map[string]any) string {
	delete(md, "query")
	if len(md) == 0 {
		return msg
	}
	b, err := json.Marshal(md)
	if err != nil {
		return msg
	}
	return msg + " " + string(b)
}

// conftestTool finds the conftest binary of conftestVersion: $CONFTEST,
// the Makefile's bin/conftest-VERSION/conftest, or conftest on PATH.
func conftestTool() string {
	candidates := []string{os.Getenv("CONFTEST"), filepath.Join(repoRoot, "bin", "conftest-"+conftestVersion, "conftest")}
	if p, err := exec.LookPath("conftest"); err == nil {
		candidates = append(candidates, p)
	}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		abs, err := filepath.Abs(c)
		if err != nil {
			continue
		}
		// go install stamps the module version into the binary, not into
		// conftest --version ("dev").
		info, err := buildinfo.ReadFile(abs)
		if err == nil && info.Main.Path == "github.com/open-policy-agent/conftest" && info.Main.Version == conftestVersion {
			return abs
		}
	}
	return ""
}

// conftestExamples is the examples directory of conftest's module source,
// downloaded through the Go module proxy when not cached; "" when it
// cannot be had (offline).
func conftestExamples() string {
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/open-policy-agent/conftest@"+conftestVersion).Output()
	if err != nil {
		return ""
	}
	var mod struct{ Dir string }
	if json.Unmarshal(out, &mod) != nil || mod.Dir == "" {
		return ""
	}
	return filepath.Join(mod.Dir, "examples")
}

// runTool runs name with args in dir, stdin from the file stdin if set.
func runTool(dir, stdin, name string, args ...string) (stdout []byte, stderr string, code int, err error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if stdin != "" {
		f, err := os.Open(filepath.Join(dir, stdin))
		if err != nil {
			return nil, "", 0, err
		}
		defer f.Close()
		cmd.Stdin = f
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return out.Bytes(), errb.String(), ee.ExitCode(), nil
	}
	return out.Bytes(), errb.String(), 0, err
}

func firstLine(s, prefix string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimPrefix(line, prefix)
}

// conftestNoise is what varies between machines in conftest's errors: the
// resolver a DNS error names and the Go pointers of a built-in error.
var conftestNoise = regexp.MustCompile(` on [0-9a-fA-F.:\[\]]+:[0-9]+| StackTrace: err:0x[0-9a-f]+`)

// conftestError is conftest's error in one line: a line that ends with a
// colon (a list of errors follows) is joined to the next.
func conftestError(stderr, dir string) string {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	msg := strings.TrimPrefix(lines[0], "Error: ")
	if strings.HasSuffix(msg, ":") && len(lines) > 1 {
		msg += " " + strings.TrimSpace(lines[1])
	}
	msg = strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
	return conftestNoise.ReplaceAllString(msg, "")
}

func runConftest(t *testing.T, bin, dir string, c conftestCase) sideResult {
	out, stderr, code, err := runTool(dir, c.stdin, bin, append([]string{"test", "--no-color", "-o", "json"}, c.args...)...)
	if err != nil {
		t.Errorf("%s: conftest: %v", c.name, err)
		return sideResult{}
	}
	res := sideResult{code: code}
	var files []struct {
		Failures, Warnings, Exceptions []struct {
			Msg      string         `json:"msg"`
			Metadata map[string]any `json:"metadata"`
		}
	}
	if json.Unmarshal(out, &files) != nil {
		res.err = conftestError(stderr, dir)
		return res
	}
	for _, f := range files {
		res.failures += len(f.Failures)
		res.warnings += len(f.Warnings)
		res.exceptions += len(f.Exceptions)
		for _, r := range append(f.Failures, f.Warnings...) {
			res.messages = append(res.messages, withMetadata(r.Msg, r.Metadata))
		}
	}
	slices.Sort(res.messages)
	return res
}

func runTenet(t *testing.T, dir string, c conftestCase) sideResult {
	args := c.tenet
	if args == nil {
		for i := 0; i < len(c.args); i++ {
			if c.args[i] == "--parser" {
				args = append(args, "--input-format")
				continue
			}
			args = append(args, c.args[i])
		}
	}
	out, stderr, code, err := runTool(dir, c.stdin, binary, append([]string{"test", "--no-builtins", "-o", "json"}, args...)...)
	if err != nil {
		t.Errorf("%s: tenet: %v", c.name, err)
		return sideResult{}
	}
	res := sideResult{code: code, err: firstLine(stderr, "tenet: ")}
	var rep struct {
		Findings []struct {
			Kind     string          `json:"kind"`
			Message  string          `json:"message"`
			Metadata map[string]any  `json:"metadata"`
			Waiver   json.RawMessage `json:"waiver"`
		}
	}
	if json.Unmarshal(out, &rep) != nil {
		return res
	}
	for _, f := range rep.Findings {
		switch {
		case f.Waiver != nil:
			res.exceptions++
			continue
		case f.Kind == "deny":
			res.failures++
		case f.Kind == "warn":
			res.warnings++
		}
		res.messages = append(res.messages, withMetadata(f.Message, f.Metadata))
	}
	slices.Sort(res.messages)
	return res
}

const (
	conftestTableStart = "<!-- side-by-side table: generated by go test ./test/e2e -run TestConftestSideBySide -update -->"
	conftestTableEnd   = "<!-- end of side-by-side table -->"
)

// TestConftestSideBySide runs every case with conftest and tenet and keeps
// the table of docs/conftest.md equal to what they say. Without the
// conftest binary, tenet's columns are still checked against the table.
func TestConftestSideBySide(t *testing.T) {
	examples := conftestExamples()
	if examples == "" {
		t.Skip("conftest's module source cannot be downloaded (offline?)")
	}
	bin := conftestTool()
	if bin == "" && golden.Updating() {
		t.Fatalf("-update needs conftest %s: make %s, or set CONFTEST", conftestVersion, "bin/conftest-"+conftestVersion+"/conftest")
	}
	path := filepath.Join(repoRoot, "docs", "conftest.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok1 := strings.Cut(string(doc), conftestTableStart+"\n")
	table, after, ok2 := strings.Cut(rest, conftestTableEnd)
	if !ok1 || !ok2 {
		t.Fatalf("docs/conftest.md lacks the markers %q and %q", conftestTableStart, conftestTableEnd)
	}
	documented := map[string][]string{} // case name -> cells of its row
	for _, line := range strings.Split(table, "\n") {
		if cells := splitRow(line); len(cells) == 8 {
			documented[cells[0]] = cells
		}
	}

	rows := make([]string, len(conftestCases))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, c := range conftestCases {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			rows[i] = conftestRow(t, bin, examples, c, documented[mdEscape(c.name)])
		})
	}
	wg.Wait()
	got := "| case | `conftest test` arguments | conftest F / W / E | exit | tenet F / W / E | exit | messages | what differs, and why |\n" +
		"|---|---|---|---|---|---|---|---|\n" + strings.Join(rows, "\n") + "\n"
	if golden.Updating() {
		if err := os.WriteFile(path, []byte(before+conftestTableStart+"\n"+got+conftestTableEnd+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(table, got); diff != "" {
		t.Errorf("the side-by-side table of docs/conftest.md is stale; run go test ./test/e2e -run TestConftestSideBySide -update with conftest %s (-doc +now):\n%s", conftestVersion, diff)
	}
}

// conftestRow runs one case and renders its row; without the conftest
// binary, conftest's cells are those documented.
func conftestRow(t *testing.T, bin, dir string, c conftestCase, documented []string) string {
	if c.dir != "" {
		abs, err := filepath.Abs(filepath.Join(repoRoot, c.dir))
		if err != nil {
			t.Errorf("%s: %v", c.name, err) // not Fatal: a goroutine of the test
			return ""
		}
		dir = abs
	}
	ten := runTenet(t, dir, c)
	cells := []string{mdEscape(c.name), "`" + strings.Join(c.args, " ") + "`"}
	if c.stdin != "" {
		cells[1] = "`" + strings.Join(c.args, " ") + " < " + c.stdin + "`"
	}
	if c.dir != "" {
		cells[1] += " in `" + c.dir + "`"
	}
	var conf, msgs string
	var confCode string
	if bin != "" {
		cr := runConftest(t, bin, dir, c)
		conf, confCode = cr.counts(), fmt.Sprint(cr.code)
		if cr.err != "" {
			conf = "error: " + mdEscape(cr.err)
		}
		switch {
		case cr.err != "" || ten.err != "" && ten.messages == nil:
			msgs = "—"
		case slices.Equal(cr.messages, ten.messages):
			msgs = "same"
		default:
			msgs = "differ"
		}
		same := conf == ten.counts() && cr.code == ten.code && msgs != "differ"
		if !same && c.note == "" {
			t.Errorf("%s: conftest says %s (exit %d), tenet %s (exit %d), messages %s: the case needs a note saying why", c.name, conf, cr.code, ten.counts(), ten.code, msgs)
		}
	} else if documented != nil {
		conf, confCode, msgs = documented[2], documented[3], documented[6]
	}
	tenCell := ten.counts()
	if ten.err != "" && ten.code > 1 {
		tenCell = "error: " + mdEscape(ten.err)
	}
	return "| " + strings.Join(append(cells, conf, confCode, tenCell, fmt.Sprint(ten.code), msgs, mdEscape(c.note)), " | ") + " |"
}

// splitRow splits a markdown table row into its cells.
func splitRow(line string) []string {
	if !strings.HasPrefix(line, "| ") || !strings.HasSuffix(line, " |") {
		return nil
	}
	return strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "| "), " |"), " | ")
}

// mdEscape keeps a cell on one row: pipes are escaped.
func mdEscape(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}
