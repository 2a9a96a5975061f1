// Package retryafter defines an Analyzer that reports responses sent with a status that must carry a Retry-After header (429 by default) on a path where the header is not set before the status is written.
//
// # Analyzer retryafter
//
// retryafter: report rate-limited responses that do not say when to retry
package retryafter
