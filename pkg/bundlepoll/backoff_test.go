package bundlepoll

import (
	"testing"
	"time"
)

// TestBackoff: the wait doubles with each failure in a row up to the
// limit, and is jittered within the upper half of its step.
func TestBackoff(t *testing.T) {
	t.Parallel()
	for failures, step := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second} {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := backoff(time.Second, 10*time.Second, failures)
			if d < step/2 || d > step {
				t.Fatalf("failures %d: wait %s outside [%s, %s]", failures, d, step/2, step)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Errorf("failures %d: %d distinct waits in 200, want jitter", failures, len(seen))
		}
	}
	if d := backoff(time.Second, 10*time.Second, 1000); d > 10*time.Second {
		t.Errorf("many failures: %s", d)
	}
}
