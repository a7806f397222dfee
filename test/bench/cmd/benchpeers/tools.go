// The peers' command lines and how each one's findings are counted.

package main

import (
	"encoding/json"
	"os"
)

// tool is one command of the benchmark and how to count its findings.
type tool struct {
	name  string
	args  []string
	count func(out string) (int, error)
}

func toolsFor(c config, self string, in input) []tool {
	var ts []tool
	if !in.many {
		ts = append(ts, tool{name: "floor", args: []string{self, "-decode", in.file}})
	}
	ts = append(ts,
		tool{name: "tenet", args: []string{c.tenet, "test", "--eval-timeout", "0", "-o", "json", in.file}, count: countTenet},
		tool{name: "conftest", args: []string{c.conftest, "test", "--namespace", "tenet_bench." + in.target, "--no-color", "-o", "json", "-p", c.policy, "-p", c.wrapCT, in.parsed}, count: countConftest},
	)
	if !in.many {
		// opa eval takes one input document per run.
		ts = append(ts, tool{name: "opa", args: []string{c.opa, "eval", "-d", c.policy, "-d", c.wrapOPA, "-i", in.parsed, "data.tenet_bench." + in.target}, count: countOPA})
	}
	return ts
}

func decode(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var v any
	return json.Unmarshal(data, &v)
}

func countTenet(out string) (int, error) {
	var r struct {
		Findings []json.RawMessage `json:"findings"`
	}
	err := readJSON(out, &r)
	return len(r.Findings), err
}

func countConftest(out string) (int, error) {
	var rs []struct {
		Failures []json.RawMessage `json:"failures"`
		Warnings []json.RawMessage `json:"warnings"`
	}
	err := readJSON(out, &rs)
	n := 0
	for _, r := range rs {
		n += len(r.Failures) + len(r.Warnings)
	}
	return n, err
}

func countOPA(out string) (int, error) {
	var r struct {
		Result []struct {
			Expressions []struct {
				Value map[string][]json.RawMessage `json:"value"`
			} `json:"expressions"`
		} `json:"result"`
	}
	if err := readJSON(out, &r); err != nil {
		return 0, err
	}
	n := 0
	for _, res := range r.Result {
		for _, e := range res.Expressions {
			for _, v := range e.Value {
				n += len(v)
			}
		}
	}
	return n, nil
}

func readJSON(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewDecoder(f).Decode(v)
}
