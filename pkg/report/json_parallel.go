package report

import (
	"reflect"
	"sync"
)

// Lists side by side: the report is written after the evaluation, and on
// one core it took 0.45 s of an 8-9 s scan of a 50,000-resource plan, the
// other core idle. So each list of structs the writer meets (the findings,
// the rules, a framework's controls) is cut into chunks of elements that
// workers lay out, each with a stream and an indenter of its own, while
// the writer writes the chunks done, in order: 0.35 s. The layout of an
// element depends only on its depth, so the bytes are those of one writer
// (TestJSONPieces compares both with encoding/json). At most four chunks a
// worker are held at once, whatever the list's length; lists inside a
// chunk (a control's evidence) are the worker's own.

const (
	// parallelMin is the shortest list laid out by workers.
	parallelMin = 2
	// chunkMax bounds the elements of one chunk (a few MB of findings).
	chunkMax = 1024
)

// freeBlocks is how many blocks of output are kept for reuse.
const freeBlocks = 64

// chunk is one run of a list's elements, laid out in blocks.
type chunk struct {
	out  [][]byte
	err  error
	done chan struct{}
}

// parallelList writes v, a list of at least parallelMin structs, as value
// would, with s.workers workers (chunks of an eighth of a worker's share,
// for the slowest chunk not to hold the others up). It is called with the writer's indenter
// at the list's depth, before its "[".
func (s *jsonStream) parallelList(v reflect.Value, depth int) error {
	n := v.Len()
	size := min(max(n/(8*s.workers), 1), chunkMax)
	chunks := make([]chunk, (n+size-1)/size)
	for i := range chunks {
		chunks[i].done = make(chan struct{})
	}
	if err := s.ind.write([]byte("[")); err != nil {
		return err
	}
	// The elements start a line at the depth inside the list.
	inner := s.ind.depth
	var wg sync.WaitGroup
	defer wg.Wait()
	quit := make(chan struct{})
	defer close(quit) // runs before wg.Wait: the workers stop at their chunk's end
	next := make(chan int)
	tokens := make(chan struct{}, 4*s.workers)
	wg.Go(func() {
		defer close(next)
		for c := range chunks {
			select {
			case tokens <- struct{}{}:
			case <-quit:
				return
			}
			select {
			case next <- c:
			case <-quit:
				return
			}
		}
	})
	// The chunks' output goes in blocks of the indenter's size that go
	// round: one buffer a chunk, grown by doubling, made the workers
	// slower than one writer (a control's evidence can be megabytes).
	free := make(chan []byte, freeBlocks)
	for range s.workers {
		wg.Go(func() {
			out := &blocks{free: free}
			w := &jsonStream{ind: newIndenter(out), lists: map[reflect.Type]bool{}, workers: 1}
			w.enc = newEncoder(&w.buf)
			for c := range next {
				w.ind.depth = inner
				lo, hi := c*size, min((c+1)*size, n)
				for i := lo; i < hi && chunks[c].err == nil; i++ {
					if i > lo {
						chunks[c].err = w.ind.write([]byte(","))
					}
					if chunks[c].err == nil {
						chunks[c].err = w.value(v.Index(i), depth-1)
					}
				}
				if chunks[c].err == nil {
					chunks[c].err = w.ind.flush()
				}
				chunks[c].out, out.list = out.list, nil
				close(chunks[c].done)
			}
		})
	}
	for c := range chunks {
		<-chunks[c].done
		if chunks[c].err != nil {
			return chunks[c].err
		}
		if c > 0 {
			if err := s.ind.write([]byte(",")); err != nil {
				return err
			}
		}
		for _, b := range chunks[c].out {
			if err := s.ind.raw(b); err != nil {
				return err
			}
			select {
			case free <- b[:0]:
			default:
			}
		}
		chunks[c].out = nil
		<-tokens
	}
	return s.ind.write([]byte("]"))
}

// blocks keeps a worker's laid-out output: its indenter hands over each
// block it fills and takes an empty one, from free when there are some.
type blocks struct {
	list [][]byte
	free chan []byte
}

func (b *blocks) take(full []byte) (empty []byte) {
	if len(full) > 0 {
		b.list = append(b.list, full)
	} else {
		empty = full
	}
	if empty == nil {
		select {
		case empty = <-b.free:
		default:
			empty = make([]byte, 0, indentChunk+4096)
		}
	}
	return empty[:0]
}

// Write keeps a copy of p; the indenter hands its blocks over (take)
// instead.
func (b *blocks) Write(p []byte) (int, error) {
	b.list = append(b.list, append([]byte(nil), p...))
	return len(p), nil
}

// raw appends laid-out output as it is.
func (ind *indenter) raw(b []byte) error {
	if len(ind.out)+len(b) > indentChunk {
		if err := ind.flush(); err != nil {
			return err
		}
		if len(b) > indentChunk {
			_, err := ind.w.Write(b)
			return err
		}
	}
	ind.out = append(ind.out, b...)
	return nil
}
