package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// quotedConfig is a configuration whose numbers and flags are written as
// strings (as in older code, untyped variables and -var), and a number
// where the schema wants a string. Terraform converts each to its
// attribute's type before planning; unquoted is the same configuration
// written with the types the schema gives.
const quotedConfig = `
variable "ssh_port" { default = "22" }
resource "aws_security_group" "ssh" {
  name = "ssh"
  ingress {
    from_port   = var.ssh_port
    to_port     = "22"
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_db_instance" "db" {
  engine                  = "postgres"
  backup_retention_period = "3"
  storage_encrypted       = "true"
  deletion_protection     = "true"
  publicly_accessible     = "false"
}
resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  priority                    = "100"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = 22
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
`

// TestDirectoryQuotedLiterals: a configuration directory gets the verdict
// Terraform's plan would give it, whether its values are quoted or not.
// Before the loader converted values to their attributes' types, the
// quoted SSH port passed, the quoted retention period passed, and the
// quoted flags failed.
func TestDirectoryQuotedLiterals(t *testing.T) {
	unquoted := strings.NewReplacer(`"22"`, `22`, `"3"`, `3`, `"true"`, `true`, `"false"`, `false`, `"100"`, `100`,
		`destination_port_range      = 22`, `destination_port_range      = "22"`).Replace(quotedConfig)
	if unquoted == quotedConfig {
		t.Fatal("the replacer changed nothing")
	}
	dir := t.TempDir()
	for name, text := range map[string]string{"quoted": quotedConfig, "unquoted": unquoted} {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "main.tf"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	quoted := kinds(t, runIn(t, dir, "", "test", "-o", "json", "quoted"))
	plain := kinds(t, runIn(t, dir, "", "test", "-o", "json", "unquoted"))
	if diff := cmp.Diff(plain, quoted); diff != "" {
		t.Errorf("findings of the quoted configuration (-typed +quoted):\n%s", diff)
	}
	for _, k := range []string{
		"TNT-AWS-VPC-001 aws_security_group.ssh",
		"TNT-AWS-RDS-004 aws_db_instance.db",
		"TNT-AZ-NET-002 azurerm_network_security_rule.ssh",
	} {
		if quoted[k] != "deny" {
			t.Errorf("%s: %q, want deny", k, quoted[k])
		}
	}
	for k := range quoted {
		if strings.HasPrefix(k, "TNT-AWS-RDS-001 ") || strings.HasPrefix(k, "TNT-AWS-RDS-005 ") {
			t.Errorf("%s reported on a quoted true", k)
		}
	}
	// A variable given on the command line is a string too.
	withVar := kinds(t, runIn(t, dir, "", "test", "-o", "json", "--var", "ssh_port=22", "quoted"))
	if withVar["TNT-AWS-VPC-001 aws_security_group.ssh"] != "deny" {
		t.Errorf("--var ssh_port=22: SSH from the internet not found")
	}
}
