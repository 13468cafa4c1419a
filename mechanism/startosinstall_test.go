package mechanism

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInstallerAppNamesEveryKnownRelease(t *testing.T) {
	for _, tt := range []struct {
		major, minor int
		app          string
	}{
		{10, 13, "Install macOS High Sierra.app"}, {10, 15, "Install macOS Catalina.app"}, {11, 7, "Install macOS Big Sur.app"},
		{12, 0, "Install macOS Monterey.app"}, {13, 6, "Install macOS Ventura.app"}, {14, 2, "Install macOS Sonoma.app"},
		{15, 1, "Install macOS Sequoia.app"}, {26, 0, "Install macOS Tahoe.app"},
	} {
		app, err := InstallerApp(tt.major, tt.minor)
		require.NoError(t, err)
		assert.Equal(t, tt.app, app)
	}
	for _, r := range [][2]int{{10, 12}, {16, 0}, {27, 0}, {0, 0}} {
		_, err := InstallerApp(r[0], r[1])
		assert.ErrorIs(t, err, ErrStartOSInstall, r)
	}
}

func TestNewStartOSInstall(t *testing.T) {
	inv, err := NewStartOSInstall(Upgrade{Delivery: StartOSInstall, TargetMajor: 14, TargetMinor: 2}, StartOSInstallOptions{})
	require.NoError(t, err)
	assert.Equal(t, Invocation{
		App:  "Install macOS Sonoma.app",
		Path: "/Applications/Install macOS Sonoma.app/Contents/Resources/startosinstall",
		Args: []string{"--agreetolicense", "--forcequitapps", "--nointeraction"},
	}, inv)

	inv, err = NewStartOSInstall(Upgrade{Delivery: StartOSInstall, TargetMajor: 26}, StartOSInstallOptions{RebootDelay: 300, PIDToSignal: 4242, AllowRemoval: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"--agreetolicense", "--forcequitapps", "--nointeraction", "--rebootdelay", "300", "--pidtosignal", "4242", "--allowremoval"}, inv.Args)
}

func TestForceQuitAppsOnlyFromCatalina(t *testing.T) {
	for _, tt := range []struct {
		major, minor int
		args         []string
	}{
		{10, 13, []string{"--agreetolicense", "--nointeraction"}},
		{10, 14, []string{"--agreetolicense", "--nointeraction"}},
		{10, 15, []string{"--agreetolicense", "--forcequitapps", "--nointeraction"}},
		{11, 0, []string{"--agreetolicense", "--forcequitapps", "--nointeraction"}},
	} {
		inv, err := NewStartOSInstall(Upgrade{Delivery: StartOSInstall, TargetMajor: tt.major, TargetMinor: tt.minor}, StartOSInstallOptions{})
		require.NoError(t, err)
		assert.Equalf(t, tt.args, inv.Args, "macOS %d.%d", tt.major, tt.minor)
	}
}

func TestNewStartOSInstallRefuses(t *testing.T) {
	tests := []struct {
		name string
		u    Upgrade
		opts StartOSInstallOptions
		err  error
		says string
	}{
		{"apple silicon", Upgrade{Delivery: StartOSInstall, AppleSilicon: true, TargetMajor: 14}, StartOSInstallOptions{}, ErrStartOSInstall, "credentials"},
		{"an MDM decision", Upgrade{Delivery: MDMCommands, TargetMajor: 14}, StartOSInstallOptions{}, ErrWrongDelivery, "mdm-commands"},
		{"a DDM decision", Upgrade{Delivery: DDM, TargetMajor: 15}, StartOSInstallOptions{}, ErrWrongDelivery, "ddm"},
		{"unknown release", Upgrade{Delivery: StartOSInstall, TargetMajor: 27}, StartOSInstallOptions{}, ErrStartOSInstall, "macOS 27"},
		{"reboot delay too long", Upgrade{Delivery: StartOSInstall, TargetMajor: 14}, StartOSInstallOptions{RebootDelay: 301}, ErrStartOSInstall, "--rebootdelay 301"},
		{"negative pid", Upgrade{Delivery: StartOSInstall, TargetMajor: 14}, StartOSInstallOptions{PIDToSignal: -1}, ErrStartOSInstall, "--pidtosignal"},
		{"allow removal before Big Sur", Upgrade{Delivery: StartOSInstall, TargetMajor: 10, TargetMinor: 15}, StartOSInstallOptions{AllowRemoval: true}, ErrStartOSInstall, "10.15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv, err := NewStartOSInstall(tt.u, tt.opts)
			require.ErrorIs(t, err, tt.err)
			assert.Contains(t, err.Error(), tt.says)
			assert.Equal(t, Invocation{}, inv)
		})
	}
}
