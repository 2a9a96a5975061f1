module github.com/twitchtv/twirp

go 1.23

require (
	github.com/pkg/errors v0.9.1
	github.com/stretchr/testify v1.12.1
	google.golang.org/protobuf v1.36.12
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
