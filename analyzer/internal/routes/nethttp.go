package routes

// netHTTP returns the routes registered with nethttp.
func (f *finder) netHTTP() []Route { return nil }
