package api

type DeleteSecretRes interface {
	deleteSecretRes()
}

type GetSecretRes interface {
	getSecretRes()
}
