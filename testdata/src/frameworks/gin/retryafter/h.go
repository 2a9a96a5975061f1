package retryafter

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func limited(c *gin.Context) {
	c.JSON(http.StatusTooManyRequests, gin.H{"error": gin.H{"code": "rate_limited"}}) // want `status 429 is written without a Retry-After header`
}

func limitedOK(c *gin.Context) {
	c.Header("Retry-After", "30")
	c.JSON(http.StatusTooManyRequests, gin.H{"error": gin.H{"code": "rate_limited"}})
}

func limitedWriter(c *gin.Context) {
	c.Writer.Header().Set("Retry-After", "30")
	c.AbortWithStatus(http.StatusTooManyRequests)
}

// gin's Status only records the status: a header set before the body is
// still sent.
func statusThenHeader(c *gin.Context) {
	c.Status(http.StatusTooManyRequests)
	c.Header("Retry-After", "30")
	c.String(http.StatusTooManyRequests, "slow down")
}

func late(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"ok": true})
	c.Header("X-Request-ID", "abc") // want `header "X-Request-ID" is set after the response is written \(line 32\) and is never sent`
}
