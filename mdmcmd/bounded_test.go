package mdmcmd

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
)

// TestEveryErrorStaysSmallWhateverTheValue feeds a value of 100 KB to each entry
// point that reads or builds from outside text, at every key it reads: the error
// is there and its message stays under 1 KB. 5,000 bad updates or items give at
// most errtext.MaxErrors problems of that size and a count: under 2 KB.
func TestEveryErrorStaysSmallWhateverTheValue(t *testing.T) {
	huge := strings.Repeat("x", 100<<10)
	control := huge + "\x01"         // text a plist cannot carry
	long := strings.Repeat("y", 200) // for lists of 5,000
	digits := strings.Repeat("9", 100<<10)
	opts := ParseOptions{Limits: compat.Limits{MaxBytes: 16 << 20, MaxStringBytes: 1 << 20, MaxElements: 1 << 20}}
	v := compat.MustParseVersion
	update := Update{ProductVersion: v("14.4"), InstallAction: InstallASAP}
	with := func(change func(*Update)) Update { u := update; change(&u); return u }
	str := func(key, value string) string { return `<key>` + key + `</key><string>` + value + `</string>` }
	command := func(requestType, rest string) []byte {
		return []byte(`<plist><dict>` + str("CommandUUID", "u") + `<key>Command</key><dict>` + str("RequestType", requestType) + rest + `</dict></dict></plist>`)
	}
	schedule := func(updates string) []byte {
		return command("ScheduleOSUpdate", `<key>Updates</key><array>`+updates+`</array>`)
	}
	oneUpdate := func(key, value string) []byte {
		return schedule(`<dict>` + str("InstallAction", "InstallASAP") + str("ProductVersion", "14.4") + str(key, value) + `</dict>`)
	}
	answer := func(rest string) []byte {
		return []byte(`<plist><dict>` + str("CommandUUID", "u") + str("Status", "Acknowledged") + rest + `</dict></plist>`)
	}
	items := func(key, item string) []byte {
		return answer(`<key>` + key + `</key><array>` + strings.Repeat(`<dict>`+item+`</dict>`, 5000) + `</array>`)
	}
	parse := func(data []byte) func(*testing.T) error {
		return func(*testing.T) error { _, err := opts.ParseCommand(data); return err }
	}
	validate := func(data []byte) func(*testing.T) error {
		return func(t *testing.T) error {
			c, err := opts.ParseCommand(data)
			require.NoError(t, err)
			return c.Validate(compat.Version{})
		}
	}
	parseAnswer := func(data []byte) func(*testing.T) error {
		return func(*testing.T) error { _, err := opts.ParseAnswer(data); return err }
	}
	const one, many = 1 << 10, 2 << 10
	tests := []struct {
		name string
		call func(t *testing.T) error
		max  int
	}{
		{"NewScheduleOSUpdate UUID", func(*testing.T) error { _, err := NewScheduleOSUpdate(control, compat.Version{}, update); return err }, one},
		{"NewScheduleOSUpdate InstallAction", func(*testing.T) error {
			_, err := NewScheduleOSUpdate("u", compat.Version{}, with(func(u *Update) { u.InstallAction = InstallAction(huge) }))
			return err
		}, one},
		{"NewScheduleOSUpdate ProductKey", func(*testing.T) error {
			_, err := NewScheduleOSUpdate("u", compat.Version{}, with(func(u *Update) { u.ProductKey = control }))
			return err
		}, one},
		{"NewScheduleOSUpdate Priority", func(*testing.T) error {
			_, err := NewScheduleOSUpdate("u", compat.Version{}, with(func(u *Update) { u.Priority = Priority(huge) }))
			return err
		}, one},
		{"NewScheduleOSUpdate 5,000 bad updates", func(*testing.T) error {
			bad := with(func(u *Update) {
				u.InstallAction, u.ProductKey, u.Priority = InstallAction(huge), control, Priority(huge)
			})
			_, err := NewScheduleOSUpdate(control, compat.Version{}, slices.Repeat([]Update{bad}, 5000)...)
			return err
		}, many},
		{"NewScheduleOSUpdateScan UUID", func(*testing.T) error {
			_, err := NewScheduleOSUpdateScan(control, compat.Version{}, false)
			return err
		}, one},
		{"NewOSUpdateStatus UUID", func(*testing.T) error { _, err := NewOSUpdateStatus(control, compat.Version{}); return err }, one},
		{"NewAvailableOSUpdates UUID", func(*testing.T) error { _, err := NewAvailableOSUpdates(control, compat.Version{}); return err }, one},
		{"NewDeviceInformation UUID", func(*testing.T) error { _, err := NewDeviceInformation(control); return err }, one},
		{"FromDecision Action", func(t *testing.T) error {
			d, err := compat.Resolve(compat.AppleSilicon, v("13.6"), v("14.4"))
			require.NoError(t, err)
			_, err = FromDecision(d, Options{UUID: "u", Action: InstallAction(huge)})
			return err
		}, one},
		{"FromDecision Available", func(t *testing.T) error {
			d, err := compat.Resolve(compat.AppleSilicon, v("13.6"), v("14.4"))
			require.NoError(t, err)
			_, err = FromDecision(d, Options{UUID: "u", Available: &AvailableOSUpdate{ProductKey: huge, IsConfigDataUpdate: compat.FlagTrue}})
			return err
		}, one},
		{"NewSoftwareUpdateRequired Message", func(*testing.T) error {
			_, err := NewSoftwareUpdateRequired(v("15.7.9"), compat.Build{}, RequiredOptions{Message: control})
			return err
		}, one},
		{"ParseCommand a UUID", parse([]byte(`<plist><dict><key>CommandUUID</key><integer>` + digits + `</integer><key>Command</key><dict>` + str("RequestType", huge) + `</dict></dict></plist>`)), one},
		{"ParseCommand a request type", parse([]byte(`<plist><dict>` + str("CommandUUID", "u") + `<key>Command</key><dict><key>RequestType</key><integer>` + digits + `</integer></dict></dict></plist>`)), one},
		{"ParseCommand a product version", parse(oneUpdate("ProductVersion", huge)), one},
		{"ParseCommand 5,000 mistyped updates", parse(schedule(strings.Repeat(`<dict><key>InstallAction</key><true/></dict>`, 5000))), many},
		{"ParseCommand 5,000 mistyped queries", parse(command("DeviceInformation", `<key>Queries</key><array>`+strings.Repeat("<true/>", 5000)+`</array>`)), many},
		{"CommandContent.Validate a UUID", func(*testing.T) error {
			return CommandContent{UUID: control, RequestType: "OSUpdateStatus"}.Validate(compat.Version{})
		}, one},
		{"CommandContent.Validate an install action", validate(oneUpdate("InstallAction", huge)), one},
		{"CommandContent.Validate a product key", func(*testing.T) error {
			return CommandContent{UUID: "u", RequestType: "ScheduleOSUpdate", Updates: []Update{with(func(u *Update) { u.ProductKey = control })}}.Validate(compat.Version{})
		}, one},
		{"CommandContent.Validate a priority", validate(oneUpdate("Priority", huge)), one},
		{"CommandContent.Validate 5,000 bad updates", validate(schedule(strings.Repeat(`<dict>`+str("InstallAction", long)+str("ProductKey", long)+str("Priority", long)+`</dict>`, 5000))), many},
		{"ParseAnswer a status", parseAnswer([]byte(`<plist><dict>` + str("CommandUUID", huge) + `<key>Status</key><integer>` + digits + `</integer></dict></plist>`)), one},
		{"ParseAnswer 5,000 error chain items", parseAnswer(items("ErrorChain", str("ErrorDomain", long)+str("ErrorCode", long))), many},
		{"ParseAnswer 5,000 update results", parseAnswer(items("UpdateResults", str("ProductKey", long)+str("InstallAction", long))), many},
		{"ParseAnswer 5,000 status items", parseAnswer(items("OSUpdateStatus", str("ProductKey", long)+str("DownloadPercentComplete", long))), many},
		{"ParseAnswer 5,000 available updates", parseAnswer(items("AvailableOSUpdates", str("ProductKey", long)+str("Version", long)+str("IsCritical", long))), many},
		{"ParseAnswer device information", parseAnswer(answer(`<key>QueryResponses</key><dict>` + str("OSVersion", huge) + str("IsAppleSilicon", huge) + `</dict>`)), one},
		{"ParseMachineInfo", func(*testing.T) error {
			_, err := opts.ParseMachineInfo([]byte(`<plist><dict>` + str("OS_VERSION", huge) + str("VERSION", huge) + str("SUPPLEMENTAL_OS_VERSION_EXTRA", huge) + str("SUPPLEMENTAL_BUILD_VERSION", huge) + str("PRODUCT", huge) + `</dict></plist>`))
			return err
		}, one},
		{"ParseSoftwareUpdateRequired", func(*testing.T) error {
			_, err := opts.ParseSoftwareUpdateRequired([]byte(`{"code":"` + huge + `","details":{"OSVersion":"` + huge + `","BuildVersion":"` + huge + `"}}`))
			return err
		}, one},
		{"SoftwareUpdateRequired.UnmarshalJSON", func(*testing.T) error {
			var r SoftwareUpdateRequired
			return r.UnmarshalJSON([]byte(`{"code":"com.apple.softwareupdate.required","details":{"OSVersion":` + digits + `}}`))
		}, one},
		{"DeviceInformation.Mac", func(*testing.T) error {
			_, err := DeviceInformation{OSVersion: huge, BuildVersion: huge, ProductName: huge}.Mac()
			return err
		}, one},
		{"Command.UnmarshalJSON values", func(*testing.T) error {
			var c Command
			return c.UnmarshalJSON([]byte(`{"command_uuid":"` + huge + `","request_type":"` + huge + `","plist":"` + huge + `"}`))
		}, one},
		{"Command.UnmarshalJSON keys", func(*testing.T) error {
			var c Command
			return c.UnmarshalJSON([]byte(`{` + strings.Repeat(`"`+huge[:1000]+`":1,`, 100) + `"command_uuid":` + digits + `}`))
		}, many},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call(t)
			require.Error(t, err)
			assert.Less(t, len(err.Error()), tt.max, "%.300s", err)
		})
	}
}
