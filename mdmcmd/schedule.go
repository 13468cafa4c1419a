package mdmcmd

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// Update is one entry of a ScheduleOSUpdate command's Updates array.
type Update struct {
	// ProductKey names the update as AvailableOSUpdates reported it. Required when
	// ProductVersion is absent, and for every rapid security response.
	ProductKey string
	// ProductVersion is the version to install (macOS 12.0 and later); the zero
	// Version leaves it out. It cannot name a rapid security response.
	ProductVersion compat.Version
	// InstallAction is required.
	InstallAction InstallAction
	// MaxUserDeferrals is how many times, at most once a day, the user may postpone
	// the install (macOS 12.0): only with InstallLater and only for a minor update.
	// 0 leaves it out.
	MaxUserDeferrals int
	// Priority is the download priority (macOS 12.3), only for a minor update; the
	// zero value leaves it out.
	Priority Priority
	// AllowsInstallLater is the AllowsInstallLater flag of the update's
	// AvailableOSUpdates item, which is not sent: when known, it decides whether
	// NotifyOnly and InstallLater are accepted (the Mac answers error 12008 when they
	// are not), over the rule for a major upgrade before macOS 14. FlagUnknown, the
	// zero value, leaves that rule to decide.
	AllowsInstallLater compat.Flag
	// Kind is the kind of update, which the rules depend on. It is not sent. The
	// zero value (NoUpdate) means "work it out": from ProductVersion and the Mac's
	// version when both are known, else from the ProductKey's form (see
	// [ParseProductKey]).
	Kind compat.Kind
}

// NewScheduleOSUpdate builds a ScheduleOSUpdate command for updates. deviceOS is the
// Mac's version, or the zero Version when unknown; when known it gates the keys the
// Mac can read (ProductVersion and MaxUserDeferrals from 12.0, Priority from 12.3,
// DownloadOnly and InstallForceRestart from 11.0) and decides the kind of update.
//
// Each update must follow Apple's rules: InstallAction from Apple's list;
// ProductKey or ProductVersion; a ProductKey for a rapid security response;
// MaxUserDeferrals (at least 1) only with InstallLater and only for a minor update;
// Priority (Low or High) only for a minor update; no NotifyOnly or InstallLater for
// an update whose AvailableOSUpdates item says AllowsInstallLater false, nor, when
// that is not known, for a major upgrade on a Mac before macOS 14 (or whose version
// is unknown). A Mac on macOS 27 or later gets [ErrRemoved].
//
// Otherwise NewScheduleOSUpdate returns every problem, each a *[KeyError] naming its
// key as [CommandContent.Validate] does ("CommandUUID", "Command.RequestType",
// "Command.Updates", "Command.Updates[1].Priority"; "Command.Updates[1].Kind" for an
// [Update.Kind] out of range, which is not sent), joined (at most
// [errtext.MaxErrors] of them, then a count). Each wraps [ErrInvalidCommand] or
// [ErrRemoved] and names the update, the key and the rule. A key gets one problem,
// and a rule that depends on a key already named (the kind of update, the
// InstallAction) is not checked on top of it.
func NewScheduleOSUpdate(uuid string, deviceOS compat.Version, updates ...Update) (Command, error) {
	var errs []error
	if len(updates) == 0 {
		errs = append(errs, &KeyError{Key: "Command.Updates", Err: fmt.Errorf("mdmcmd: ScheduleOSUpdate: Updates: empty: %w", ErrInvalidCommand)})
	}
	wire := wireSchedule{RequestType: requestScheduleOSUpdate, Updates: make([]wireUpdate, len(updates))}
	for i, u := range updates {
		errs = append(errs, u.validate(i, deviceOS)...)
		wire.Updates[i] = u.wire()
	}
	cmd, err := newCommand(uuid, requestScheduleOSUpdate, deviceOS, wire)
	if err != nil {
		errs = slices.Insert(errs, 0, err) // the envelope first: it is what identifies the command
	}
	if len(errs) > 0 {
		return Command{}, errtext.Join(errs...)
	}
	return cmd, nil
}

// Versions that gate keys and rules.
var (
	since12   = compat.MustParseVersion("12.0")
	since12_3 = compat.MustParseVersion("12.3")
	since14   = compat.MustParseVersion("14.0")
)

// validate checks u, the update at index i, against Apple's rules and returns each
// problem as a *KeyError, at most one per key (the first found is the one to fix),
// in the order of the keys in the update's dictionary, which the plist sorts. A
// rule that depends on a key with a problem (the InstallAction, the kind of
// update) is left unchecked, since it would only repeat that problem.
func (u Update) validate(i int, deviceOS compat.Version) []error {
	var errs []error
	var named []string
	add := func(key string, err error) {
		if slices.Contains(named, key) {
			return
		}
		named = append(named, key)
		errs = append(errs, &KeyError{
			Key: fmt.Sprintf("Command.Updates[%d].%s", i, key),
			Err: fmt.Errorf("mdmcmd: ScheduleOSUpdate: Updates[%d].%w", i, err),
		})
	}
	bad := func(key, rule string, args ...any) {
		add(key, fmt.Errorf("%s: %s: %w", key, fmt.Sprintf(rule, args...), ErrInvalidCommand))
	}
	known := deviceOS.IsValid()
	below := func(v compat.Version) bool { return known && deviceOS.Compare(v) < 0 }

	since, action := u.InstallAction.since() // action: one of Apple's, so the rules on it apply
	switch {
	case u.InstallAction == "":
		bad("InstallAction", "missing")
	case !action:
		bad("InstallAction", "%s is not one of Default, DownloadOnly, InstallASAP, NotifyOnly, InstallLater, InstallForceRestart", errtext.Quote(string(u.InstallAction)))
	case below(since):
		bad("InstallAction", "%s needs macOS %v, the Mac runs %v", u.InstallAction, since, deviceOS)
	}
	if u.ProductKey == "" && !u.ProductVersion.IsValid() {
		bad("ProductKey", "ProductKey or ProductVersion is required")
	}
	if err := checkWireText("ProductKey", u.ProductKey); err != nil {
		add("ProductKey", err)
	}
	kind, kindKey, err := u.kind(deviceOS)
	sure := err == nil // the kind is known, or known to be unknown, so the rules on it apply
	if !sure {
		add(kindKey, err)
	}
	if u.ProductVersion.IsValid() {
		switch {
		case u.ProductVersion.RSR() != 0 || sure && kind == compat.RSR:
			bad("ProductVersion", "%v: not available for rapid security responses; use the ProductKey from AvailableOSUpdates", u.ProductVersion)
		case below(since12):
			bad("ProductVersion", "needs macOS 12.0, the Mac runs %v; use the ProductKey", deviceOS)
		}
	}
	if sure && kind == compat.RSR && u.ProductKey == "" {
		bad("ProductKey", "a rapid security response needs the ProductKey from AvailableOSUpdates")
	}
	if u.MaxUserDeferrals != 0 {
		switch {
		case u.MaxUserDeferrals < 0:
			bad("MaxUserDeferrals", "%d: want at least 1", u.MaxUserDeferrals)
		case action && u.InstallAction != InstallLater:
			bad("MaxUserDeferrals", "only with InstallLater, not %s", u.InstallAction)
		case sure && kind != compat.Minor:
			bad("MaxUserDeferrals", "only for minor updates, not %s", kindName(kind))
		case below(since12):
			bad("MaxUserDeferrals", "needs macOS 12.0, the Mac runs %v", deviceOS)
		}
	}
	if u.Priority != "" {
		switch {
		case !u.Priority.IsValid():
			bad("Priority", "%s: want Low or High", errtext.Quote(string(u.Priority)))
		case sure && kind != compat.Minor:
			bad("Priority", "only for minor updates, not %s", kindName(kind))
		case below(since12_3):
			bad("Priority", "needs macOS 12.3, the Mac runs %v", deviceOS)
		}
	}
	if u.InstallAction == NotifyOnly || u.InstallAction == InstallLater {
		switch {
		case u.AllowsInstallLater == compat.FlagFalse:
			bad("InstallAction", "%s is not accepted: the update's AvailableOSUpdates item says AllowsInstallLater false (the Mac answers error 12008)", u.InstallAction)
		case u.AllowsInstallLater == compat.FlagUnknown && sure && kind == compat.Major && (!known || below(since14)):
			bad("InstallAction", "%s is not accepted for a major upgrade before macOS 14 (the Mac answers error 12008)", u.InstallAction)
		}
	}
	slices.SortStableFunc(errs, func(a, b error) int { return strings.Compare(a.(*KeyError).Key, b.(*KeyError).Key) })
	return errs
}

// kind returns the kind of update u is, NoUpdate when it cannot be told, or the
// key that makes it wrong and why (its message starts with the key).
func (u Update) kind(deviceOS compat.Version) (kind compat.Kind, key string, err error) {
	if u.Kind != compat.NoUpdate {
		if !u.Kind.IsValid() {
			return 0, "Kind", fmt.Errorf("%s: %v: %w", "Kind", u.Kind, ErrInvalidCommand)
		}
		return u.Kind, "", nil
	}
	if u.ProductVersion.IsValid() && deviceOS.IsValid() {
		k, err := compat.KindOf(deviceOS, u.ProductVersion)
		switch {
		case errors.Is(err, compat.ErrDowngrade):
			return 0, "ProductVersion", fmt.Errorf("%s: %v is older than the Mac's %v: %w: %w", "ProductVersion", u.ProductVersion, deviceOS, ErrInvalidCommand, compat.ErrDowngrade)
		case k == compat.NoUpdate:
			return 0, "ProductVersion", fmt.Errorf("%s: the Mac already runs %v: %w", "ProductVersion", deviceOS, ErrInvalidCommand)
		}
		return k, "", nil
	}
	return ParseProductKey(u.ProductKey).Kind, "", nil
}

// kindName names a kind in messages, "an update of unknown kind" for NoUpdate.
func kindName(k compat.Kind) string {
	if k == compat.NoUpdate {
		return "an update of unknown kind (set Update.Kind)"
	}
	return k.String()
}

func (u Update) wire() wireUpdate {
	w := wireUpdate{
		InstallAction:    string(u.InstallAction),
		MaxUserDeferrals: int64(u.MaxUserDeferrals),
		Priority:         string(u.Priority),
		ProductKey:       u.ProductKey,
	}
	if u.ProductVersion.IsValid() {
		w.ProductVersion = u.ProductVersion.String()
	}
	return w
}

type wireSchedule struct {
	RequestType string       `plist:"RequestType"`
	Updates     []wireUpdate `plist:"Updates"`
}

type wireUpdate struct {
	InstallAction    string `plist:"InstallAction"`
	MaxUserDeferrals int64  `plist:"MaxUserDeferrals,omitempty"`
	Priority         string `plist:"Priority,omitempty"`
	ProductKey       string `plist:"ProductKey,omitempty"`
	ProductVersion   string `plist:"ProductVersion,omitempty"`
}
