package tfconfig

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// write creates files (path -> content) under a new directory and returns it.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func load(t *testing.T, files map[string]string, opts Options) (*Result, string) {
	t.Helper()
	dir := write(t, files)
	res, err := Load(t.Context(), dir, opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return res, dir
}

func byAddress(res *Result) map[string]Resource {
	out := map[string]Resource{}
	for _, r := range res.Resources {
		out[r.Address] = r
	}
	return out
}

// values is the JSON of a resource's values, for compact comparisons.
func values(t *testing.T, r Resource) string {
	t.Helper()
	b, err := json.Marshal(r.Values)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestValuesBlocksAndLines(t *testing.T) {
	res, dir := load(t, map[string]string{"main.tf": `
resource "aws_s3_bucket" "b" {
  bucket = "logs"
  tags   = { Name = "logs" }
  versioning {
    enabled = true
  }
  lifecycle {
    prevent_destroy = true
  }
}
`}, Options{})
	r := byAddress(res)["aws_s3_bucket.b"]
	if got, want := values(t, r), `{"bucket":"logs","tags":{"Name":"logs"},"versioning":[{"enabled":true}]}`; got != want {
		t.Errorf("values = %s, want %s", got, want)
	}
	if r.File != filepath.Join(dir, "main.tf") || r.Line != 2 {
		t.Errorf("location = %s:%d, want main.tf:2", r.File, r.Line)
	}
	wantLines := map[string]int{"bucket": 3, "tags": 4, "versioning": 5, "versioning.0": 5, "versioning.0.enabled": 6}
	if diff := cmp.Diff(wantLines, r.Attributes); diff != "" {
		t.Errorf("attribute lines (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"bucket", "tags", "versioning.enabled"}, r.Configured); diff != "" {
		t.Errorf("configured (-want +got):\n%s", diff)
	}
	if r.Provider != "registry.terraform.io/hashicorp/aws" || r.Mode != "managed" || r.ConfigAddress != "aws_s3_bucket.b" {
		t.Errorf("resource = %+v", r)
	}
}

func TestVariablePrecedence(t *testing.T) {
	files := map[string]string{
		"main.tf": `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "n" { type = number }
variable "l" { type = list(string) }
resource "x_thing" "t" {
  a = var.a
  b = var.b
  c = var.c
  d = var.d
  e = var.e
  n = var.n
  l = var.l
}`,
		"terraform.tfvars":   `b = "tfvars"` + "\n" + `c = "tfvars"` + "\n" + `d = "tfvars"` + "\n" + `e = "tfvars"`,
		"a.auto.tfvars":      `c = "a.auto"` + "\n" + `d = "a.auto"` + "\n" + `e = "a.auto"`,
		"b.auto.tfvars.json": `{"d": "b.auto", "e": "b.auto"}`,
		"extra.tfvars":       `e = "var-file"` + "\n" + `n = "7"`,
	}
	dir := write(t, files)
	res, err := Load(t.Context(), dir, Options{VarFiles: []string{filepath.Join(dir, "extra.tfvars")}, Vars: []string{"e=flag", `l=["x", "y"]`}})
	if err != nil {
		t.Fatal(err)
	}
	got := values(t, byAddress(res)["x_thing.t"])
	want := `{"a":"default","b":"tfvars","c":"a.auto","d":"b.auto","e":"flag","l":["x","y"],"n":7}`
	if got != want {
		t.Errorf("values = %s\nwant     %s", got, want)
	}
}

func TestUnknowns(t *testing.T) {
	res, _ := load(t, map[string]string{"main.tf": `
variable "required" {}
locals {
  a = local.b
  b = local.a
}
resource "aws_kms_key" "k" {}
data "aws_caller_identity" "me" {}
resource "aws_ebs_volume" "v" {
  required   = var.required
  cycle      = local.a
  kms_key_id = aws_kms_key.k.arn
  account    = data.aws_caller_identity.me.account_id
  from_file  = file("secret.txt")
  made_up    = notafunction(1)
  partly     = { known = 1, later = aws_kms_key.k.id }
  list       = ["a", aws_kms_key.k.id]
}`}, Options{})
	r := byAddress(res)["aws_ebs_volume.v"]
	if got, want := values(t, r), `{"list":["a",null],"partly":{"known":1}}`; got != want {
		t.Errorf("values = %s, want %s", got, want)
	}
	want := []string{"account", "cycle", "from_file", "kms_key_id", "list.1", "made_up", "partly.later", "required"}
	if diff := cmp.Diff(want, r.Unknown); diff != "" {
		t.Errorf("unknown (-want +got):\n%s", diff)
	}
	wantRefs := map[string][]string{"account": {"data.aws_caller_identity.me"}, "kms_key_id": {"aws_kms_key.k"},
		"partly": {"aws_kms_key.k"}, "list": {"aws_kms_key.k"}}
	if diff := cmp.Diff(wantRefs, r.Refs); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
}

func TestCountAndForEach(t *testing.T) {
	res, _ := load(t, map[string]string{"main.tf": `
variable "n" { default = 2 }
resource "a_count" "c" {
  count = var.n
  i     = count.index
}
resource "a_zero" "z" {
  count = 0
}
resource "a_map" "m" {
  for_each = { x = "one", y = "two" }
  v        = "${each.key}=${each.value}"
}
resource "a_set" "s" {
  for_each = toset(["p", "q"])
  k        = each.key
}
resource "a_later" "l" {
  count = length(aws_thing.t.ids)
}
resource "a_list" "bad" {
  for_each = ["a"]
}`}, Options{})
	got := map[string]string{}
	for _, r := range res.Resources {
		got[r.Address] = values(t, r)
	}
	want := map[string]string{
		"a_count.c[0]": `{"i":0}`, "a_count.c[1]": `{"i":1}`,
		`a_map.m["x"]`: `{"v":"x=one"}`, `a_map.m["y"]`: `{"v":"y=two"}`,
		`a_set.s["p"]`: `{"k":"p"}`, `a_set.s["q"]`: `{"k":"q"}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}
	if len(res.Unread) != 2 || res.Unread[0].Address != "a_later.l" || res.Unread[1].Address != "a_list.bad" {
		t.Fatalf("unread = %+v", res.Unread)
	}
	if !strings.Contains(res.Unread[0].Reason, "count is not known before apply (it depends on aws_thing.t)") || res.Unread[0].Line != 18 {
		t.Errorf("unread[0] = %+v", res.Unread[0])
	}
	if !strings.Contains(res.Unread[1].Reason, "not a map or a set of strings") {
		t.Errorf("unread[1] = %+v", res.Unread[1])
	}
}

func TestDynamicBlocks(t *testing.T) {
	res, _ := load(t, map[string]string{"main.tf": `
variable "ports" { default = [22, 443] }
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port = port.value
      nested {
        n = port.key
      }
    }
  }
  dynamic "egress" {
    for_each = aws_thing.t.rules
    content {
      to_port = egress.value
    }
  }
}`}, Options{})
	r := byAddress(res)["aws_security_group.sg"]
	if got, want := values(t, r), `{"ingress":[{"from_port":22,"nested":[{"n":0}]},{"from_port":443,"nested":[{"n":1}]}]}`; got != want {
		t.Errorf("values = %s, want %s", got, want)
	}
	if diff := cmp.Diff([]string{"egress"}, r.Unknown); diff != "" {
		t.Errorf("unknown (-want +got):\n%s", diff)
	}
	if r.Attributes["ingress.1.from_port"] != 8 || r.Attributes["egress"] != 14 {
		t.Errorf("lines = %v", r.Attributes)
	}
	if diff := cmp.Diff(map[string][]string{"egress": {"aws_thing.t"}}, r.Refs); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
}

func TestLocalModules(t *testing.T) {
	res, dir := load(t, map[string]string{
		"main.tf": `
resource "aws_kms_key" "k" {}
module "one" {
  source = "./mod"
  name   = "first"
  key    = aws_kms_key.k.arn
}
module "many" {
  source   = "./mod"
  for_each = toset(["a", "b"])
  name     = each.key
}
resource "aws_s3_bucket_policy" "p" {
  bucket = module.one.bucket
  policy = module.one.name
}`,
		"mod/main.tf": `
variable "name" {}
variable "key" { default = null }
resource "aws_s3_bucket" "this" {
  bucket     = var.name
  kms_key_id = var.key
}
output "bucket" { value = aws_s3_bucket.this.id }
output "name" { value = var.name }`,
	}, Options{})
	got := map[string]string{}
	for _, r := range res.Resources {
		got[r.Address] = values(t, r)
	}
	want := map[string]string{
		"aws_kms_key.k":                       `{}`,
		"aws_s3_bucket_policy.p":              `{"policy":"first"}`,
		"module.one.aws_s3_bucket.this":       `{"bucket":"first"}`,
		`module.many["a"].aws_s3_bucket.this`: `{"bucket":"a","kms_key_id":null}`,
		`module.many["b"].aws_s3_bucket.this`: `{"bucket":"b","kms_key_id":null}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}
	all := byAddress(res)
	one := all["module.one.aws_s3_bucket.this"]
	if one.Module != "module.one" || one.ConfigAddress != "module.one.aws_s3_bucket.this" || one.File != filepath.Join(dir, "mod", "main.tf") {
		t.Errorf("module resource = %+v", one)
	}
	if diff := cmp.Diff(map[string][]string{"kms_key_id": {"aws_kms_key.k"}}, one.Refs); diff != "" {
		t.Errorf("refs through a variable (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string][]string{"bucket": {"module.one.aws_s3_bucket.this"}}, all["aws_s3_bucket_policy.p"].Refs); diff != "" {
		t.Errorf("refs through an output (-want +got):\n%s", diff)
	}
	if m := all[`module.many["a"].aws_s3_bucket.this`]; m.Module != `module.many["a"]` || m.ConfigAddress != "module.many.aws_s3_bucket.this" {
		t.Errorf("for_each module resource = %+v", m)
	}
}

func TestRemoteModules(t *testing.T) {
	files := map[string]string{"main.tf": `
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  name    = "main"
}
module "gone" {
  source = "git::https://example.com/m.git"
}`,
		".terraform/modules/modules.json":   `{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Dir":".terraform/modules/vpc"}]}`,
		".terraform/modules/vpc/main.tf":    `variable "name" {}` + "\n" + `resource "aws_vpc" "this" { tags = { Name = var.name } }`,
		".terraform/modules/vpc/outputs.tf": `output "id" { value = aws_vpc.this.id }`,
	}
	res, _ := load(t, files, Options{})
	if got := values(t, byAddress(res)["module.vpc.aws_vpc.this"]); got != `{"tags":{"Name":"main"}}` {
		t.Errorf("fetched module resource = %s", got)
	}
	if len(res.Unread) != 1 || res.Unread[0].Address != "module.gone" || !strings.Contains(res.Unread[0].Reason, "not fetched") || res.Unread[0].Line != 7 {
		t.Errorf("unread = %+v", res.Unread)
	}
}

func TestSensitiveAndDefaultTags(t *testing.T) {
	res, _ := load(t, map[string]string{"main.tf": `
variable "password" {
  default   = "hunter2"
  sensitive = true
}
provider "aws" {
  default_tags {
    tags = { owner = "platform", env = "dev" }
  }
}
provider "aws" {
  alias = "west"
}
resource "aws_db_instance" "db" {
  password = var.password
  tags     = { env = "prod" }
  settings = { user = "admin", secret = sensitive("s3cret") }
}
resource "aws_s3_bucket" "west" {
  provider = aws.west
}`}, Options{})
	all := byAddress(res)
	db := all["aws_db_instance.db"]
	if diff := cmp.Diff([]string{"password", "settings.secret"}, db.Sensitive); diff != "" {
		t.Errorf("sensitive (-want +got):\n%s", diff)
	}
	if got, want := values(t, db), `{"password":"hunter2","settings":{"secret":"s3cret","user":"admin"},"tags":{"env":"prod"},"tags_all":{"env":"prod","owner":"platform"}}`; got != want {
		t.Errorf("values = %s\nwant     %s", got, want)
	}
	if got := values(t, all["aws_s3_bucket.west"]); got != `{}` {
		t.Errorf("a resource of an aliased provider without default tags = %s", got)
	}
}

func TestFunctions(t *testing.T) {
	res, _ := load(t, map[string]string{"main.tf": `
resource "x_f" "f" {
  joined  = join(",", ["a", "b"])
  upper   = upper("x")
  merged  = merge({ a = 1 }, { b = 2 })
  regex   = replace("a-b-c", "/-/", "_")
  plain   = replace("a.b", ".", "_")
  try     = try(aws_thing.t.missing, "fallback")
  starts  = startswith("prod-db", "prod")
  wide    = format("%999999999d", 1)
  one     = one(["x"])
  b64     = base64encode("hi")
  jsonenc = jsonencode({ Statement = [{ Effect = "Allow" }] })
  stamp   = timestamp()
}`}, Options{})
	r := byAddress(res)["x_f.f"]
	want := `{"b64":"aGk=","joined":"a,b","jsonenc":"{\"Statement\":[{\"Effect\":\"Allow\"}]}","merged":{"a":1,"b":2},"one":"x","plain":"a_b","regex":"a_b_c","starts":true,"upper":"X"}`
	if got := values(t, r); got != want {
		t.Errorf("values = %s\nwant     %s", got, want)
	}
	// try() of an unknown is unknown, as in Terraform: the fallback is
	// taken only for an error.
	if diff := cmp.Diff([]string{"stamp", "try", "wide"}, r.Unknown); diff != "" {
		t.Errorf("unknown (-want +got):\n%s", diff)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string // the error, with the directory as "DIR"
	}{
		{"syntax", map[string]string{"main.tf": "resource \"a\" \"b\" {\n  x = \n}\n"},
			"DIR/main.tf:2:7: Invalid expression: Expected the start of an expression, but found an invalid expression token."},
		{"json syntax", map[string]string{"main.tf.json": `{"resource": [}`},
			"DIR/main.tf.json:1:15: Missing JSON value"},
		{"duplicate resource", map[string]string{"a.tf": `resource "a" "b" {}`, "b.tf": `resource "a" "b" {}`},
			"DIR/b.tf:1:1: duplicate resource a.b (first at DIR/a.tf:1,1-17)"},
		{"override of nothing", map[string]string{"main.tf": ``, "main_override.tf": `resource "a" "b" {}`},
			"DIR/main_override.tf:1:1: override for resource a.b: there is no such block in the other files to override"},
		{"module calls itself", map[string]string{"main.tf": `module "m" { source = "./" }`},
			"DIR/main.tf:1:1: module \"m\" calls itself (directory DIR)"},
		{"non-literal source", map[string]string{"main.tf": `module "m" { source = var.s }`},
			"DIR/main.tf:1:23: a module source must be a literal string"},
		{"too many instances", map[string]string{"main.tf": `resource "a" "b" { count = 1000000000 }`},
			"DIR/main.tf:1:1: more than 100000 resource and module instances (count and for_each): refusing to expand further"},
		{"bad tfvars", map[string]string{"main.tf": ``, "terraform.tfvars": `a = var.b`},
			"DIR/terraform.tfvars:1:5: Variables not allowed: Variables may not be used here."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := write(t, tc.files)
			_, err := Load(t.Context(), dir, Options{})
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if got, want := err.Error(), strings.ReplaceAll(tc.want, "DIR", dir); !strings.HasPrefix(got, want) {
				t.Errorf("err =\n %s\nwant\n %s", got, want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestJSONSyntax(t *testing.T) {
	res, _ := load(t, map[string]string{"main.tf.json": `{
  "variable": {"name": {"default": "logs"}},
  "resource": {"aws_s3_bucket": {"b": {"bucket": "${var.name}", "count": 1}}}
}`}, Options{})
	r := byAddress(res)["aws_s3_bucket.b[0]"]
	if got := values(t, r); got != `{"bucket":"logs"}` {
		t.Errorf("values = %s", got)
	}
	if r.Attributes["bucket"] != 3 {
		t.Errorf("lines = %v", r.Attributes)
	}
}

func TestRoots(t *testing.T) {
	dir := write(t, map[string]string{
		"live/main.tf":        `module "a" { source = "../modules/a" }`,
		"modules/a/main.tf":   `module "b" { source = "./b" }`,
		"modules/a/b/main.tf": ``,
		"other/main.tf":       ``,
	})
	dirs := map[string]bool{}
	for _, d := range []string{"live", "modules/a", "modules/a/b", "other"} {
		dirs[filepath.Join(dir, d)] = true
	}
	got := Roots(dirs, os.ReadFile)
	want := []string{filepath.Join(dir, "live"), filepath.Join(dir, "other")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("roots (-want +got):\n%s", diff)
	}
}

// TestModuleDepth: modules nest at most maxModuleDepth levels.
func TestModuleDepth(t *testing.T) {
	files := map[string]string{}
	path := ""
	for range maxModuleDepth + 1 {
		files[path+"main.tf"] = `module "m" { source = "./m" }`
		path += "m/"
	}
	files[path+"main.tf"] = ``
	dir := write(t, files)
	_, err := Load(t.Context(), dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "module calls nest deeper than 32 levels") {
		t.Errorf("err = %v", err)
	}
}

// TestResourceReferences: an attribute of another resource that the
// configuration sets is known, as in a plan; what the provider computes,
// an instance of a counted resource and a cycle are unknown.
func TestResourceReferences(t *testing.T) {
	res, _ := load(t, map[string]string{"main.tf": `
variable "cidr" { default = "10.0.0.0/16" }
resource "aws_vpc" "main" {
  cidr_block = var.cidr
  tags       = { Name = "main" }
}
resource "aws_subnet" "many" {
  count      = 2
  cidr_block = "10.0.${count.index}.0/24"
}
resource "a_cycle" "x" { v = a_cycle.y.v }
resource "a_cycle" "y" { v = a_cycle.x.v }
resource "aws_security_group_rule" "r" {
  cidr_blocks = [aws_vpc.main.cidr_block]
  name        = aws_vpc.main.tags.Name
  vpc_id      = aws_vpc.main.id
  subnet      = aws_subnet.many[0].cidr_block
}`}, Options{})
	all := byAddress(res)
	r := all["aws_security_group_rule.r"]
	if got, want := values(t, r), `{"cidr_blocks":["10.0.0.0/16"],"name":"main"}`; got != want {
		t.Errorf("values = %s, want %s", got, want)
	}
	if diff := cmp.Diff([]string{"subnet", "vpc_id"}, r.Unknown); diff != "" {
		t.Errorf("unknown (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string][]string{"cidr_blocks": {"aws_vpc.main"}, "name": {"aws_vpc.main"},
		"subnet": {"aws_subnet.many"}, "vpc_id": {"aws_vpc.main"}}, r.Refs); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
	if u := all["a_cycle.x"].Unknown; len(u) != 1 || u[0] != "v" {
		t.Errorf("a cycle: unknown = %v", u)
	}
}

// TestOverrideFiles: override files replace, in the block of the same
// type and labels, the attributes they set and every nested block of a
// type they have, in name order.
func TestOverrideFiles(t *testing.T) {
	res, dir := load(t, map[string]string{
		"main.tf": `
variable "size" { default = 10 }
locals { name = "base" }
resource "aws_ebs_volume" "v" {
  size      = var.size
  encrypted = true
  name      = local.name
  tag { key = "a" }
  tag { key = "b" }
  other { x = 1 }
}
module "m" {
  source = "./m"
  in     = "base"
}`,
		"m/main.tf":     `variable "in" {}` + "\n" + `resource "aws_s3_bucket" "b" { bucket = var.in }`,
		"a_override.tf": `resource "aws_ebs_volume" "v" { encrypted = false }`,
		"override.tf":   `variable "size" { default = 20 }` + "\n" + `locals { name = "override" }`,
		"z_override.tf": `resource "aws_ebs_volume" "v" {` + "\n" + `  count = 1` + "\n" + `  tag { key = "c" }` + "\n" + `}` + "\n" + `module "m" { in = "over" }`,
	}, Options{})
	all := byAddress(res)
	v := all["aws_ebs_volume.v[0]"]
	if got, want := values(t, v), `{"encrypted":false,"name":"override","other":[{"x":1}],"size":20,"tag":[{"key":"c"}]}`; got != want {
		t.Errorf("values = %s\nwant     %s", got, want)
	}
	// The block is in main.tf: an attribute written in an override file
	// has no line there, and a finding on it points at the block.
	if _, ok := v.Attributes["encrypted"]; ok || v.Attributes["name"] != 7 || v.File != filepath.Join(dir, "main.tf") {
		t.Errorf("lines %v in %s", v.Attributes, v.File)
	}
	if got := values(t, all["module.m.aws_s3_bucket.b"]); got != `{"bucket":"over"}` {
		t.Errorf("module argument = %s", got)
	}
}
