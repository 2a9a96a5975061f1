// Package routes_echo registers handlers with echo: on the Echo, in
// groups and nested groups, with middleware, through Add and Any; and the
// registrations Find skips.
package routes_echo

import (
	"net/http"
	"os"

	"github.com/labstack/echo/v4"
)

func getSecret(c echo.Context) error              { return c.JSON(http.StatusOK, nil) }
func putSecret(c echo.Context) error              { return c.NoContent(http.StatusNoContent) }
func listSecrets(c echo.Context) error            { return c.JSON(http.StatusOK, nil) }
func serveStatic(c echo.Context) error            { return c.NoContent(http.StatusOK) }
func health(c echo.Context) error                 { return c.String(http.StatusOK, "ok") }
func makeHandler() echo.HandlerFunc               { return health }
func auth(next echo.HandlerFunc) echo.HandlerFunc { return next }

type server struct{}

func (s *server) deleteSecret(c echo.Context) error { return c.NoContent(http.StatusNoContent) }

var global echo.HandlerFunc = health

func main() {
	e := echo.New()
	e.GET("/healthz", health) // want `^echo GET /healthz -> routes_echo\.health w=0$`
	s := &server{}

	v1 := e.Group("/v1", auth)
	v1.GET("/secrets", listSecrets, auth)                      // want `^echo GET /v1/secrets -> routes_echo\.listSecrets w=0$`
	v1.GET("/secrets/:id", getSecret)                          // want `^echo GET /v1/secrets/\{id\} -> routes_echo\.getSecret w=0$`
	v1.PUT("/secrets/:id", putSecret)                          // want `^echo PUT /v1/secrets/\{id\} -> routes_echo\.putSecret w=0$`
	v1.DELETE("/secrets/:id", s.deleteSecret)                  // want `^echo DELETE /v1/secrets/\{id\} -> \(\*routes_echo\.server\)\.deleteSecret w=1$`
	v1.Add(http.MethodPatch, "/secrets/:id/labels", putSecret) // want `^echo PATCH /v1/secrets/\{id\}/labels -> routes_echo\.putSecret w=0$`
	e.POST("/v1/secrets", func(c echo.Context) error {         // want `^echo POST /v1/secrets -> routes_echo\.main\$1 w=0$`
		return c.NoContent(http.StatusCreated)
	})

	admin := v1.Group("/admin")
	admin.Any("/static/*", serveStatic)                   // want `^echo ANY /v1/admin/static/\{\*\} -> routes_echo\.serveStatic w=0$`
	admin.GET("", listSecrets)                            // want `^echo GET /v1/admin -> routes_echo\.listSecrets w=0$`
	e.Group("/v2").Group("/keys").GET("/:kid", getSecret) // want `^echo GET /v2/keys/\{kid\} -> routes_echo\.getSecret w=0$`

	mountV3(e.Group("/v3"))

	// Skipped: what is not known.
	e.GET(os.Getenv("HEALTH_PATH"), health)              // a path computed at run time
	e.Add(os.Getenv("METHOD"), "/x", health)             // a method computed at run time
	e.Add("get", "/x", health)                           // a method no request has
	e.GET("/made", makeHandler())                        // a handler made by a call
	e.GET("/global", global)                             // a handler held in a variable
	e.Group(os.Getenv("PREFIX")).GET("/dynamic", health) // a group's prefix computed at run time

	e.Start(":8080")
}

// Register adds the key routes to an Echo, whatever made it: its own
// routes have no prefix.
func Register(e *echo.Echo) {
	e.GET("/keys", listSecrets) // want `^echo GET /keys -> routes_echo\.listSecrets w=0$`
}

// RegisterGroup adds routes to a group made elsewhere: its prefix is not
// known, and its routes are skipped.
func RegisterGroup(g *echo.Group) {
	g.GET("/keys", listSecrets)
}

// mountV3 is called once, with a group whose prefix is known.
func mountV3(g *echo.Group) {
	g.GET("/keys/:kid", getSecret) // want `^echo GET /v3/keys/\{kid\} -> routes_echo\.getSecret w=0$`
}
