package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestValidRetryAfter pins the Retry-After rule: delay-seconds or one of
// the three HTTP-date forms, taken exactly as given.
func TestValidRetryAfter(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"0", true},
		{"120", true},
		{"007", true},
		{"99999999999999999999", true},              // 1*DIGIT has no bound
		{"Wed, 21 Oct 2015 07:28:00 GMT", true},     // IMF-fixdate
		{"Wednesday, 21-Oct-15 07:28:00 GMT", true}, // rfc850-date
		{"Wed Oct 21 07:28:00 2015", true},          // asctime-date
		{"Wed Oct  1 07:28:00 2015", true},          // asctime pads the day with a space

		// Whitespace around a field value is not part of it (RFC 9110 §5.5).
		{" 120", false},
		{"120 ", false},
		{" 30 ", false},
		{"\t120", false},
		{"120\r\n", false},
		{"\u00a0120", false},
		{" Wed, 21 Oct 2015 07:28:00 GMT", false},
		{"Wed, 21 Oct 2015 07:28:00 GMT ", false},
		{"1 20", false},

		{"", false},
		{"-1", false},
		{"+1", false},
		{"1.5", false},
		{"45s", false},
		{"1m0s", false},
		{"0x10", false},
		{"١٢٠", false}, // Arabic-Indic digits: not DIGIT
		{"2015-10-21T07:28:00Z", false},
		{"Wed, 21 Oct 2015 07:28:00", false},
	} {
		assert.Equal(t, tt.want, ValidRetryAfter(tt.in), "%q", tt.in)
	}
}

// TestIsErrorStatus pins the bounds: 4xx and 5xx, nothing past 599.
func TestIsErrorStatus(t *testing.T) {
	for status, want := range map[int64]bool{
		0: false, 200: false, 399: false,
		400: true, 404: true, 429: true, 599: true,
		600: false, 999: false, -400: false,
	} {
		assert.Equal(t, want, IsErrorStatus(status), "%d", status)
	}
}
