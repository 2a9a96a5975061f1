package routes

// gorilla returns the routes registered with gorilla.
func (f *finder) gorilla() []Route { return nil }
