package retryafter

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDelaySeconds pins the values the fix rewrites, rounded up, and the
// ones it leaves alone.
func TestDelaySeconds(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // "" when there is no fix
	}{
		{"45s", "45"},
		{"2m", "120"},
		{"1h", "3600"},
		{"1.5", "2"},
		{"1.5s", "2"},
		{"1m30s", "90"},
		{"0.2s", "1"},
		{"500ms", "1"},
		{"1ns", "1"},
		{"0s", "0"},
		{"0.0", "0"},
		{".5", "1"},
		{"+5s", "5"},
		{"-1", ""},
		{"-0", ""},
		{"-5s", ""},
		{"", ""},
		{".", ""},
		{"1.2.3", ""},
		{"1e3", ""},
		{"45 seconds", ""},
		{"45S", ""},
		{"1d", ""},
		{"SECONDS", ""},
		{"9999999999h", ""},
	} {
		got, ok := delaySeconds(tt.in)
		assert.Equal(t, tt.want != "", ok, "%q", tt.in)
		assert.Equal(t, tt.want, got, "%q", tt.in)
	}
}
