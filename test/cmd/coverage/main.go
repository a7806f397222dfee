// Command coverage prints the overall figure of an `opa test --coverage
// --format=json` report read from standard input, so that `make test` shows
// the Rego coverage in one line.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	var rep struct {
		Coverage float64 `json:"coverage"`
	}
	if err := json.NewDecoder(os.Stdin).Decode(&rep); err != nil {
		fmt.Fprintf(os.Stderr, "coverage: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%.1f%% of policy lines\n", rep.Coverage)
}
