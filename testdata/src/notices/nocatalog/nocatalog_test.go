package nocatalog

import "testing"

func TestHandle(t *testing.T) {}
