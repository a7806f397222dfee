package tenet

import (
	"strings"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// redactMessages replaces, in every finding message and in the metadata a
// custom rule returned with it, each value that Terraform marks sensitive
// anywhere in the document with input.Redacted.
// Rules see the real values (some must, to say that a secret is set), and
// many print the value they judged ("flag x is %q"); this is the one place
// that keeps those values out of every report format, whatever rule or
// custom policy wrote the message.
func redactMessages(doc input.Document, findings []finding.Finding) {
	redactSecrets(doc.SensitiveStrings(), findings)
}

// redactSecrets is redactMessages with the document's sensitive values
// already listed.
func redactSecrets(secrets []string, findings []finding.Finding) {
	if len(secrets) == 0 {
		return
	}
	pairs := make([]string, 0, 2*len(secrets))
	for _, s := range secrets {
		pairs = append(pairs, s, input.Redacted)
	}
	r := strings.NewReplacer(pairs...)
	for i := range findings {
		findings[i].Message = r.Replace(findings[i].Message)
		if findings[i].Metadata != nil {
			// A policy allowed to see secrets (or one that read them from
			// a file) may return them here as well as in the message.
			findings[i].Metadata, _ = input.MaskSecrets(findings[i].Metadata, secrets).(map[string]any)
		}
	}
}
