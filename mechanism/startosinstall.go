package mechanism

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrStartOSInstall reports a startosinstall invocation that cannot be built: an
// Apple silicon Mac, a decision that is not StartOSInstall, a release without a known
// installer, or an option out of range.
var ErrStartOSInstall = errors.New("startosinstall refused")

// installerApps names the full installer of each macOS release an Intel Mac can be
// upgraded to with startosinstall.
var installerApps = []struct {
	major, minor int // minor only for 10.x
	app          string
}{
	{10, 13, "Install macOS High Sierra.app"},
	{10, 14, "Install macOS Mojave.app"},
	{10, 15, "Install macOS Catalina.app"},
	{11, 0, "Install macOS Big Sur.app"},
	{12, 0, "Install macOS Monterey.app"},
	{13, 0, "Install macOS Ventura.app"},
	{14, 0, "Install macOS Sonoma.app"},
	{15, 0, "Install macOS Sequoia.app"},
	{26, 0, "Install macOS Tahoe.app"},
}

// InstallerApp returns the name of the full installer application for the macOS
// release major (and, for 10.x, minor): "Install macOS Sonoma.app" for 14. A release
// the library does not know by name is an error wrapping [ErrStartOSInstall], never
// a guess.
func InstallerApp(major, minor int) (string, error) {
	if major != 10 {
		minor = 0
	}
	for _, a := range installerApps {
		if a.major == major && a.minor == minor {
			return a.app, nil
		}
	}
	return "", fmt.Errorf("mechanism: no known installer for macOS %s: %w", release(major, minor), ErrStartOSInstall)
}

// takesForceQuitApps reports whether the installer of a release accepts
// --forcequitapps, which Apple added with the Catalina (10.15) installer.
func takesForceQuitApps(major, minor int) bool {
	return major > 10 || major == 10 && minor >= 15
}

func release(major, minor int) string {
	if major == 10 {
		return strconv.Itoa(major) + "." + strconv.Itoa(minor)
	}
	return strconv.Itoa(major)
}

// Upgrade is what a startosinstall invocation needs from a decision; compat's
// Decision.Upgrade returns it.
type Upgrade struct {
	// Delivery must be StartOSInstall.
	Delivery Delivery
	// AppleSilicon refuses the invocation: on Apple silicon startosinstall needs a
	// local administrator's name and password (--user and --stdinpass), which an
	// unattended agent does not have; Apple silicon upgrades go through MDM instead.
	AppleSilicon bool
	// TargetMajor and TargetMinor are the target release (the minor matters only for
	// 10.x).
	TargetMajor, TargetMinor int
}

// StartOSInstallOptions are the optional arguments of startosinstall.
type StartOSInstallOptions struct {
	// RebootDelay is how many seconds, 0 to 300, to wait before restarting once the
	// install is prepared; 0 leaves the option out.
	RebootDelay int
	// PIDToSignal is a process to send SIGUSR1 when the install is prepared; 0
	// leaves the option out.
	PIDToSignal int
	// AllowRemoval lets the installer remove files it finds on the root volume
	// instead of stopping; only installers of macOS 11 and later accept it.
	AllowRemoval bool
}

// Invocation is a startosinstall command line for an agent to run as root.
type Invocation struct {
	// App is the installer application, such as "Install macOS Sonoma.app", expected
	// in /Applications once cached.
	App string
	// Path is the startosinstall tool inside it.
	Path string
	// Args are the arguments, without the program name.
	Args []string
}

// NewStartOSInstall returns the startosinstall invocation for an Intel upgrade:
// --agreetolicense, --forcequitapps for a Catalina (10.15) or later installer (the
// High Sierra and Mojave installers do not take it), --nointeraction, then the
// options. It refuses,
// wrapping [ErrStartOSInstall] or [ErrWrongDelivery], an Apple silicon Mac, a
// delivery other than StartOSInstall, a release without a known installer, and
// options out of range.
func NewStartOSInstall(u Upgrade, opts StartOSInstallOptions) (Invocation, error) {
	switch {
	case u.AppleSilicon:
		return Invocation{}, fmt.Errorf("mechanism: startosinstall on Apple silicon needs a local administrator's credentials; upgrade with MDM commands: %w", ErrStartOSInstall)
	case u.Delivery != StartOSInstall:
		return Invocation{}, fmt.Errorf("mechanism: the decision's delivery is %v, not startosinstall: %w", u.Delivery, ErrWrongDelivery)
	case opts.RebootDelay < 0 || opts.RebootDelay > 300:
		return Invocation{}, fmt.Errorf("mechanism: --rebootdelay %d: want 0 to 300 seconds: %w", opts.RebootDelay, ErrStartOSInstall)
	case opts.PIDToSignal < 0:
		return Invocation{}, fmt.Errorf("mechanism: --pidtosignal %d: want a process ID: %w", opts.PIDToSignal, ErrStartOSInstall)
	}
	app, err := InstallerApp(u.TargetMajor, u.TargetMinor)
	if err != nil {
		return Invocation{}, err
	}
	if opts.AllowRemoval && u.TargetMajor < 11 {
		return Invocation{}, fmt.Errorf("mechanism: --allowremoval: the macOS %s installer does not accept it: %w", release(u.TargetMajor, u.TargetMinor), ErrStartOSInstall)
	}
	args := []string{"--agreetolicense"}
	if takesForceQuitApps(u.TargetMajor, u.TargetMinor) {
		args = append(args, "--forcequitapps")
	}
	args = append(args, "--nointeraction")
	if opts.RebootDelay > 0 {
		args = append(args, "--rebootdelay", strconv.Itoa(opts.RebootDelay))
	}
	if opts.PIDToSignal > 0 {
		args = append(args, "--pidtosignal", strconv.Itoa(opts.PIDToSignal))
	}
	if opts.AllowRemoval {
		args = append(args, "--allowremoval")
	}
	return Invocation{App: app, Path: "/Applications/" + app + "/Contents/Resources/startosinstall", Args: args}, nil
}
