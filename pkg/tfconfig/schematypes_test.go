package tfconfig

import (
	"testing"
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
