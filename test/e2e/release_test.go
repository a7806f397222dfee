package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestImageDockerfile: the image's Dockerfile passes tenet's own rules
// with no finding, unknown included, pins every base by digest, and its HEALTHCHECK and
// ENTRYPOINT name the binary the build writes and a command it has.
func TestImageDockerfile(t *testing.T) {
	r := run(t, "", "test", "--no-config", "-o", "json", "Dockerfile")
	if r.code != 0 {
		t.Fatalf("tenet test Dockerfile: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var rep struct {
		Findings []struct {
			RuleID string `json:"rule_id"`
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 0 {
		t.Errorf("findings on the image Dockerfile: %+v", rep.Findings)
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	froms := regexp.MustCompile(`(?m)^FROM (\S+)`).FindAllStringSubmatch(text, -1)
	if len(froms) < 2 {
		t.Fatalf("want a multi-stage build, got FROM %v", froms)
	}
	for _, f := range froms {
		if !regexp.MustCompile(`^[^@]+:[^@]+@sha256:[0-9a-f]{64}$`).MatchString(f[1]) {
			t.Errorf("FROM %s: want tag and digest", f[1])
		}
	}
	for _, want := range []string{
		`-o /out/tenet ./cmd/tenet`,
		`COPY --from=build /out/tenet /usr/local/bin/tenet`,
		`CMD ["/usr/local/bin/tenet", "healthcheck"]`,
		`ENTRYPOINT ["/usr/local/bin/tenet"]`,
		`ENV CGO_ENABLED=0`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	if help := run(t, "", "healthcheck", "--help"); help.code != 0 {
		t.Errorf("tenet healthcheck --help: exit %d", help.code)
	}
	ignore, err := os.ReadFile(filepath.Join(repoRoot, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".git", "bin"} {
		if !slices.Contains(strings.Fields(string(ignore)), want) {
			t.Errorf(".dockerignore lacks %s", want)
		}
	}
}

// TestReleaseConfig checks .goreleaser.yaml as GoReleaser v2 reads it:
// the six targets, static builds stamped like `make build`, checksums and
// SBOMs; and runs `goreleaser check` where it is installed.
func TestReleaseConfig(t *testing.T) {
	var cfg struct {
		Version int
		Builds  []struct {
			Main    string
			Binary  string
			Env     []string
			Flags   []string
			Ldflags []string
			Goos    []string
			Goarch  []string
		}
		Archives []struct {
			Formats         []string
			FormatOverrides []struct {
				Goos    string
				Formats []string
			} `yaml:"format_overrides"`
		}
		Checksum struct{ Algorithm string }
		Sboms    []struct{ Artifacts string }
	}
	readYAML(t, ".goreleaser.yaml", &cfg)
	if cfg.Version != 2 || len(cfg.Builds) != 1 {
		t.Fatalf("version %d, %d builds", cfg.Version, len(cfg.Builds))
	}
	b := cfg.Builds[0]
	if b.Main != "./cmd/tenet" || b.Binary != "tenet" || !slices.Contains(b.Env, "CGO_ENABLED=0") || !slices.Contains(b.Flags, "-trimpath") {
		t.Errorf("build %+v", b)
	}
	slices.Sort(b.Goos)
	slices.Sort(b.Goarch)
	if !slices.Equal(b.Goos, []string{"darwin", "linux", "windows"}) || !slices.Equal(b.Goarch, []string{"amd64", "arm64"}) {
		t.Errorf("targets %v × %v", b.Goos, b.Goarch)
	}
	makefile, err := os.ReadFile(filepath.Join(repoRoot, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Ldflags) != 1 || !strings.Contains(b.Ldflags[0], "-X main.version={{ .Version }}") || !strings.Contains(string(makefile), "-X main.version=$(VERSION)") {
		t.Errorf("ldflags %v: want the version stamp make build uses", b.Ldflags)
	}
	for _, target := range []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64"} {
		if !strings.Contains(string(makefile), target) {
			t.Errorf("make release-check does not build %s", target)
		}
	}
	if len(cfg.Archives) != 1 || !slices.Equal(cfg.Archives[0].Formats, []string{"tar.gz"}) ||
		len(cfg.Archives[0].FormatOverrides) != 1 || cfg.Archives[0].FormatOverrides[0].Goos != "windows" {
		t.Errorf("archives %+v", cfg.Archives)
	}
	if cfg.Checksum.Algorithm != "sha256" || len(cfg.Sboms) != 1 {
		t.Errorf("checksum %+v, sboms %+v", cfg.Checksum, cfg.Sboms)
	}

	bin, err := exec.LookPath("goreleaser")
	if err != nil {
		t.Skip("goreleaser is not on PATH: `goreleaser check` not run (install GoReleaser v2 to run it)")
	}
	cmd := exec.Command(bin, "check")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("goreleaser check: %v\n%s", err, out)
	}
}
