package retryafter

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

func limited(c *fiber.Ctx) error {
	return c.Status(http.StatusTooManyRequests).SendString("slow down") // want `status 429 is written without a Retry-After header`
}

func limitedStatus(c *fiber.Ctx) error {
	return c.SendStatus(http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
}

func limitedError(c *fiber.Ctx) error {
	return fiber.NewError(http.StatusTooManyRequests, "slow down") // want `status 429 is written without a Retry-After header`
}

func limitedOK(c *fiber.Ctx) error {
	c.Set("Retry-After", "30")
	return c.Status(http.StatusTooManyRequests).SendString("slow down")
}

// fiber sends the response when the handler returns: a header set after
// the status is still sent, and is neither missing nor late.
func setAfter(c *fiber.Ctx) error {
	err := c.SendStatus(http.StatusTooManyRequests)
	c.Set("Retry-After", "30")
	c.Set("X-Request-ID", "abc")
	return err
}
