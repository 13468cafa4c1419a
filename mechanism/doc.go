// Package mechanism is the vocabulary shared by the rest of managedos: how a vendor
// drives a macOS update ([Delivery]) and which macOS installer ends up running it
// ([Installer]).
//
// The values are small comparable enums. Their zero values, [DeliveryNone] and
// [InstallerNone], mean "nothing to do" or "not known" and are never a valid choice
// by accident. Each has String, MarshalText and UnmarshalText using the tokens listed
// with its constants, so the same value reads the same in Go, JSON, plists and logs.
//
// All functions are pure and safe for concurrent use.
package mechanism
