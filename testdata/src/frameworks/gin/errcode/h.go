package errcode

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func get(c *gin.Context) {
	c.JSON(http.StatusBadRequest, gin.H{"error": gin.H{"code": "secret_not_found"}}) // want `code "secret_not_found" is sent with status 400; the catalog says 404`
	c.JSON(http.StatusNotFound, gin.H{"error": gin.H{"code": "secret_not_found"}})
	c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": gin.H{"code": "acess_denied"}}) // want `code "acess_denied" is not in the catalog; did you mean "access_denied"\?`
	c.IndentedJSON(404, gin.H{"error": gin.H{"code": "policy_not_found"}})
	c.Status(http.StatusForbidden)
	c.PureJSON(http.StatusForbidden, gin.H{"error": gin.H{"code": "access_denied"}})
	// Bare statuses and plain strings carry no code.
	c.AbortWithStatus(http.StatusServiceUnavailable)
	c.String(http.StatusNotFound, "no route")
}

// fail is an emitter found through facts.
func fail(c *gin.Context, status int, code string) {
	c.AbortWithStatusJSON(status, gin.H{"error": gin.H{"code": code, "message": "failed"}})
}

func viaHelper(c *gin.Context) {
	fail(c, http.StatusNotFound, "policy_not_found")
	fail(c, http.StatusForbidden, "policy_not_found") // want `code "policy_not_found" is sent with status 403; the catalog says 404`
}
