package e2e

import (
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// chromium finds a Chromium or Chrome binary on PATH, or skips: CI has
// none, and the page's structure is checked without a browser elsewhere.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium, chromium-browser or google-chrome on PATH")
	return ""
}

// TestHTMLScreenshot renders the examples' HTML report in headless
// Chromium, with and without URL parameters that filter and expand
// controls, and requires a picture that is not blank: a browser lays the
// page out and the styles apply.
func TestHTMLScreenshot(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	got := run(t, "", "test", "-o", "html="+page, "test/examples/plan.json", "test/examples/k8s.yaml")
	if got.code != 1 {
		t.Fatalf("exit code %d: %s", got.code, got.stderr)
	}
	for name, query := range map[string]string{
		"top":      "",
		"controls": "?section=controls&fw=cis-k8s-1.10.0&status=fail,pass&open=fail",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			shot := filepath.Join(dir, name+".png")
			screenshot(t, browser, "file://"+page+query, shot)
			img := decodePNG(t, shot)
			colors, ink := inkStats(img)
			t.Logf("%s: %d colours, %.1f%% non-background pixels", name, colors, 100*ink)
			// The page has a dark header bar, status colours and text: a
			// blank or unstyled render has a handful of colours at most.
			if colors < 50 || ink < 0.02 {
				t.Errorf("%s looks blank: %d colours, %.1f%% non-background pixels", shot, colors, 100*ink)
			}
		})
	}
}

// screenshot runs the browser headless; the flags work with Chromium 112
// and later (--headless is the new headless mode there).
func screenshot(t *testing.T, browser, url, out string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--user-data-dir="+filepath.Join(filepath.Dir(out), filepath.Base(out)+".profile"),
		"--window-size=1280,2000", "--virtual-time-budget=2000", "--screenshot="+out, url)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, b)
	}
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// inkStats counts distinct colours and the share of pixels that differ
// from the most common colour (the background).
func inkStats(img image.Image) (colors int, ink float64) {
	counts := map[[3]uint32]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[[3]uint32{r >> 8, g >> 8, bl >> 8}]++
		}
	}
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	total := b.Dx() * b.Dy()
	return len(counts), float64(total-most) / float64(total)
}
