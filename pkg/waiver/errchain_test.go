package waiver

import (
	"errors"
	"testing"
)

// TestErrorKeepsCause: a waiver's error names the file and line and wraps
// what is wrong with the waiver, not only its text.
func TestErrorKeepsCause(t *testing.T) {
	for name, data := range map[string]string{
		"no reason":     "waivers:\n  - rule: TNT-AWS-S3-001\n",
		"unknown field": "waivers:\n  - rule: TNT-AWS-S3-001\n    reason: accepted\n    colour: red\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("waivers.yaml", []byte(data))
			if err == nil {
				t.Fatal("Parse accepted a bad waiver")
			}
			if errors.Unwrap(err) == nil {
				t.Errorf("Parse = %v; wraps nothing", err)
			}
		})
	}
}
