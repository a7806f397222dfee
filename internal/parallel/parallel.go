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
