package errcode_test

import (
	"path/filepath"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"golang.org/x/tools/go/analysis/analysistest"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestPlatform(t *testing.T) {
	analysistest.Run(t, testdata(t), errcode.Analyzer, "platform/...")
}

func TestACME(t *testing.T) {
	analysistest.Run(t, testdata(t), errcode.Analyzer, "acme/...")
}
