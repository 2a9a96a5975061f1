// Package routes_gin registers handlers with gin: on the engine, in
// groups and nested groups, with middleware, through Handle and Any; and
// the registrations Find skips.
package routes_gin

import (
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
)

func getSecret(c *gin.Context)     { c.JSON(http.StatusOK, gin.H{}) }
func putSecret(c *gin.Context)     { c.Status(http.StatusNoContent) }
func listSecrets(c *gin.Context)   { c.JSON(http.StatusOK, gin.H{}) }
func serveStatic(c *gin.Context)   { c.Status(http.StatusOK) }
func auth(c *gin.Context)          {}
func logRequests(c *gin.Context)   {}
func health(c *gin.Context)        { c.String(http.StatusOK, "ok") }
func makeHandler() gin.HandlerFunc { return health }

type server struct{}

func (s *server) deleteSecret(c *gin.Context) { c.Status(http.StatusNoContent) }

var global gin.HandlerFunc = health

func main() {
	r := gin.Default()
	r.GET("/healthz", health) // want `^gin GET /healthz -> routes_gin\.health w=0$`
	s := &server{}

	v1 := r.Group("/v1")
	{
		v1.GET("/secrets", auth, logRequests, listSecrets)            // want `^gin GET /v1/secrets -> routes_gin\.listSecrets w=0$`
		v1.GET("/secrets/:id", auth, getSecret)                       // want `^gin GET /v1/secrets/\{id\} -> routes_gin\.getSecret w=0$`
		v1.PUT("/secrets/:id", putSecret)                             // want `^gin PUT /v1/secrets/\{id\} -> routes_gin\.putSecret w=0$`
		v1.DELETE("/secrets/:id", s.deleteSecret)                     // want `^gin DELETE /v1/secrets/\{id\} -> \(\*routes_gin\.server\)\.deleteSecret w=1$`
		v1.Handle("PATCH", "/secrets/:id/labels/", putSecret)         // want `^gin PATCH /v1/secrets/\{id\}/labels/ -> routes_gin\.putSecret w=0$`
		v1.Handle(http.MethodPost, "/secrets", func(c *gin.Context) { // want `^gin POST /v1/secrets -> routes_gin\.main\$1 w=0$`
			c.Status(http.StatusCreated)
		})

		admin := v1.Group("admin/", auth)
		admin.Any("/static/*filepath", serveStatic) // want `^gin ANY /v1/admin/static/\{filepath\} -> routes_gin\.serveStatic w=0$`
		admin.POST("", listSecrets)                 // want `^gin POST /v1/admin/ -> routes_gin\.listSecrets w=0$`
	}
	r.Group("/v2").Group("/keys").GET("/:kid", getSecret) // want `^gin GET /v2/keys/\{kid\} -> routes_gin\.getSecret w=0$`

	mountV3(r.Group("/v3"))

	// Through the interfaces gin.IRoutes and gin.IRouter.
	var routes gin.IRoutes = r.Group("/iface")
	routes.GET("/through-interface", health) // want `^gin GET /iface/through-interface -> routes_gin\.health w=0$`
	var router gin.IRouter = r
	router.Group("/v4").POST("/keys", putSecret) // want `^gin POST /v4/keys -> routes_gin\.putSecret w=0$`
	router.Handle("PUT", "/keys", putSecret)     // want `^gin PUT /keys -> routes_gin\.putSecret w=0$`

	// Skipped: what is not known.
	r.GET(os.Getenv("HEALTH_PATH"), health)              // a path computed at run time
	r.Handle(os.Getenv("METHOD"), "/x", health)          // a method computed at run time
	r.Handle("get", "/x", health)                        // not a method gin accepts
	r.GET("/made", makeHandler())                        // a handler made by a call
	r.GET("/global", global)                             // a handler held in a variable
	r.GET("/chain", gin.HandlersChain{auth, health}...)  // handlers passed as a slice
	r.GET("/none")                                       // no handler
	r.Group(os.Getenv("PREFIX")).GET("/dynamic", health) // a group's prefix computed at run time
	r.Match([]string{"GET", "HEAD"}, "/match", health)   // a list of methods

	r.Run()
}

// Register adds the key routes to an engine, whatever made it: an
// engine's own group is the root.
func Register(e *gin.Engine) {
	e.GET("/keys", listSecrets) // want `^gin GET /keys -> routes_gin\.listSecrets w=0$`
}

// RegisterGroup adds routes to a group made elsewhere: its prefix is not
// known, and its routes are skipped.
func RegisterGroup(g *gin.RouterGroup) {
	g.GET("/keys", listSecrets)
}

// RegisterRouter adds routes to a router made elsewhere, an Engine or a
// group: its prefix is not known, and its routes are skipped.
func RegisterRouter(rt gin.IRouter) {
	rt.GET("/keys", listSecrets)
	rt.Group("/v1").GET("/keys", listSecrets)
}

// mountV3 is called once, with a group whose prefix is known.
func mountV3(g *gin.RouterGroup) {
	g.GET("/keys/:kid", getSecret) // want `^gin GET /v3/keys/\{kid\} -> routes_gin\.getSecret w=0$`
}
