package testsflag

import (
	"net/http"
	"testing"
)

func TestLimited(t *testing.T) {
	var resp http.Response
	if resp.StatusCode != http.StatusTooManyRequests { // want `branching on status 429`
		t.Fatal("not limited")
	}
	if e, _ := decode(&resp); e.Code == "rate_limted" { // want `code "rate_limted" is not in the catalog`
		t.Fatal("typo")
	}
}
