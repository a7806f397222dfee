//go:build ignore

// nist writes bundles/frameworks/nist-800-53-r5.json, the catalog of every
// NIST SP 800-53 Rev. 5 control and control enhancement that is not
// withdrawn, from NIST's OSCAL catalog. Run it from the repository root:
//
//	go run bundles/frameworks/gen/nist.go [-catalog path] [-out path]
//
// The output is deterministic (encoding/json sorts map keys).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
)

const key = "nist-800-53-r5"

type catalog struct {
	Catalog struct {
		Metadata struct {
			Version string `json:"version"`
		} `json:"metadata"`
		Groups []group `json:"groups"`
	} `json:"catalog"`
}

type group struct {
	Title    string    `json:"title"`
	Controls []control `json:"controls"`
}

type control struct {
	Title    string    `json:"title"`
	Props    []prop    `json:"props"`
	Controls []control `json:"controls"`
}

type prop struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Class string `json:"class"`
}

// framework and info mirror the shape pkg/catalog reads.
type framework struct {
	Title    string          `json:"title"`
	Version  string          `json:"version"`
	URL      string          `json:"url"`
	Controls map[string]info `json:"controls"`
}

type info struct {
	Title  string `json:"title"`
	Family string `json:"family"`
}

func main() {
	in := flag.String("catalog", "/work/shared/catalogs/NIST_SP-800-53_rev5_catalog_5.0.1.json", "NIST SP 800-53 Rev. 5 OSCAL catalog (JSON)")
	out := flag.String("out", "bundles/frameworks/nist-800-53-r5.json", "file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "nist:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var c catalog
	if err := json.Unmarshal(data, &c); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	fw := framework{
		Title:    "NIST SP 800-53 Rev. 5",
		Version:  c.Catalog.Metadata.Version,
		URL:      "https://doi.org/10.6028/NIST.SP.800-53r5",
		Controls: map[string]info{},
	}
	for _, g := range c.Catalog.Groups {
		if err := add(fw.Controls, g.Title, "", g.Controls); err != nil {
			return err
		}
	}
	if len(fw.Controls) == 0 {
		return fmt.Errorf("%s: no controls found", in)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]framework{key: fw}); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d controls\n", out, len(fw.Controls))
	return nil
}

// add records the controls that are not withdrawn; an enhancement's title is
// prefixed with its base control's, as SP 800-53 prints it
// ("Protection of Information at Rest | Cryptographic Protection").
func add(dst map[string]info, family, parent string, controls []control) error {
	for _, ctl := range controls {
		title := strings.Join(strings.Fields(ctl.Title), " ")
		if parent != "" {
			title = parent + " | " + title
		}
		if !withdrawn(ctl) {
			id := label(ctl)
			if id == "" {
				return fmt.Errorf("control %q has no label", ctl.Title)
			}
			if _, dup := dst[id]; dup {
				return fmt.Errorf("control %s appears twice", id)
			}
			dst[id] = info{Title: title, Family: family}
		}
		if err := add(dst, family, title, ctl.Controls); err != nil {
			return err
		}
	}
	return nil
}

func label(c control) string {
	for _, p := range c.Props {
		if p.Name == "label" && p.Class == "" {
			return p.Value
		}
	}
	return ""
}

func withdrawn(c control) bool {
	for _, p := range c.Props {
		if p.Name == "status" && p.Value == "withdrawn" {
			return true
		}
	}
	return false
}
