package carrier

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWrapVerb(t *testing.T) {
	for _, tc := range []struct {
		format string
		arg    int
		ok     bool
	}{
		{"%w", 0, true},
		{"tenant %s: %w", 1, true},
		{"100%% of %d: %w", 1, true},
		{"%-8s %5.2f %w", 2, true},
		{"%w and %w", 0, false},
		{"no wrap: %v", 0, false},
		{"%[1]w", 0, false},
		{"%*d %w", 0, false},
		{"trailing %", 0, false},
	} {
		arg, ok := wrapVerb(tc.format)
		assert.Equal(t, tc.ok, ok, tc.format)
		if tc.ok {
			assert.Equal(t, tc.arg, arg, tc.format)
		}
	}
}
