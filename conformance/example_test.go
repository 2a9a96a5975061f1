package conformance_test

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/conformance"
)

const catalogYAML = `version: 1
api: Secrets
wire:
  code: error.code
codes:
  - code: secret_not_found
    status: 404
  - code: rate_limited
    status: 429
`

// A server's handlers run under the Checker. In a test, pass t instead of
// nil and leave out Collect: each violation then fails the test.
func Example() {
	cat, err := catalog.Parse("errcodes.yaml", []byte(catalogYAML))
	if err != nil {
		log.Fatal(err)
	}
	chk := conformance.New(cat, conformance.Collect())

	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest) // the catalog says 404
		io.WriteString(w, `{"error":{"code":"secret_not_found","message":"no secret"}}`)
	})
	srv := httptest.NewServer(chk.Handler(nil, api))
	resp, err := http.Get(srv.URL + "/v1/secrets/db")
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	srv.Close()

	for _, v := range chk.Violations() {
		fmt.Println(v)
	}
	fmt.Println(chk.Coverage())
	// Output:
	// GET /v1/secrets/db: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (errcodes.yaml:6)
	// conformance: 0 of 2 codes seen in 1 error response; never seen: rate_limited; only sent wrongly: secret_not_found
}

// A client under test calls the API through the Checker's transport.
func ExampleChecker_Transport() {
	cat, err := catalog.Parse("errcodes.yaml", []byte(catalogYAML))
	if err != nil {
		log.Fatal(err)
	}
	chk := conformance.New(cat, conformance.Collect())

	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests) // and no Retry-After
		io.WriteString(w, `{"error":{"code":"rate_limited"}}`)
	}))
	defer api.Close()
	client := &http.Client{Transport: chk.Transport(nil, nil)}

	resp, err := client.Post(api.URL+"/v1/secrets/db", "application/json", nil)
	if err != nil {
		log.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body) // the body is intact
	resp.Body.Close()

	fmt.Printf("%s\n", body)
	for _, v := range chk.Violations() {
		fmt.Println(v)
	}
	// Output:
	// {"error":{"code":"rate_limited"}}
	// POST /v1/secrets/db: 429: status 429 is sent without Retry-After (code "rate_limited", errcodes.yaml:8); rules.retry_after lists it
}
