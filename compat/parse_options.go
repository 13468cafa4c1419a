package compat

// ParseOptions changes how this package's parsers read what a device, a feed or a
// user sends. The zero value reads with the default [Limits]; every package-level
// Parse function that reads a document is the method of the same name on the zero
// ParseOptions.
type ParseOptions struct {
	// Limits bounds the input before anything is decoded; input over a limit fails
	// with an error wrapping [ErrTooLarge]. Zero fields mean the defaults.
	Limits Limits
}
