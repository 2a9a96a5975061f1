// Package openapi imports an OpenAPI 3 document (3.0 or 3.1, YAML or
// JSON) as a catalog of its error codes and operations: catalog.ReadOpenAPI
// reads the document, as it does for a catalog that points at one
// (openapi: api.yaml); Import writes what it read as a catalog file would
// hold it and loads that back, so that the catalog written is one that
// loads.
package openapi

import (
	"fmt"
	"path/filepath"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/format"
)

// Options tune Import.
type Options = catalog.OpenAPIOptions

// A Result is what Import read from a document.
type Result struct {
	// Catalog holds the codes read, validated by catalog.Parse; its
	// positions point into the YAML that format.Format(Catalog) writes.
	Catalog *catalog.Catalog
	// Responses counts the error responses (4xx, 5xx, 4XX, 5XX, default)
	// of the document's operations.
	Responses int
	// Unread lists what could not be read, at its position in the
	// document: a $ref that does not resolve, a schema with no code
	// property, a code with no status.
	Unread []*catalog.Error
	// Notes lists guesses worth reviewing.
	Notes []catalog.Warning
}

// Is reports whether data is an OpenAPI document (catalog.IsOpenAPI).
func Is(data []byte) bool { return catalog.IsOpenAPI(data) }

// Import reads the error responses of the OpenAPI 3 document data, read
// from filename, and returns their codes as a catalog. It fails, with a
// positioned error, when data is not an OpenAPI 3 document or no code can
// be read; what it cannot read otherwise is in Result.Unread.
func Import(filename string, data []byte, opts Options) (*Result, error) {
	read, err := catalog.ReadOpenAPI(filename, data, opts)
	if read == nil {
		return nil, err
	}
	res := &Result{Responses: read.Responses, Unread: read.Unread, Notes: read.Notes}
	if err != nil {
		return res, err
	}
	c, err := catalog.Parse(filepath.Join(filepath.Dir(filename), "errcodes.yaml"), format.Format(read.Draft))
	if err != nil {
		return res, fmt.Errorf("the imported catalog does not load: %w", err)
	}
	res.Catalog = c
	return res, nil
}
