package report

// JSONWithWorkers is JSON with n workers for long lists (1: none).
func JSONWithWorkers(brief bool, n int) Reporter { return JSON{Brief: brief, workers: n} }
