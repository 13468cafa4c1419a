package mdmcmd

import (
	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// InstallAction is what a ScheduleOSUpdate asks the Mac to do with an update, and,
// in UpdateResults, what the Mac scheduled. Values are Apple's strings; unknown values
// read from a device are kept, and [InstallAction.IsValid] tells.
type InstallAction string

const (
	// Default downloads or installs the update depending on its state (macOS 10.11).
	Default InstallAction = "Default"
	// DownloadOnly downloads without installing (macOS 11).
	DownloadOnly InstallAction = "DownloadOnly"
	// InstallASAP downloads the update and starts the restart countdown (macOS
	// 10.11); on Apple silicon, major upgrades download and install in this one step
	// with no progress shown.
	InstallASAP InstallAction = "InstallASAP"
	// NotifyOnly downloads and notifies the user (macOS 10.11). Not for a major
	// upgrade before macOS 14.
	NotifyOnly InstallAction = "NotifyOnly"
	// InstallLater downloads and installs later, honouring MaxUserDeferrals (macOS
	// 10.11). Not for a major upgrade before macOS 14.
	InstallLater InstallAction = "InstallLater"
	// InstallForceRestart performs Default, then forces a restart if the update needs
	// one (macOS 11); it may lose the user's unsaved work.
	InstallForceRestart InstallAction = "InstallForceRestart"
	// ActionError appears only in UpdateResults: scheduling failed.
	ActionError InstallAction = "Error"
)

// installActions lists the actions a command may carry, with the macOS version that
// introduced each.
var installActions = []struct {
	action InstallAction
	since  compat.Version
}{
	{Default, compat.MustParseVersion("10.11")},
	{DownloadOnly, compat.MustParseVersion("11.0")},
	{InstallASAP, compat.MustParseVersion("10.11")},
	{NotifyOnly, compat.MustParseVersion("10.11")},
	{InstallLater, compat.MustParseVersion("10.11")},
	{InstallForceRestart, compat.MustParseVersion("11.0")},
}

// IsValid reports whether a is an action a command may carry (ActionError is only
// ever sent by the Mac).
func (a InstallAction) IsValid() bool {
	_, ok := a.since()
	return ok
}

func (a InstallAction) since() (compat.Version, bool) {
	for _, ia := range installActions {
		if ia.action == a {
			return ia.since, true
		}
	}
	return compat.Version{}, false
}

// Priority is the download priority of a minor update (macOS 12.3). The zero value
// leaves the key out; Apple's default is Low.
type Priority string

const (
	// Low is Apple's default priority.
	Low Priority = "Low"
	// High downloads and prepares the update sooner.
	High Priority = "High"
)

// IsValid reports whether p is Low or High.
func (p Priority) IsValid() bool { return p == Low || p == High }

// Status is the Status of an MDM answer's envelope. Unknown values are kept;
// [Status.IsValid] tells.
type Status string

const (
	// Acknowledged: the Mac ran the command.
	Acknowledged Status = "Acknowledged"
	// StatusError: the command failed; ErrorChain says why.
	StatusError Status = "Error"
	// CommandFormatError: the Mac could not read the command.
	CommandFormatError Status = "CommandFormatError"
	// NotNow: the Mac cannot run the command now and will ask again later.
	NotNow Status = "NotNow"
	// Idle: the Mac has no answer and asks for the next command.
	Idle Status = "Idle"
)

// IsValid reports whether s is one of Apple's values.
func (s Status) IsValid() bool {
	switch s {
	case Acknowledged, StatusError, CommandFormatError, NotNow, Idle:
		return true
	}
	return false
}

// UpdateStatus is the Status of an update in UpdateResults and OSUpdateStatus.
// Unknown values are kept; [UpdateStatus.IsValid] tells.
type UpdateStatus string

// The update statuses Apple documents.
const (
	UpdateIdle                        UpdateStatus = "Idle"                        // nothing is happening
	UpdateDownloading                 UpdateStatus = "Downloading"                 // downloading, then preparing
	UpdateDownloadFailed              UpdateStatus = "DownloadFailed"              // the download failed
	UpdateDownloadRequiresComputer    UpdateStatus = "DownloadRequiresComputer"    // iOS only: tether to download
	UpdateDownloadInsufficientSpace   UpdateStatus = "DownloadInsufficientSpace"   // not enough space to download
	UpdateDownloadInsufficientPower   UpdateStatus = "DownloadInsufficientPower"   // not enough power to download
	UpdateDownloadInsufficientNetwork UpdateStatus = "DownloadInsufficientNetwork" // not enough network to download
	UpdateInstalling                  UpdateStatus = "Installing"                  // installing
	UpdateInstallInsufficientSpace    UpdateStatus = "InstallInsufficientSpace"    // not enough space to install
	UpdateInstallInsufficientPower    UpdateStatus = "InstallInsufficientPower"    // not enough power to install
	UpdateInstallPhoneCallInProgress  UpdateStatus = "InstallPhoneCallInProgress"  // iOS only: a call is in progress
	UpdateInstallFailed               UpdateStatus = "InstallFailed"               // the install failed
)

// IsValid reports whether s is one of Apple's values.
func (s UpdateStatus) IsValid() bool {
	switch s {
	case UpdateIdle, UpdateDownloading, UpdateDownloadFailed, UpdateDownloadRequiresComputer,
		UpdateDownloadInsufficientSpace, UpdateDownloadInsufficientPower, UpdateDownloadInsufficientNetwork,
		UpdateInstalling, UpdateInstallInsufficientSpace, UpdateInstallInsufficientPower,
		UpdateInstallPhoneCallInProgress, UpdateInstallFailed:
		return true
	}
	return false
}

// IsFailure reports whether s says the download or install failed or cannot
// proceed: DownloadFailed, InstallFailed and the Insufficient and RequiresComputer
// statuses; see [mechanism.IsFailureStatus].
func (s UpdateStatus) IsFailure() bool { return mechanism.IsFailureStatus(string(s)) }
