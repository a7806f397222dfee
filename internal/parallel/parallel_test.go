package parallel

import (
	"sync/atomic"
	"testing"
)

// TestEach: every number is handed out once, on no more goroutines than
// asked (one when asked for none), whatever the counts; none when n is 0.
func TestEach(t *testing.T) {
	for _, tc := range []struct{ workers, n int }{{1, 10}, {4, 1000}, {8, 3}, {3, 0}, {0, 5}} {
		calls := make([]atomic.Int32, tc.n)
		var running, most atomic.Int32
		Each(tc.workers, tc.n, func(i int) {
			r := running.Add(1)
			for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
			}
			calls[i].Add(1)
			running.Add(-1)
		})
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("workers %d, n %d: %d called %d times", tc.workers, tc.n, i, c)
			}
		}
		if m := int(most.Load()); m > max(tc.workers, 1) {
			t.Errorf("workers %d, n %d: %d calls at once", tc.workers, tc.n, m)
		}
	}
}

// TestRanges: the ranges cover [0, n) once, in order of their index.
func TestRanges(t *testing.T) {
	for _, tc := range []struct{ workers, n int }{{1, 10}, {4, 1000}, {8, 3}, {3, 0}, {0, 5}, {3, 10}} {
		calls := make([]atomic.Int32, tc.n)
		bounds := make([][2]int, max(tc.workers, 1))
		Ranges(tc.workers, tc.n, func(w, lo, hi int) {
			bounds[w] = [2]int{lo, hi}
			for i := lo; i < hi; i++ {
				calls[i].Add(1)
			}
		})
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("workers %d, n %d: %d in %d ranges", tc.workers, tc.n, i, c)
			}
		}
		for w := 1; w < len(bounds); w++ {
			if bounds[w][0] != bounds[w-1][1] {
				t.Errorf("workers %d, n %d: ranges %v not in order", tc.workers, tc.n, bounds)
			}
		}
	}
}
