package loader

// GenState is genState for the external tests' benchmarks.
var GenState = genState
