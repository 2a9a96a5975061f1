// Package runtime is a stub of github.com/oapi-codegen/runtime for
// analysistest: only what the generated samples call.
package runtime

// ParamLocation says where a parameter is.
type ParamLocation int

const (
	ParamLocationUndefined ParamLocation = iota
	ParamLocationQuery
	ParamLocationPath
	ParamLocationHeader
	ParamLocationCookie
)

// BindStyledParameterOptions configures BindStyledParameterWithOptions.
type BindStyledParameterOptions struct {
	ParamLocation ParamLocation
	Explode       bool
	Required      bool
}

// BindStyledParameterWithOptions decodes a styled parameter into dest.
func BindStyledParameterWithOptions(style string, paramName string, value string, dest any, opts BindStyledParameterOptions) error {
	if p, ok := dest.(*string); ok {
		*p = value
	}
	return nil
}
