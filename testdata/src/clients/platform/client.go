// Package platform is a client of the platform's API.
package platform

import (
	"errors"
	"net/http"
)

// APIError is the client error type named in the catalog.
type APIError struct {
	StatusCode int
	Code       string
	Message    string
}

func (e *APIError) Error() string { return e.Message }

var ErrNotFound = errors.New("not found")

// retriable is a helper fed with resp.StatusCode below (idiom 13).
func retriable(code int) bool {
	return code == 429 || code >= 500 // want `branching on status 429 cannot tell rate_limited \(Caller-specific rate limit\) from quota_exceeded \(Hard tenant quota\); branch on the error code`
}

// notUsedWithStatus compares a parameter nobody feeds a status: silent.
func notUsedWithStatus(n int) bool { return n == 429 }

func do(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if retriable(resp.StatusCode) {
		return errors.New("retry")
	}
	if resp.StatusCode == http.StatusTooManyRequests { // want `branching on status 429 cannot tell rate_limited`
		return errors.New("slow down")
	}
	if resp.StatusCode == http.StatusNotFound { // want `branching on status 404 cannot tell its 4 codes apart \(secret_not_found, version_not_found, policy_not_found, …\); branch on the error code`
		return ErrNotFound
	}
	status := resp.StatusCode
	switch status {
	case http.StatusForbidden: // want `branching on status 403 cannot tell access_denied \(No matching policy rule\) from insufficient_scope \(Token scope too narrow\)`
		return errors.New("forbidden")
	case http.StatusUnauthorized: // one code: only with -strict
		return errors.New("login")
	case http.StatusBadGateway: // one code sent; the other is reported in payloads
		return errors.New("backend")
	case http.StatusOK, http.StatusCreated:
		return nil
	case http.StatusTeapot: // not the catalog's status
		return nil
	}
	// Ranges are fine.
	if resp.StatusCode >= 400 || resp.StatusCode/100 == 5 {
		return errors.New("failed")
	}
	if notUsedWithStatus(3) {
		return nil
	}
	return nil
}

func classify(e *APIError) error {
	// Status and code together: branching on the code.
	if e.StatusCode == 429 && e.Code == "rate_limited" {
		return errors.New("retry")
	}
	if e.StatusCode == 404 {
		switch e.Code {
		case "secret_not_found", "version_not_found":
			return ErrNotFound
		}
	}
	if e.StatusCode != 429 { // want `branching on status 429`
		return nil
	}
	switch e.Code {
	case "rate_limited":
	case "quota_exceded": // want `code "quota_exceded" is not in the catalog: this branch never matches; did you mean "quota_exceeded"\?`
	}
	if e.Code == "secret_notfound" { // want `code "secret_notfound" is not in the catalog: this branch never matches; did you mean "secret_not_found"\?`
		return ErrNotFound
	}
	return nil
}

// A HEAD request has no body: its status is all a client has.
func exists(c *http.Client, url string) (bool, error) {
	resp, err := c.Head(url)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	return resp.StatusCode != http.StatusNotFound, nil
}

func existsReq(c *http.Client, url string) (bool, error) {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusNotFound, nil
}

// An unrelated struct's Code field is not an error code.
type country struct {
	Code string
}

func isFrance(c country) bool { return c.Code == "FRA" }

// Comparing with the zero value asks "is there a code", not "which".
func hasCode(e *APIError) bool { return e.Code != "" }
