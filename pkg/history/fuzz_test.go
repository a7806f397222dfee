package history_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tenet-dev/tenet/pkg/history"
)

// FuzzRecordFile: a crafted record file (gzipped or not) never panics the
// store: reading, listing summaries and verifying (with and without a
// verification key) return a result or an error.
func FuzzRecordFile(f *testing.F) {
	f.Add([]byte(`{"seq":1,"time":"2026-11-01T00:00:00Z","tool":{"name":"tenet","version":"x"},"bundles":[],"inputs":[],"prev_hash":"","hash":"abc","report":{}}`), true)
	f.Add([]byte(`{"seq":1,"hash":"","signature":"!!","key_id":"00","report":null}`), true)
	f.Add([]byte{}, false)
	f.Add([]byte("\x1f\x8b\x08"), false)
	_, pubPEM, err := history.GenerateKey()
	if err != nil {
		f.Fatal(err)
	}
	pub, err := history.ParsePublicKey(pubPEM)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, gz bool) {
		dir := t.TempDir()
		if gz {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data)
			zw.Close()
			data = buf.Bytes()
		}
		if err := os.WriteFile(filepath.Join(dir, "000001.json.gz"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, opts := range [][]history.Option{nil, {history.WithVerificationKey(pub)}} {
			st, err := history.Open(dir, opts...)
			if err != nil {
				t.Fatal(err)
			}
			if recs, err := st.Records(); err == nil {
				for _, r := range recs {
					r.Result() // may fail, must not panic
				}
			}
			st.Summaries()
			st.Last()
			if _, err := st.Verify(""); err != nil && !errors.Is(err, history.ErrTampered) {
				t.Errorf("verify of a crafted record = %v; want a TamperError", err)
			}
		}
	})
}
