// want +1 `^malformed lint:file-ignore directive: a reason is required$`
//lint:file-ignore retryafter
//lint:file-ignore errcode,retryafter a gateway in front sets Retry-After

package retryafter

import "net/http"

func fileIgnored(w http.ResponseWriter) {
	http.Error(w, "slow down", http.StatusTooManyRequests)
}
