package loader

// GenState is genState for the external tests' benchmarks.
var GenState = genState

// IsDockerfileName is isDockerfileName for the external tests.
var IsDockerfileName = isDockerfileName
