//go:build ignore

// fedramp writes bundles/frameworks/fedramp-{low,moderate,high}.json, the
// FedRAMP Rev. 5 baselines as profiles of NIST SP 800-53 Rev. 5: the ids of
// the controls and enhancements each baseline selects, nothing else
// (FedRAMP's parameter values and additional requirements are not
// recorded). The input is FedRAMP's OSCAL profiles, a US Government work,
// from GSA/fedramp-automation at the commit given:
//
//	dist/content/rev5/baselines/json/FedRAMP_rev5_<LEVEL>-baseline_profile-min.json
//
// Run it from the repository root, with a directory that holds the three
// files as of that commit:
//
//	go run bundles/frameworks/gen/fedramp.go -profiles DIR [-commit SHA] [-nist path] [-out dir]
//
// Every selected id must be in the NIST catalog (bundles/frameworks/
// nist-800-53-r5.json), as tenet checks again at load. The output is
// deterministic: the ids are written in SP 800-53 order.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
)

const (
	repository = "GSA/fedramp-automation"
	dir        = "dist/content/rev5/baselines/json"
	base       = "nist-800-53-r5"
	// commit is the fedramp-automation commit the shipped files were
	// generated from (baselines "5.1.1+fedramp-20240111-0").
	commit = "063ae096623da3aa15736a2f43e4b97750dcea1a"
)

var levels = []struct{ key, level, name string }{
	{"fedramp-low", "LOW", "Low"},
	{"fedramp-moderate", "MODERATE", "Moderate"},
	{"fedramp-high", "HIGH", "High"},
}

// profile is the part of an OSCAL profile this generator reads.
type profile struct {
	Profile struct {
		Metadata struct {
			Title        string `json:"title"`
			Version      string `json:"version"`
			LastModified string `json:"last-modified"`
		} `json:"metadata"`
		Imports []struct {
			IncludeControls []struct {
				WithIDs []string `json:"with-ids"`
			} `json:"include-controls"`
			IncludeAll *struct{} `json:"include-all"`
		} `json:"imports"`
	} `json:"profile"`
}

// framework and source mirror the shape pkg/catalog reads.
type framework struct {
	Title       string   `json:"title"`
	Version     string   `json:"version"`
	URL         string   `json:"url"`
	Description string   `json:"description"`
	Source      source   `json:"source"`
	ProfileOf   string   `json:"profile_of"`
	Select      []string `json:"select"`
}

type source struct {
	Title      string `json:"title"`
	Repository string `json:"repository"`
	Path       string `json:"path"`
	Commit     string `json:"commit"`
	Version    string `json:"version"`
}

func main() {
	profiles := flag.String("profiles", "", "directory holding FedRAMP_rev5_{LOW,MODERATE,HIGH}-baseline_profile-min.json from "+repository+"/"+dir)
	sha := flag.String("commit", commit, "the "+repository+" commit the profiles were taken from")
	nist := flag.String("nist", "bundles/frameworks/nist-800-53-r5.json", "the NIST SP 800-53 Rev. 5 catalog of tenet")
	out := flag.String("out", "bundles/frameworks", "directory to write to")
	flag.Parse()
	if *profiles == "" {
		fmt.Fprintln(os.Stderr, "fedramp: -profiles is required")
		os.Exit(2)
	}
	if err := run(*profiles, *sha, *nist, *out); err != nil {
		fmt.Fprintln(os.Stderr, "fedramp:", err)
		os.Exit(1)
	}
}

func run(profiles, sha, nistPath, out string) error {
	known, err := nistControls(nistPath)
	if err != nil {
		return err
	}
	for _, l := range levels {
		name := "FedRAMP_rev5_" + l.level + "-baseline_profile-min.json"
		data, err := os.ReadFile(filepath.Join(profiles, name))
		if err != nil {
			return err
		}
		var p profile
		if err := json.Unmarshal(data, &p); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		var ids []string
		seen := map[string]bool{}
		for _, imp := range p.Profile.Imports {
			if imp.IncludeAll != nil {
				return fmt.Errorf("%s: include-all is not supported: a baseline selects its controls by id", name)
			}
			for _, inc := range imp.IncludeControls {
				for _, raw := range inc.WithIDs {
					id, err := nistID(raw)
					if err != nil {
						return fmt.Errorf("%s: %w", name, err)
					}
					if !known[id] {
						return fmt.Errorf("%s: %s (%s) is not in %s", name, id, raw, nistPath)
					}
					if !seen[id] {
						seen[id] = true
						ids = append(ids, id)
					}
				}
			}
		}
		if len(ids) == 0 {
			return fmt.Errorf("%s: no control selected", name)
		}
		sort.Slice(ids, func(i, j int) bool { return less(ids[i], ids[j]) })
		fw := framework{
			Title:   "FedRAMP Rev. 5 " + l.name + " baseline",
			Version: p.Profile.Metadata.Version,
			URL:     "https://www.fedramp.gov/",
			Description: fmt.Sprintf("The %d controls and control enhancements of NIST SP 800-53 Rev. 5 that the FedRAMP Rev. 5 %s baseline selects, "+
				"as a profile of %s: a rule covers a control here when it maps to the same %s control. "+
				"Only the selection is FedRAMP's; its parameter values and additional requirements are not checked.", len(ids), l.name, base, base),
			Source: source{
				Title:      p.Profile.Metadata.Title,
				Repository: repository,
				Path:       dir + "/" + name,
				Commit:     sha,
				Version:    p.Profile.Metadata.Version,
			},
			ProfileOf: base,
			Select:    ids,
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]framework{l.key: fw}); err != nil {
			return err
		}
		file := filepath.Join(out, l.key+".json")
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Printf("wrote %s: %d controls\n", file, len(ids))
	}
	return nil
}

// nistControls reads the control ids of tenet's NIST catalog.
func nistControls(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cat map[string]struct {
		Controls map[string]json.RawMessage `json:"controls"`
	}
	if err := json.Unmarshal(data, &cat); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]bool{}
	for id := range cat[base].Controls {
		out[id] = true
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no %s controls", path, base)
	}
	return out, nil
}

var oscalID = regexp.MustCompile(`^([a-z]{2})-([0-9]+)(?:\.([0-9]+))?$`)

// nistID turns an OSCAL control id ("sc-28.1") into the form SP 800-53
// prints and tenet uses ("SC-28(1)").
func nistID(raw string) (string, error) {
	m := oscalID.FindStringSubmatch(raw)
	if m == nil {
		return "", fmt.Errorf("control id %q is not an SP 800-53 id", raw)
	}
	id := string(bytes.ToUpper([]byte(m[1]))) + "-" + m[2]
	if m[3] != "" {
		id += "(" + m[3] + ")"
	}
	return id, nil
}

// less orders ids by family, then control number, then enhancement.
func less(a, b string) bool {
	fa, na, ea := parts(a)
	fb, nb, eb := parts(b)
	if fa != fb {
		return fa < fb
	}
	if na != nb {
		return na < nb
	}
	return ea < eb
}

var idParts = regexp.MustCompile(`^([A-Z]{2})-([0-9]+)(?:\(([0-9]+)\))?$`)

func parts(id string) (family string, number, enhancement int) {
	m := idParts.FindStringSubmatch(id)
	if m == nil {
		return id, 0, 0
	}
	number, _ = strconv.Atoi(m[2])
	if m[3] != "" {
		enhancement, _ = strconv.Atoi(m[3])
	}
	return m[1], number, enhancement
}
