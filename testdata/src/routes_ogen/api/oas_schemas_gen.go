package api

import "fmt"

// DeleteSecretNoContent is response for DeleteSecret operation.
type DeleteSecretNoContent struct{}

func (*DeleteSecretNoContent) deleteSecretRes() {}

type DeleteSecretNotFound Error

func (*DeleteSecretNotFound) deleteSecretRes() {}

// Ref: #/components/schemas/Error
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// ErrorStatusCode wraps Error with StatusCode.
type ErrorStatusCode struct {
	StatusCode int
	Response   Error
}

func (s *ErrorStatusCode) Error() string {
	return fmt.Sprintf("code %d: %+v", s.StatusCode, s.Response)
}

type GetSecretForbidden Error

func (*GetSecretForbidden) getSecretRes() {}

type GetSecretNotFound Error

func (*GetSecretNotFound) getSecretRes() {}

// Ref: #/components/schemas/Secret
type Secret struct {
	ID    string `json:"id"`
	Value string `json:"value"`
}

func (*Secret) getSecretRes() {}

// DeleteSecretParams is parameters of deleteSecret operation.
type DeleteSecretParams struct {
	ID string
}

// GetSecretParams is parameters of getSecret operation.
type GetSecretParams struct {
	ID string
}
