package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tenet-dev/tenet/pkg/diff"
	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/history"
)

// Alert is the JSON body posted to the webhook. Text is a Slack-compatible
// summary; Changes and Run are for programs.
type Alert struct {
	Text    string               `json:"text"`
	Changes []diff.ControlChange `json:"changes"`
	Run     RunInfo              `json:"run"`
}

// RunInfo identifies the history record an alert is about.
type RunInfo struct {
	Seq         int             `json:"seq"`
	Time        time.Time       `json:"time"`
	Hash        string          `json:"hash"`
	ToolVersion string          `json:"tool_version"`
	Inputs      []history.Input `json:"inputs"`
	Summary     finding.Summary `json:"summary"`
}

// maxTextChanges bounds the changes listed in Alert.Text; Changes has all.
const maxTextChanges = 20

// NewAlert builds the alert for the control changes of a recorded run.
func NewAlert(rec *history.Record, res *finding.Result, changes []diff.ControlChange) Alert {
	var inputs []string
	for _, in := range rec.Inputs {
		inputs = append(inputs, in.Path)
	}
	noun := "controls"
	if len(changes) == 1 {
		noun = "control"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "tenet: %d %s changed status in run %d (%s)", len(changes), noun, rec.Seq, strings.Join(inputs, ", "))
	for i, c := range changes {
		if i == maxTextChanges {
			fmt.Fprintf(&b, "\n… and %d more", len(changes)-i)
			break
		}
		from, to := string(c.From), string(c.To)
		if from == "" {
			from = "absent"
		}
		if to == "" {
			to = "absent"
		}
		fmt.Fprintf(&b, "\n• %s %s: %s → %s", c.Framework, c.Control, from, to)
		if c.Title != "" {
			fmt.Fprintf(&b, " (%s)", c.Title)
		}
	}
	return Alert{
		Text:    b.String(),
		Changes: changes,
		Run: RunInfo{Seq: rec.Seq, Time: rec.Time, Hash: rec.Hash, ToolVersion: rec.Tool.Version,
			Inputs: rec.Inputs, Summary: res.Summary},
	}
}

// Notifier delivers alerts to a webhook from an outbox directory, in the
// order they were queued, retrying with exponential backoff for as long as
// it runs. Create it with NewNotifier.
type Notifier struct {
	url    string
	dir    string
	client *http.Client
	// MinBackoff and MaxBackoff bound the wait between failed attempts;
	// it doubles from the one to the other.
	MinBackoff, MaxBackoff time.Duration
	// OnSend, if set, is called after each attempt with its error (nil
	// when the webhook accepted the alert). Metrics and logs hook here.
	OnSend func(err error)

	mu   sync.Mutex // serializes outbox file names
	wake chan struct{}
	// createTemp makes the outbox's temporary files; tests make it fail.
	createTemp func(dir, pattern string) (*os.File, error)
}

// NewNotifier returns a notifier posting to url, with its outbox in dir
// (created if needed).
func NewNotifier(url, dir string) (*Notifier, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	return &Notifier{
		url: url, dir: dir,
		client:     &http.Client{Timeout: 10 * time.Second},
		MinBackoff: time.Second, MaxBackoff: 5 * time.Minute,
		wake:       make(chan struct{}, 1),
		createTemp: os.CreateTemp,
	}, nil
}

// Dir is the outbox directory.
func (n *Notifier) Dir() string { return n.dir }

// Enqueue writes the alert to the outbox and wakes the sender. Once it
// returns nil, the alert will be delivered by this or a later Notifier on
// the same directory.
func (n *Notifier) Enqueue(a Alert) error {
	st, err := n.stage(a)
	if err != nil {
		return err
	}
	return n.release(st)
}

// staged is an alert written to the outbox but not yet visible to the
// sender: tenet watch stages the alert of a run before it appends the
// run's record, and releases it after.
type staged struct {
	path string
	seq  int
}

// stagedSuffix ends the names of staged alerts; Pending lists only .json.
const stagedSuffix = ".staged"

// stage writes the alert durably (file and directory synced) under a name
// the sender does not pick up.
func (n *Notifier) stage(a Alert) (staged, error) {
	data, err := json.Marshal(a)
	if err != nil {
		return staged{}, fmt.Errorf("outbox: %w", err)
	}
	path := filepath.Join(n.dir, fmt.Sprintf("%06d-%s%s", a.Run.Seq, a.Run.Hash, stagedSuffix))
	if err := n.writeFile(path, data); err != nil {
		return staged{}, fmt.Errorf("outbox: %w", err)
	}
	return staged{path: path, seq: a.Run.Seq}, nil
}

// writeFile puts data under path through a synced temporary file renamed
// into place, then syncs the directory, so that a crash leaves either
// nothing or the whole file.
func (n *Notifier) writeFile(path string, data []byte) error {
	tmp, err := n.createTemp(n.dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return history.SyncDir(n.dir)
}

// release moves a staged alert into the queue, in one rename so that it
// is either staged or queued, never both, and wakes the sender.
func (n *Notifier) release(st staged) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	// Names sort in queue order: the run's sequence number, then a
	// counter for a second alert of the same run.
	for i := 0; ; i++ {
		name := filepath.Join(n.dir, fmt.Sprintf("%06d-%03d.json", st.seq, i))
		if _, err := os.Lstat(name); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("outbox: %w", err)
		}
		if err := os.Rename(st.path, name); err != nil {
			return fmt.Errorf("outbox: %w", err)
		}
		break
	}
	if err := history.SyncDir(n.dir); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	n.Wake()
	return nil
}

// recoverStaged settles the alerts a scan staged without finishing (the
// process was killed, or a write failed): an alert whose run is recorded
// (recorded says so) is queued; one whose run never was is dropped,
// because the next scan compares with the same previous run and raises it
// again. An alert whose run cannot be checked stays staged.
func (n *Notifier) recoverStaged(recorded func(seq int, hash string) (bool, error)) error {
	entries, err := os.ReadDir(n.dir)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	var errs []error
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), stagedSuffix) {
			continue
		}
		path := filepath.Join(n.dir, e.Name())
		var a Alert
		data, err := os.ReadFile(path)
		if err == nil {
			err = json.Unmarshal(data, &a)
		}
		if err != nil {
			// Half a file cannot be left by stage: something else wrote it.
			errs = append(errs, fmt.Errorf("outbox: staged alert %s: %w", path, err))
			continue
		}
		ok, err := recorded(a.Run.Seq, a.Run.Hash)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("outbox: staged alert %s: %w", path, err))
		case ok:
			if err := n.release(staged{path: path, seq: a.Run.Seq}); err != nil {
				errs = append(errs, err)
			}
		default:
			if err := os.Remove(path); err != nil {
				errs = append(errs, fmt.Errorf("outbox: %w", err))
			}
		}
	}
	return errors.Join(errs...)
}

// Wake makes the sender try the outbox now.
func (n *Notifier) Wake() {
	select {
	case n.wake <- struct{}{}:
	default:
	}
}

// Pending lists the alerts in the outbox, oldest first.
func (n *Notifier) Pending() ([]string, error) {
	entries, err := os.ReadDir(n.dir)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".json") && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(n.dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// Run sends the outbox until ctx is done: at once, whenever woken, and
// after a failure again after a backoff that doubles up to MaxBackoff.
func (n *Notifier) Run(ctx context.Context) {
	backoff := n.MinBackoff
	var retry <-chan time.Time
	for {
		if err := n.flush(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			t := time.NewTimer(backoff)
			retry = t.C
			backoff = min(backoff*2, n.MaxBackoff)
		} else {
			backoff, retry = n.MinBackoff, nil
		}
		select {
		case <-ctx.Done():
			return
		case <-n.wake:
		case <-retry:
		}
	}
}

// flush sends the pending alerts in order, stopping at the first failure so
// that the webhook sees them in order.
func (n *Notifier) flush(ctx context.Context) error {
	files, err := n.Pending()
	if err != nil {
		return err
	}
	for _, f := range files {
		err := n.send(ctx, f)
		if err == nil {
			if rerr := os.Remove(f); rerr != nil {
				return fmt.Errorf("outbox: %w", rerr)
			}
		}
		if n.OnSend != nil && ctx.Err() == nil {
			n.OnSend(err)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (n *Notifier) send(ctx context.Context, file string) error {
	body, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.client.Do(req)
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16)) // drained so the connection is reused
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("webhook: %s answered %s", n.url, resp.Status)
	}
	return nil
}
