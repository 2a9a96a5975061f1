package errcode

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

type apiError struct {
	Code string `json:"code"`
}

type body struct {
	Error apiError `json:"error"`
}

func get(c *fiber.Ctx) error {
	if c == nil {
		return c.Status(http.StatusBadRequest).JSON(body{Error: apiError{Code: "secret_not_found"}}) // want `code "secret_not_found" is sent with status 400; the catalog says 404`
	}
	if c != nil {
		return c.Status(http.StatusNotFound).JSON(body{Error: apiError{Code: "secret_notfound"}}) // want `code "secret_notfound" is not in the catalog; did you mean "secret_not_found"\?`
	}
	c.Status(http.StatusForbidden)
	return c.JSON(body{Error: apiError{Code: "access_denied"}})
}

func getWrong(c *fiber.Ctx) error {
	c.Status(http.StatusForbidden) // want `code "policy_not_found" is sent with status 403; the catalog says 404`
	return c.JSON(body{Error: apiError{Code: "policy_not_found"}})
}
