package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A value outside the codes' lexicon is a message; a code of the catalog,
// a wrong code written like one, and a near miss are not.
func TestIsMessage(t *testing.T) {
	tests := []struct {
		seed  string
		value string
		want  bool
	}{
		// Snake-case codes: no space, no period, no capital needed.
		{"platform", "secret_not_found", false},
		{"platform", "secret_missing", false},             // a wrong code, written as codes are
		{"platform", "SecretMissing", false},              // letters in either case
		{"platform", "Internal server error.", true},      // a sentence
		{"platform", "invalid request: missing id", true}, // text with a space and a colon
		{"platform", "secret not found", false},           // a near miss of secret_not_found
		{"platform", "x" + string(make([]byte, 200)), true},
		// ACME codes travel with their prefix; the lexicon is the codes'.
		{"acme", "urn:ietf:params:acme:error:badNonce", false},
		{"acme", "urn:ietf:params:acme:error:badNonse", false},
		{"acme", "Unable to parse the request body", true},
		// Numeric catalogs read text as numbers or names: never a message.
		{"numeric", "Internal server error.", false},
	}
	for _, tt := range tests {
		c := loadSeed(t, tt.seed)
		assert.Equal(t, tt.want, c.IsMessage(tt.value), "%s: %q", tt.seed, tt.value)
	}
}
