package ddm

import "github.com/managedos/managedos/compat"

// ParseOptions changes how this package's parsers read what a device or a user sends.
// The zero value reads with the default [compat.Limits]; every package-level Parse
// function is the method of the same name on the zero ParseOptions.
type ParseOptions struct {
	// Limits bounds the input before anything is decoded; input over a limit fails
	// with an error wrapping [compat.ErrTooLarge]. Zero fields mean the defaults.
	Limits compat.Limits
}
