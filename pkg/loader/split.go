package loader

import (
	"encoding/json"
	"io"
	"sync"
	"sync/atomic"
)

// splitDecode decodes a JSON object whose member key holds a large array
// (a plan's resource changes, a state's resources) on n goroutines: each
// decodes a run of the array's elements (decodeSpans) while one more runs
// head, which decodes the rest of the file around the array at the span
// it is given. split is false when the file does not split that way (not
// such an object, the key absent or written twice, fewer than minElems
// elements, n < 2); ok is false when some part failed to decode. Either
// way the caller decodes the file in one pass, whose result, or error,
// the parts must match.
func splitDecode[T any](data []byte, key string, n, minElems int, head func(array [2]int) bool) (elems []T, spans [][2]int, split, ok bool) {
	array, spans, found := arraySpans(data, key)
	if !found || len(spans) < minElems || n < 2 {
		return nil, nil, false, false
	}
	elems = make([]T, len(spans))
	if !decodeBeside(data, spans, elems, n, func() bool { return head(array) }) {
		return nil, nil, true, false
	}
	return elems, spans, true, true
}

// decodeBeside decodes the values at spans of data into out, in n runs
// side by side (decodeSpans), while head decodes the rest on one more
// goroutine, and reports whether every part succeeded.
func decodeBeside[T any](data []byte, spans [][2]int, out []T, n int, head func() bool) bool {
	var (
		failed atomic.Bool
		wg     sync.WaitGroup
	)
	wg.Go(func() {
		if !head() {
			failed.Store(true)
		}
	})
	chunk := (len(spans) + n - 1) / n
	for w := range n {
		lo, hi := min(w*chunk, len(spans)), min((w+1)*chunk, len(spans))
		wg.Go(func() {
			if !decodeSpans(data, spans[lo:hi], out[lo:hi], &failed) {
				failed.Store(true)
			}
		})
	}
	wg.Wait()
	return !failed.Load()
}

// decodeSpans decodes the values at spans of data into out, with numbers
// kept exact, reporting whether each span is exactly one well-formed value
// of out's type; it stops early once stop is set (another part failed).
// One Decoder reads them all, through spanReader: a Decoder of its own for
// each value allocated and copied into a buffer grown by doubling for
// every value, about half of what loading a plan allocated.
func decodeSpans[T any](data []byte, spans [][2]int, out []T, stop *atomic.Bool) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false // the one-pass decode reports it
		}
	}()
	dec := json.NewDecoder(&spanReader{data: data, spans: spans})
	dec.UseNumber()
	var end int64
	for i, span := range spans {
		if stop.Load() {
			return true
		}
		end += int64(span[1] - span[0])
		if dec.Decode(&out[i]) != nil || dec.InputOffset() != end {
			return false
		}
		end++ // the space after each span
	}
	return true
}

// spanReader reads the spans of data one after the other, each followed by
// a space: values that end where their span ends stay apart (two numbers
// would otherwise run together), and a Decoder's offset after each value
// tells whether it ended exactly there.
type spanReader struct {
	data  []byte
	spans [][2]int
	next  int // the span being read
	off   int // read of it so far
}

func (r *spanReader) Read(p []byte) (int, error) {
	if r.next == len(r.spans) {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	span := r.spans[r.next]
	if from := span[0] + r.off; from < span[1] {
		n := copy(p, r.data[from:span[1]])
		r.off += n
		return n, nil
	}
	p[0] = ' '
	r.next, r.off = r.next+1, 0
	return 1, nil
}
