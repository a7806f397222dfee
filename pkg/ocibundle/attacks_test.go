package ocibundle_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ocispec "github.com/opencontainers/image-spec/specs-go/v1"

	"github.com/tenet-dev/tenet/pkg/ocibundle"
	"github.com/tenet-dev/tenet/test/registry"
)

var rego = []byte("package main\n")

func layer(mediaType, title string, data []byte, size int64) registry.Layer {
	return registry.Layer{MediaType: mediaType, Title: title, Data: data, Size: size}
}

// Each hostile artifact is refused with one line saying why, before its
// layers are read.
func TestPullRefusesHostileArtifacts(t *testing.T) {
	reg := registry.Start(t, registry.Options{})
	big := make([]byte, 2048)
	tests := map[string]struct {
		config string
		layers []registry.Layer
		limits ocibundle.Limits
		want   string
	}{
		"parent in title":     {layers: []registry.Layer{layer(ocibundle.MediaTypePolicyLayer, "../evil.rego", rego, 0)}, want: `title "../evil.rego" points outside the bundle`},
		"parent inside title": {layers: []registry.Layer{layer(ocibundle.MediaTypePolicyLayer, "a/../../evil.rego", rego, 0)}, want: "points outside the bundle"},
		"absolute title":      {layers: []registry.Layer{layer(ocibundle.MediaTypePolicyLayer, "/etc/cron.d/x.rego", rego, 0)}, want: "is an absolute path"},
		"drive title":         {layers: []registry.Layer{layer(ocibundle.MediaTypePolicyLayer, `C:\x.rego`, rego, 0)}, want: "is an absolute path"},
		"unclean title":       {layers: []registry.Layer{layer(ocibundle.MediaTypePolicyLayer, "a//b.rego", rego, 0)}, want: "not a clean relative path"},
		"no title":            {layers: []registry.Layer{layer(ocibundle.MediaTypePolicyLayer, "", rego, 0)}, want: "has no title"},
		"same title twice": {layers: []registry.Layer{
			layer(ocibundle.MediaTypePolicyLayer, "a.rego", rego, 0),
			layer(ocibundle.MediaTypePolicyLayer, "a.rego", []byte("package b\n"), 0),
		}, want: `two layers are titled "a.rego"`},
		// The registry keeps a 1 KB blob; the manifest claims a terabyte,
		// which is refused from the manifest alone.
		"huge declared layer": {layers: []registry.Layer{layer(ocibundle.MediaTypePolicyLayer, "a.rego", rego, 1<<40)}, want: "1099511627776 bytes, more than the limit for one layer"},
		"layer over limit": {layers: []registry.Layer{layer(ocibundle.MediaTypeDataLayer, "data.json", big, 0)},
			limits: ocibundle.Limits{MaxLayerBytes: 1024}, want: `layer "data.json" is 2048 bytes, more than the limit for one layer (1024)`},
		"layers over total": {layers: []registry.Layer{
			layer(ocibundle.MediaTypeDataLayer, "a/data.json", big, 0), layer(ocibundle.MediaTypeDataLayer, "b/data.json", big[1:], 0),
		}, limits: ocibundle.Limits{MaxTotalBytes: 3000}, want: "more than 3000 bytes together"},
		"too many layers": {layers: []registry.Layer{
			layer(ocibundle.MediaTypePolicyLayer, "a.rego", rego, 0), layer(ocibundle.MediaTypePolicyLayer, "b.rego", rego, 0),
			layer(ocibundle.MediaTypePolicyLayer, "c.rego", rego, 0),
		}, limits: ocibundle.Limits{MaxLayers: 2}, want: "3 layers, more than the limit (2)"},
		"manifest over limit": {layers: []registry.Layer{layer(ocibundle.MediaTypePolicyLayer, "a.rego", rego, 0)},
			limits: ocibundle.Limits{MaxManifestBytes: 100}, want: "limit"},
		"helm chart": {config: "application/vnd.cncf.helm.config.v1+json", layers: []registry.Layer{layer("application/vnd.cncf.helm.chart.content.v1.tar+gzip", "chart.tgz", rego, 0)},
			want: `not a policy bundle: layer "chart.tgz" has media type "application/vnd.cncf.helm.chart.content.v1.tar+gzip"`},
		"container image": {config: ocispec.MediaTypeImageConfig, layers: []registry.Layer{
			layer(ocispec.MediaTypeImageLayerGzip, "", rego, 0), layer(ocispec.MediaTypeImageLayerGzip, "", big, 0),
		}, want: "not a policy bundle: an OPA bundle artifact has one"},
		"mixed layouts": {layers: []registry.Layer{
			layer(ocibundle.MediaTypePolicyLayer, "a.rego", rego, 0), layer(ocispec.MediaTypeImageLayerGzip, "b.tar.gz", big, 0),
		}, want: "not a policy bundle"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			config := tc.config
			if config == "" {
				config = ocibundle.MediaTypeConfig
			}
			repo := strings.ReplaceAll(strings.ReplaceAll(name, " ", "-"), "'", "")
			ref := reg.Host + "/hostile/" + repo + ":v1"
			registry.PushRaw(t, ref, config, tc.layers)
			opts := anonymous(t)
			opts.Limits = tc.limits
			a, err := ocibundle.Pull(context.Background(), ref, opts)
			if err == nil {
				t.Fatalf("pulled %+v", a)
			}
			t.Log(err)
			if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), ref) {
				t.Errorf("error %q: want one line naming %s and saying %q", err, ref, tc.want)
			}
		})
	}
}

// OPA's layout: one tar+gzip layer holding the bundle archive.
func TestPullOPALayout(t *testing.T) {
	reg := registry.Start(t, registry.Options{})
	archive := []byte("\x1f\x8b not really, Pull does not read inside")
	ref := reg.Host + "/opa/bundle:v1"
	digest := registry.PushRaw(t, ref, ocispec.MediaTypeImageConfig, []registry.Layer{layer(ocibundle.MediaTypeBundleLayer, "", archive, 0)})
	a, err := ocibundle.Pull(context.Background(), ref, anonymous(t))
	if err != nil {
		t.Fatal(err)
	}
	if a.Layout != ocibundle.LayoutOPA || string(a.Archive) != string(archive) || a.Digest != digest {
		t.Errorf("pull = %+v", a)
	}
	tgz, err := a.Tarball()
	if err != nil || string(tgz) != string(archive) {
		t.Errorf("Tarball() = %q, %v; want the layer", tgz, err)
	}
	// The largest limits: one byte past the manifest's wrapped around, and
	// the manifest read as empty.
	opts := anonymous(t)
	opts.Limits = ocibundle.Limits{MaxManifestBytes: math.MaxInt64, MaxLayerBytes: math.MaxInt64, MaxTotalBytes: math.MaxInt64}
	if a, err := ocibundle.Pull(context.Background(), ref, opts); err != nil || string(a.Archive) != string(archive) {
		t.Errorf("pull under the largest limits: %v", err)
	}
}

// Credentials come from the Docker config file: base64 "auth" or
// "username" and "password"; wrong or missing ones are one line naming
// the registry, never the secret.
func TestPullCredentialsFromDockerConfig(t *testing.T) {
	const user, pass = "ci", "s3cret-Passw0rd"
	reg := registry.Start(t, registry.Options{Users: map[string]string{user: pass}})
	ctx := context.Background()
	config := func(entry string) ocibundle.Options {
		path := filepath.Join(t.TempDir(), "config.json")
		data := fmt.Sprintf(`{"auths": {%q: %s}}`, reg.Host, entry)
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return ocibundle.Options{DockerConfig: path}
	}
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	ref := reg.Host + "/private/policies:v1"
	good := config(fmt.Sprintf(`{"auth": %q}`, b64(user+":"+pass)))
	pushed, err := ocibundle.Push(ctx, ref, policyFiles, good)
	if err != nil {
		t.Fatal(err)
	}
	plain := config(fmt.Sprintf(`{"username": %q, "password": %q}`, user, pass))
	if a, err := ocibundle.Pull(ctx, ref, plain); err != nil || a.Digest != pushed.Digest {
		t.Fatalf("pull with username and password: %v, %v", a, err)
	}
	// DOCKER_CONFIG names the directory of config.json.
	t.Setenv("DOCKER_CONFIG", filepath.Dir(good.DockerConfig))
	if _, err := ocibundle.Pull(ctx, ref, ocibundle.Options{}); err != nil {
		t.Fatalf("pull with $DOCKER_CONFIG: %v", err)
	}
	const wrong = "wr0ng-Passw0rd"
	for name, opts := range map[string]ocibundle.Options{
		"wrong password": config(fmt.Sprintf(`{"auth": %q}`, b64(user+":"+wrong))),
		"no credentials": anonymous(t),
	} {
		for _, op := range []string{"pull", "push"} {
			var err error
			if op == "pull" {
				_, err = ocibundle.Pull(ctx, ref, opts)
			} else {
				_, err = ocibundle.Push(ctx, ref, policyFiles, opts)
			}
			t.Logf("%s, %s: %v", name, op, err)
			if !errors.Is(err, ocibundle.ErrUnauthorized) || !strings.Contains(err.Error(), "registry "+reg.Host) || strings.Contains(err.Error(), "\n") {
				t.Errorf("%s, %s: %v, want one line: authentication failed at %s", name, op, err, reg.Host)
			}
			for _, secret := range []string{wrong, pass, b64(user + ":" + wrong)} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("%s, %s: the error shows a secret: %v", name, op, err)
				}
			}
		}
	}
	bad := config(`{"auth": "%%%not base64"}`)
	if _, err := ocibundle.Pull(ctx, ref, bad); err == nil || !strings.Contains(err.Error(), "credentials") {
		t.Errorf("bad config: %v", err)
	}
}
