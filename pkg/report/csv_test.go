package report_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/report"
)

// TestCSVFormulaInjection: a cell a spreadsheet reads as a formula runs
// when the file is opened; text from the inputs (a namespace, a message)
// starting with =, +, -, @, a tab or a carriage return is written quoted.
func TestCSVFormulaInjection(t *testing.T) {
	res := sample()
	res.Findings = []finding.Finding{{RuleID: "TST-A-001", Kind: finding.KindDeny, Resource: `=HYPERLINK("http://evil.example","x")/Pod/p`,
		Attribute: "+cmd", File: "@pod.yaml", Message: "-2+3", Fingerprint: "f"}}
	res.Errors, res.Inputs = nil, nil
	var buf bytes.Buffer
	if err := (report.CSV{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	row := rows[1]
	for i, want := range map[int]string{3: `'=HYPERLINK("http://evil.example","x")/Pod/p`, 4: "'+cmd", 5: "'@pod.yaml", 7: "'-2+3"} {
		if row[i] != want {
			t.Errorf("column %s = %q, want %q", rows[0][i], row[i], want)
		}
	}
	if row[0] != "TST-A-001" {
		t.Errorf("rule id changed: %q", row[0])
	}
}
