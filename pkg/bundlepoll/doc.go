// Package bundlepoll downloads an OPA bundle from a bundle server the way
// opa run does for its bundles: a GET of the bundle URL, If-None-Match with
// the ETag of the bundle in use (304 Not Modified keeps it), long polling
// when asked for and the server answers with the
// application/vnd.openpolicyagent.bundles media type, a delay picked at
// random between a minimum and a maximum between polls, and exponential
// backoff with jitter after a failure.
//
// It only downloads: what a bundle holds is checked by whoever applies it
// (tenet's catalog checks the archive's limits and signature). A download
// is bounded in size before it is held in memory, and a bearer token is
// never sent over plain HTTP to a host other than loopback, nor kept on a
// redirect from HTTPS to HTTP.
package bundlepoll
