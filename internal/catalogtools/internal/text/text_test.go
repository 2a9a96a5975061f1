package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCount(t *testing.T) {
	assert.Equal(t, "0 codes", Count(0, "code", "codes"))
	assert.Equal(t, "1 code", Count(1, "code", "codes"))
	assert.Equal(t, "2 codes", Count(2, "code", "codes"))
	assert.Equal(t, "1 status", Count(1, "status", "statuses"))
	assert.Equal(t, "2 statuses", Count(2, "status", "statuses"))
}
