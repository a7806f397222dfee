package tfconfig

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestQuotedLiteralsTakeSchemaTypes: Terraform converts a value to the
// type the provider's schema gives its attribute ("22" to 22 for a port,
// "true" to true for a flag, 22 to "22" for a string), so a plan holds
// the converted value. The loader gives the rules the same, or a port
// written "22" would never match the rules' 22.
func TestQuotedLiteralsTakeSchemaTypes(t *testing.T) {
	res, _ := load(t, map[string]string{"main.tf": `
variable "ssh_port" { default = "22" }
resource "aws_security_group" "ssh" {
  name = 22
  ingress {
    from_port   = var.ssh_port
    to_port     = "22"
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_db_instance" "db" {
  engine                  = "postgres"
  engine_version          = "13"
  backup_retention_period = "3"
  storage_encrypted       = "true"
  deletion_protection     = "1"
  multi_az                = "yes"
  allocated_storage       = "lots"
}
resource "azurerm_network_security_rule" "ssh" {
  destination_port_range = 22
  access                 = "Allow"
}
`}, Options{})
	got := byAddress(res)
	for addr, want := range map[string]string{
		"aws_security_group.ssh": `{"ingress":[{"cidr_blocks":["0.0.0.0/0"],"from_port":22,"protocol":"tcp","to_port":22}],"name":"22"}`,
		// engine_version is a string in the schema and stays one; values
		// Terraform could not convert ("yes", "lots") stay as written: the
		// plan would refuse them.
		"aws_db_instance.db":                `{"allocated_storage":"lots","backup_retention_period":3,"deletion_protection":true,"engine":"postgres","engine_version":"13","multi_az":"yes","storage_encrypted":true}`,
		"azurerm_network_security_rule.ssh": `{"access":"Allow","destination_port_range":"22"}`,
	} {
		if v := values(t, got[addr]); v != want {
			t.Errorf("%s values\n got %s\nwant %s", addr, v, want)
		}
	}
}

// TestNumbersBeyondFloat64: a number literal far beyond any value an
// attribute can hold (1e10000000) is unknown, as a value tenet cannot
// represent. Writing it out digit by digit took minutes of CPU on one
// .tf line (a crafted configuration could hold a CI job), and a quoted
// one took the same path through the conversion to the schema's type.
func TestNumbersBeyondFloat64(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	dir := write(t, map[string]string{"main.tf": `
resource "aws_security_group" "x" {
  name = "x"
  ingress {
    from_port   = 1e10000000
    to_port     = "-1e10000000"
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_ebs_volume" "v" {
  size  = 1e-10000000
  list  = [1, 1e10000000]
  small = 1.5e300
}`})
	start := time.Now()
	res, err := Load(ctx, dir, Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Load took %v", d)
	}
	got := byAddress(res)
	sg, vol := got["aws_security_group.x"], got["aws_ebs_volume.v"]
	if v, want := values(t, sg), `{"ingress":[{"cidr_blocks":["0.0.0.0/0"],"protocol":"tcp","to_port":"-1e10000000"}],"name":"x"}`; v != want {
		t.Errorf("security group values\n got %s\nwant %s", v, want)
	}
	if diff := cmp.Diff([]string{"ingress.0.from_port"}, sg.Unknown); diff != "" {
		t.Errorf("security group unknown (-want +got):\n%s", diff)
	}
	// 1.5e300 is within float64: written whole, as Terraform writes it.
	if v, want := values(t, vol), `{"list":[1,null],"small":15`+strings.Repeat("0", 299)+`}`; v != want {
		t.Errorf("volume values\n got %s\nwant %s", v, want)
	}
	if diff := cmp.Diff([]string{"list.1", "size"}, vol.Unknown); diff != "" {
		t.Errorf("volume unknown (-want +got):\n%s", diff)
	}
}
