package intests

import (
	"net/http"
	"testing"
)

func TestLimited(t *testing.T) {
	var resp http.Response
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Fatal("not limited")
	}
	if e, _ := decode(&resp); e.Code == "rate_limted" {
		t.Fatal("typo")
	}
}
