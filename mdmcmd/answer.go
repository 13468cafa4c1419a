package mdmcmd

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"howett.net/plist"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/mechanism"
)

// Result is the envelope of every MDM answer.
type Result struct {
	// UDID identifies the device; EnrollmentID replaces it for user enrollments.
	UDID         string `json:"udid,omitempty"`
	EnrollmentID string `json:"enrollment_id,omitempty"` // see UDID
	// CommandUUID is the command answered; empty when Status is Idle.
	CommandUUID string `json:"command_uuid,omitempty"`
	// RequestType is present in some answers.
	RequestType string `json:"request_type,omitempty"`
	Status      Status `json:"status"` // the answer's Status
	// ErrorChain explains an Error or CommandFormatError status, outermost first.
	ErrorChain []ErrorChainItem `json:"error_chain,omitempty"`
	// Raw is the answer as received.
	Raw []byte `json:"-"`
}

// ErrorChainItem is one error of an answer's ErrorChain.
type ErrorChainItem struct {
	ErrorCode            int64  `json:"code"`                             // the error code, such as 12008
	ErrorDomain          string `json:"domain"`                           // the error domain, such as MCMDMErrorDomain
	LocalizedDescription string `json:"description,omitempty"`            // the description in the device's language
	USEnglishDescription string `json:"us_english_description,omitempty"` // the description in US English, when sent
}

// Err returns nil when the Mac acknowledged the command (or, with Idle or NotNow,
// did not refuse it), and a *[CommandError] when it answered Error or
// CommandFormatError.
func (r *Result) Err() error {
	if r.Status != StatusError && r.Status != CommandFormatError {
		return nil
	}
	return &CommandError{CommandUUID: r.CommandUUID, Status: r.Status, Chain: r.ErrorChain}
}

// CommandError is a command the Mac refused, with its error chain. Match a specific
// cause with [CommandError.Has], such as Has("MCMDMErrorDomain", 12008) for an install
// action the update does not accept.
type CommandError struct {
	CommandUUID string           // the command refused
	Status      Status           // the answer's Status
	Chain       []ErrorChainItem // the answer's ErrorChain
}

// Error describes the refusal with each error of the chain as domain:code and its
// description. The text stays small: long values are cut, and a chain of more than
// errtext.MaxErrors errors ends with "and N more".
func (e *CommandError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "mdmcmd: command %s: %s", errtext.Quote(e.CommandUUID), errtext.Plain(string(e.Status)))
	for i, c := range e.Chain {
		if i == errtext.MaxErrors {
			fmt.Fprintf(&b, ": and %d more", len(e.Chain)-i)
			break
		}
		fmt.Fprintf(&b, ": %s:%d", errtext.Plain(c.ErrorDomain), c.ErrorCode)
		if c.LocalizedDescription != "" {
			fmt.Fprintf(&b, " %s", errtext.Plain(c.LocalizedDescription))
		}
	}
	return b.String()
}

// Has reports whether the chain holds an error with the domain and code.
func (e *CommandError) Has(domain string, code int64) bool {
	for _, c := range e.Chain {
		if c.ErrorDomain == domain && c.ErrorCode == code {
			return true
		}
	}
	return false
}

// UpdateResult is one entry of a ScheduleOSUpdate answer's UpdateResults.
type UpdateResult struct {
	ProductKey string `json:"product_key"` // the update's product key
	// InstallAction is what the Mac scheduled, ActionError when scheduling failed.
	InstallAction InstallAction    `json:"install_action"`
	Status        UpdateStatus     `json:"status"`                // the answer's Status
	ErrorChain    []ErrorChainItem `json:"error_chain,omitempty"` // why scheduling failed, when it did
}

// OSUpdateStatusItem is one entry of an OSUpdateStatus answer.
type OSUpdateStatusItem struct {
	ProductKey   string `json:"product_key"`   // the update's product key
	IsDownloaded bool   `json:"is_downloaded"` // whether the download finished
	// DownloadFraction is Apple's DownloadPercentComplete as the Mac sent it: despite
	// the key's name a fraction from 0.0 to 1.0 (0.503 is about half, 1 is done).
	// Multiply by 100 for a percentage, once.
	DownloadFraction float64      `json:"download_fraction"`
	Status           UpdateStatus `json:"status"` // the answer's Status
	// MaxDeferrals and DeferralsRemaining (macOS 12.3) are nil when not reported.
	MaxDeferrals       *int64 `json:"max_deferrals,omitempty"`
	DeferralsRemaining *int64 `json:"deferrals_remaining,omitempty"` // see MaxDeferrals
	// NextScheduledInstall (macOS 12.3) is the zero Time when not reported.
	NextScheduledInstall time.Time `json:"next_scheduled_install,omitzero"`
	// PastNotifications (macOS 12.3) lists when the user was told about the update.
	PastNotifications []time.Time `json:"past_notifications,omitempty"`
}

// Answer is any MDM answer to the commands of this package: the envelope and, when
// present, each command's response key. [ParseAnswer] fills what the answer holds.
type Answer struct {
	Result
	UpdateResults      []UpdateResult       `json:"update_results,omitempty"`       // ScheduleOSUpdate's response
	OSUpdateStatus     []OSUpdateStatusItem `json:"os_update_status,omitempty"`     // OSUpdateStatus's response
	AvailableOSUpdates []AvailableOSUpdate  `json:"available_os_updates,omitempty"` // AvailableOSUpdates's response
	DeviceInformation  *DeviceInformation   `json:"device_information,omitempty"`   // DeviceInformation's QueryResponses
	// ScanInitiated is the ScheduleOSUpdateScan answer, nil when absent.
	ScanInitiated *bool `json:"scan_initiated,omitempty"`
}

// ParseAnswer reads an MDM answer (an XML or binary plist) of any command of this
// package, within the default [compat.Limits]; it is ParseOptions{}.ParseAnswer.
// It fails with no answer, wrapping [ErrInvalidAnswer] and naming the key, when the
// input is not an XML or binary plist dictionary (also wrapping compat.ErrMalformed),
// is over a limit (also wrapping compat.ErrTooLarge), or when Status (or, unless
// Idle, CommandUUID) is missing or not a string. Otherwise it returns the answer with
// everything it could read and, joined, one error per problem (the first few, then
// "and N more"), each wrapping [ErrInvalidAnswer] and naming its key: an item of
// UpdateResults, OSUpdateStatus, AvailableOSUpdates or ErrorChain with a missing
// required key or a key of the wrong type is left out and reported while the other
// items are kept; a QueryResponses key of the wrong type is left empty and reported.
// Unknown keys are ignored and unknown enum values kept.
func ParseAnswer(data []byte) (*Answer, error) { return ParseOptions{}.ParseAnswer(data) }

// ParseAnswer is [ParseAnswer] within o.Limits, checked before anything is decoded.
func (o ParseOptions) ParseAnswer(data []byte) (*Answer, error) {
	top, err := o.decode(data, "answer")
	if err != nil {
		return nil, err
	}
	m, ok := top.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("mdmcmd: answer: want a dictionary, got %s: %w", plistType(top), ErrInvalidAnswer)
	}
	a, envelope, items := readAnswer(m)
	if envelope.Len() > 0 {
		return nil, fmt.Errorf("mdmcmd: answer: %w", envelope.Err())
	}
	a.Raw = bytes.Clone(data)
	if items.Len() > 0 {
		return a, fmt.Errorf("mdmcmd: answer: %w", items.Err())
	}
	return a, nil
}

// decode checks data against o.Limits, then decodes it into plain values, refusing
// every format but XML and binary.
func (o ParseOptions) decode(data []byte, what string) (any, error) {
	if err := o.Limits.CheckPlist(data); err != nil {
		return nil, fmt.Errorf("mdmcmd: %s: %w: %w", what, err, ErrInvalidAnswer)
	}
	var top any
	format, err := plist.Unmarshal(data, &top)
	if err != nil {
		return nil, fmt.Errorf("mdmcmd: %s: not a property list: %s: %w", what, errtext.Quote(err.Error()), ErrInvalidAnswer)
	}
	if format != plist.XMLFormat && format != plist.BinaryFormat {
		return nil, fmt.Errorf("mdmcmd: %s: %s property list: want XML or binary: %w", what, plist.FormatNames[format], ErrInvalidAnswer)
	}
	return top, nil
}

// parseFor reads an answer that must carry key when the Mac acknowledged it; an
// answer without it is returned with an error naming the key.
func (o ParseOptions) parseFor(data []byte, key string, present func(*Answer) bool) (*Answer, error) {
	a, err := o.ParseAnswer(data)
	if a == nil {
		return nil, err
	}
	if a.Status == Acknowledged && !present(a) {
		return a, errors.Join(err, fmt.Errorf("mdmcmd: answer: %s: missing: %w", key, ErrInvalidAnswer))
	}
	return a, err
}

// ParseScheduleOSUpdate reads a ScheduleOSUpdate answer: UpdateResults is required
// when the Mac acknowledged the command. It is ParseOptions{}.ParseScheduleOSUpdate.
func ParseScheduleOSUpdate(data []byte) (*Answer, error) {
	return ParseOptions{}.ParseScheduleOSUpdate(data)
}

// ParseScheduleOSUpdate is [ParseScheduleOSUpdate] within o.Limits.
func (o ParseOptions) ParseScheduleOSUpdate(data []byte) (*Answer, error) {
	return o.parseFor(data, "UpdateResults", func(a *Answer) bool { return a.UpdateResults != nil })
}

// ParseOSUpdateStatus reads an OSUpdateStatus answer: OSUpdateStatus is required
// when the Mac acknowledged the command. It is ParseOptions{}.ParseOSUpdateStatus.
func ParseOSUpdateStatus(data []byte) (*Answer, error) {
	return ParseOptions{}.ParseOSUpdateStatus(data)
}

// ParseOSUpdateStatus is [ParseOSUpdateStatus] within o.Limits.
func (o ParseOptions) ParseOSUpdateStatus(data []byte) (*Answer, error) {
	return o.parseFor(data, "OSUpdateStatus", func(a *Answer) bool { return a.OSUpdateStatus != nil })
}

// ParseAvailableOSUpdates reads an AvailableOSUpdates answer: AvailableOSUpdates is
// required when the Mac acknowledged the command. It is
// ParseOptions{}.ParseAvailableOSUpdates.
func ParseAvailableOSUpdates(data []byte) (*Answer, error) {
	return ParseOptions{}.ParseAvailableOSUpdates(data)
}

// ParseAvailableOSUpdates is [ParseAvailableOSUpdates] within o.Limits.
func (o ParseOptions) ParseAvailableOSUpdates(data []byte) (*Answer, error) {
	return o.parseFor(data, "AvailableOSUpdates", func(a *Answer) bool { return a.AvailableOSUpdates != nil })
}

// ParseDeviceInformation reads a DeviceInformation answer: QueryResponses is
// required when the Mac acknowledged the command. It is
// ParseOptions{}.ParseDeviceInformation.
func ParseDeviceInformation(data []byte) (*Answer, error) {
	return ParseOptions{}.ParseDeviceInformation(data)
}

// ParseDeviceInformation is [ParseDeviceInformation] within o.Limits.
func (o ParseOptions) ParseDeviceInformation(data []byte) (*Answer, error) {
	return o.parseFor(data, "QueryResponses", func(a *Answer) bool { return a.DeviceInformation != nil })
}

// readAnswer reads every key this package knows from an answer's top dictionary:
// envelope lists the problems that leave no answer (Status, CommandUUID), items the
// problems of the items and keys left out.
func readAnswer(m map[string]any) (a *Answer, envelope, items *errtext.Problems) {
	envelope, items = new(errtext.Problems), new(errtext.Problems)
	top := dict{m: m, errs: envelope}
	status := Status(top.str("Status", true))
	a = &Answer{Result: Result{
		CommandUUID: top.str("CommandUUID", status != Idle),
		Status:      status,
	}}
	d := dict{m: m, errs: items}
	a.UDID = d.str("UDID", false)
	a.EnrollmentID = d.str("EnrollmentID", false)
	a.RequestType = d.str("RequestType", false)
	a.ErrorChain = errorChain(d)
	if v, ok := d.boolean("ScanInitiated", false); ok {
		a.ScanInitiated = &v
	}
	a.UpdateResults, _ = readEach(d, "UpdateResults", func(u dict) UpdateResult {
		return UpdateResult{
			ProductKey:    u.str("ProductKey", true),
			InstallAction: InstallAction(u.str("InstallAction", true)),
			Status:        UpdateStatus(u.str("Status", true)),
			ErrorChain:    errorChain(u),
		}
	})
	a.OSUpdateStatus, _ = readEach(d, "OSUpdateStatus", readStatusItem)
	a.AvailableOSUpdates, _ = readEach(d, "AvailableOSUpdates", readAvailable)
	if q, ok := d.sub("QueryResponses", false); ok {
		info := readDeviceInformation(q)
		a.DeviceInformation = &info
	}
	return a, envelope, items
}

func readStatusItem(d dict) OSUpdateStatusItem {
	item := OSUpdateStatusItem{
		ProductKey:           d.str("ProductKey", true),
		DownloadFraction:     d.number("DownloadPercentComplete", true),
		Status:               UpdateStatus(d.str("Status", true)),
		NextScheduledInstall: d.date("NextScheduledInstall", false),
	}
	item.IsDownloaded, _ = d.boolean("IsDownloaded", true)
	if n, ok := d.integer("MaxDeferrals", false); ok {
		item.MaxDeferrals = &n
	}
	if n, ok := d.integer("DeferralsRemaining", false); ok {
		item.DeferralsRemaining = &n
	}
	if dates, ok := d.array("PastNotifications", false); ok {
		for i, x := range dates {
			t, ok := x.(time.Time)
			if !ok {
				d.fail(fmt.Sprintf("PastNotifications[%d]", i), "want a date, got %s", plistType(x))
				continue
			}
			item.PastNotifications = append(item.PastNotifications, t)
		}
	}
	return item
}

// errorChain reads the ErrorChain array of d, if any.
func errorChain(d dict) []ErrorChainItem {
	chain, _ := readEach(d, "ErrorChain", func(e dict) ErrorChainItem {
		code, _ := e.integer("ErrorCode", true)
		return ErrorChainItem{
			ErrorCode:            code,
			ErrorDomain:          e.str("ErrorDomain", true),
			LocalizedDescription: e.str("LocalizedDescription", false),
			USEnglishDescription: e.str("USEnglishDescription", false),
		}
	})
	if len(chain) == 0 {
		return nil
	}
	return chain
}

// Observation turns the item into an observation for compat's Tracker (or
// [mechanism.InferCache]), stamped with at, when the answer arrived. Its Target is
// the macOS version the product key names when the key names one (13.6.1 for
// MSU_UPDATE_22G313_patch_13.6.1_minor), so that a tracker of that version takes it,
// and the product key itself otherwise (a rapid security response, whose letter the
// key does not carry, or a catalogue key), which a tracker takes when it has the
// same key.
func (i OSUpdateStatusItem) Observation(at time.Time) mechanism.Observation {
	target := i.ProductKey
	if key := ParseProductKey(i.ProductKey); key.Version.IsValid() && key.Kind != compat.RSR {
		target = key.Version.String()
	}
	return mechanism.Observation{At: at, Target: target, Status: string(i.Status), Percent: i.DownloadFraction, HasPercent: true, Downloaded: i.IsDownloaded}
}
