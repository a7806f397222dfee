package view

import (
	"slices"
	"testing"
)

// TestDMSDefaults: left out, AutoMinorVersionUpgrade and
// PubliclyAccessible take CreateReplicationInstance's defaults (true),
// not Terraform's (false); a parameter without default stays unknown.
func TestDMSDefaults(t *testing.T) {
	rs := viewOf(t, `Parameters:
  Public: {Type: String}
Resources:
  Defaulted:
    Type: AWS::DMS::ReplicationInstance
    Properties: {ReplicationInstanceClass: dms.t3.medium}
  Set:
    Type: AWS::DMS::ReplicationInstance
    Properties: {ReplicationInstanceClass: dms.t3.medium, AutoMinorVersionUpgrade: "false", PubliclyAccessible: !Ref Public}
`)
	d := rs["Defaulted"]
	if d.Values["auto_minor_version_upgrade"] != true || d.Values["publicly_accessible"] != true {
		t.Errorf("defaults %v, want both true", d.Values)
	}
	s := rs["Set"]
	if s.Values["auto_minor_version_upgrade"] != false || !slices.Contains(s.Unknown, "publicly_accessible") {
		t.Errorf("set: values %v, unknown %v", s.Values, s.Unknown)
	}
}
