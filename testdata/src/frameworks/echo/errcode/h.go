package errcode

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type body struct {
	Error apiError `json:"error"`
}

func get(c echo.Context) error {
	if c.Param("id") == "" {
		return c.JSON(http.StatusBadRequest, body{Error: apiError{Code: "policy_not_found"}}) // want `code "policy_not_found" is sent with status 400; the catalog says 404`
	}
	if c.Param("x") == "" {
		return c.JSON(http.StatusNotFound, body{Error: apiError{Code: "secret_notfound"}}) // want `code "secret_notfound" is not in the catalog; did you mean "secret_not_found"\?`
	}
	if c.Param("y") == "" {
		return echo.NewHTTPError(http.StatusNotFound, "no such secret") // no code
	}
	return c.JSON(http.StatusNotFound, body{Error: apiError{Code: "secret_not_found"}})
}
