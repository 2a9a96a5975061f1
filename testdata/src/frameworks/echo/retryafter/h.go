package retryafter

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func limited(c echo.Context) error {
	return c.NoContent(http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
}

func limitedOK(c echo.Context) error {
	c.Response().Header().Set("Retry-After", "60")
	return c.String(http.StatusTooManyRequests, "slow down")
}

func asError(c echo.Context) error {
	return echo.NewHTTPError(http.StatusTooManyRequests, "slow down") // want `status 429 is written without a Retry-After header`
}

// The error is written when the handler returns: a header set before that
// is sent.
func asErrorOK(c echo.Context) error {
	err := echo.NewHTTPError(http.StatusTooManyRequests, "slow down")
	c.Response().Header().Set("Retry-After", "60")
	return err
}

func late(c echo.Context) error {
	c.NoContent(http.StatusOK)
	c.Response().Header().Set("X-Request-ID", "abc") // want `header "X-Request-ID" is set after the response is written \(line 31\) and is never sent`
	return nil
}
