// Package parallel runs independent pieces of work on a fixed number of
// goroutines.
package parallel

import (
	"sync"
	"sync/atomic"
)

// Each calls f on each of [0, n), with as many goroutines as workers (at
// least one, at most n), each taking the next number when done with one,
// and returns when every call has. Pieces of uneven cost keep every
// goroutine busy to the end.
func Each(workers, n int, f func(i int)) {
	workers = max(workers, 1)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
}

// Ranges splits [0, n) into as many ranges as workers (at least one) and
// calls f on each, in its own goroutine; w is the range's index, and the
// last ranges may be empty.
func Ranges(workers, n int, f func(w, lo, hi int)) {
	workers = max(workers, 1)
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { f(w, min(w*chunk, n), min((w+1)*chunk, n)) })
	}
	wg.Wait()
}
