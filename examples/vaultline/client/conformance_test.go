package client_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/conformance"
	"github.com/errcodelint/errcodelint/examples/vaultline/client"
	"github.com/errcodelint/errcodelint/examples/vaultline/server"
)

// TestConformance calls a Vaultline server through the conformance
// Checker's transport, as an integration test of the client would: the
// responses the client receives are checked, whether or not it reads their
// bodies.
func TestConformance(t *testing.T) {
	chk, err := conformance.Load("../errcodes.yaml", conformance.Collect())
	require.NoError(t, err)
	srv := httptest.NewServer(server.New(server.Config{
		MaxInflight: 100, DailyWrites: 100, MinWriteGap: time.Hour, MaxSecretBytes: 1024,
	}).Handler())
	defer srv.Close()
	httpClient := &http.Client{Transport: chk.Transport(t, srv.Client().Transport)}

	resp, err := httpClient.Post(srv.URL+"/v1/auth/token", "application/json", nil)
	require.NoError(t, err)
	var tok struct{ Token string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&tok))
	resp.Body.Close()

	c := &client.Client{BaseURL: srv.URL, Token: tok.Token, HTTP: httpClient}
	ctx := context.Background()
	_, err = c.GetSecret(ctx, "nope", 0) // 404: the client does not read the body
	require.ErrorIs(t, err, client.ErrSecretNotFound)
	ok, err := c.Exists(ctx, "nope") // HEAD: no body
	require.NoError(t, err)
	assert.False(t, ok)
	_, err = c.PutSecret(ctx, "db", "s3cret", 0)
	require.NoError(t, err)
	_, err = c.PutSecret(ctx, "db", "again", 0) // throttled, without Retry-After
	var apiErr *client.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "rate_limited", string(apiErr.Code), "the client decodes the replayed body")

	rateLimited, found := chk.Catalog().Lookup("rate_limited")
	require.True(t, found)
	var got []string
	for _, v := range chk.Violations() {
		got = append(got, v.String())
	}
	assert.Equal(t, []string{
		`PUT /v1/secrets/db: 429: status 429 is sent without Retry-After (code "rate_limited", ` + rateLimited.Ref() + `); rules.retry_after lists it`,
	}, got)
	t.Log(chk.Coverage())
}
