package watch

import (
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/tenet-dev/tenet/pkg/bundlepoll"
	"github.com/tenet-dev/tenet/pkg/finding"
)

// Metrics are the Prometheus metrics of a watch, on their own registry
// (never the global one, so that a library user's metrics stay apart).
type Metrics struct {
	reg           *prometheus.Registry
	control       *prometheus.GaugeVec
	controls      *prometheus.GaugeVec
	findings      *prometheus.GaugeVec
	duration      prometheus.Histogram
	lastDuration  prometheus.Gauge
	lastScan      prometheus.Gauge
	scans         *prometheus.CounterVec
	alertsPending prometheus.Gauge
	alertsSent    *prometheus.CounterVec
	recordErrors  prometheus.Counter
	// The bundle servers' (only with Config.Bundles).
	bundleRequests *prometheus.CounterVec
	bundleRevision *prometheus.GaugeVec
	bundleOnce     sync.Once
	bundleLoadedAt prometheus.Gauge
}

// NewMetrics registers the metrics on a new registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		control: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "tenet_control_status",
			Help: "1 for the status each control had in the last complete scan (controls no rule covers are left out).",
		}, []string{"framework", "control", "status"}),
		controls: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "tenet_framework_controls",
			Help: "Controls of each framework per status in the last complete scan.",
		}, []string{"framework", "status"}),
		findings: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "tenet_findings",
			Help: "Findings no waiver covers in the last scan, by kind and rule severity.",
		}, []string{"kind", "severity"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "tenet_scan_duration_seconds",
			Help:    "How long scans took.",
			Buckets: []float64{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300},
		}),
		lastDuration: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "tenet_last_scan_duration_seconds",
			Help: "How long the last scan took.",
		}),
		lastScan: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "tenet_last_scan_timestamp_seconds",
			Help: "When the last scan ended, in Unix seconds.",
		}),
		scans: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tenet_scans_total",
			Help: "Scans by result: pass, fail, incomplete (inputs not loaded) or error (nothing scanned).",
		}, []string{"result"}),
		alertsPending: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "tenet_alerts_pending",
			Help: "Alerts in the outbox, not yet accepted by the webhook.",
		}),
		alertsSent: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tenet_alert_attempts_total",
			Help: "Webhook deliveries by result: ok or error.",
		}, []string{"result"}),
		recordErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "tenet_record_errors_total",
			Help: "Scans whose run could not be recorded (the history or the alert's outbox write failed); a change they saw is alerted by the next scan.",
		}),
	}
	m.bundleRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tenet_bundle_requests_total",
		Help: "Requests to bundle servers by URL and result: updated (a new bundle in use), not_modified (304), error (the download failed) or refused (a bad archive or signature; the previous bundle stays).",
	}, []string{"url", "result"})
	m.bundleRevision = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "tenet_bundle_revision",
		Help: "1 for the revision of the bundle in use from each bundle server URL.",
	}, []string{"url", "revision"})
	m.bundleLoadedAt = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "tenet_bundle_last_load_timestamp_seconds",
		Help: "When the policies were last replaced by new bundles, in Unix seconds.",
	})
	m.reg.MustRegister(m.control, m.controls, m.findings, m.duration, m.lastDuration, m.lastScan, m.scans, m.alertsPending, m.alertsSent, m.recordErrors)
	for _, r := range []string{"pass", "fail", "incomplete", "error"} {
		m.scans.WithLabelValues(r)
	}
	for _, r := range []string{"ok", "error"} {
		m.alertsSent.WithLabelValues(r)
	}
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// registerBundles adds the bundle metrics, for a watch with bundle
// servers only; called once per Run.
func (m *Metrics) registerBundles() {
	m.bundleOnce.Do(func() { m.reg.MustRegister(m.bundleRequests, m.bundleRevision, m.bundleLoadedAt) })
}

// bundlesLoaded records new policies built from the pollers' bundles.
func (m *Metrics) bundlesLoaded(pol *Policy, pollers []*bundlepoll.Poller, at time.Time) {
	urls := map[string]bool{}
	for _, p := range pollers {
		urls[p.Client.URL()] = true
	}
	m.bundleRevision.Reset()
	for _, b := range pol.Bundles {
		if urls[b.Source] {
			m.bundleRevision.WithLabelValues(b.Source, b.Revision).Set(1)
		}
	}
	m.bundleLoadedAt.Set(float64(at.UnixNano()) / 1e9)
}

// scanned records a scan that ended at end after d; res is nil when the
// scan failed as a whole.
func (m *Metrics) scanned(res *finding.Result, d time.Duration, end time.Time) {
	m.duration.Observe(d.Seconds())
	m.lastDuration.Set(d.Seconds())
	m.lastScan.Set(float64(end.UnixNano()) / 1e9)
	switch {
	case res == nil:
		m.scans.WithLabelValues("error").Inc()
		return
	case len(res.Errors) > 0:
		m.scans.WithLabelValues("incomplete").Inc()
	case res.Summary.Failed:
		m.scans.WithLabelValues("fail").Inc()
	default:
		m.scans.WithLabelValues("pass").Inc()
	}
	m.findings.Reset()
	for _, k := range []finding.Kind{finding.KindDeny, finding.KindWarn, finding.KindUnknown} {
		for _, s := range []string{"none", "low", "medium", "high", "critical"} {
			m.findings.WithLabelValues(string(k), s)
		}
	}
	for _, f := range res.Findings {
		if f.Waived() {
			continue
		}
		sev := string(f.Severity)
		if sev == "" {
			sev = "none"
		}
		m.findings.WithLabelValues(string(f.Kind), sev).Inc()
	}
	if len(res.Errors) > 0 {
		return // control statuses of an incomplete scan would mislead
	}
	m.control.Reset()
	m.controls.Reset()
	for _, fw := range res.Frameworks {
		for _, st := range finding.Statuses {
			m.controls.WithLabelValues(fw.ID, string(st)).Set(float64(fw.Counts[st]))
		}
		for _, c := range fw.Controls {
			// A not_covered control changes only with the bundles; leaving
			// them out keeps the series to the controls rules check.
			if c.Status != finding.StatusNotCovered {
				m.control.WithLabelValues(fw.ID, c.ID, string(c.Status)).Set(1)
			}
		}
	}
}
