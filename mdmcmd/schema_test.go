package mdmcmd

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaSections returns the request and response halves of one of Apple's command
// schema files in testdata/schema.
func schemaSections(t *testing.T, name string) (request, response string) {
	t.Helper()
	b, err := os.ReadFile("testdata/schema/" + name)
	require.NoError(t, err)
	request, response, ok := strings.Cut(string(b), "\nresponsekeys:\n")
	require.True(t, ok, name)
	return request, response
}

// TestDeviceInformationKeysAreApples checks every key DeviceInformation asks for and
// reads against Apple's schema: each is a query key and a response key.
func TestDeviceInformationKeysAreApples(t *testing.T) {
	request, response := schemaSections(t, "information.device.yaml")
	for _, key := range DeviceInformationQueries() {
		assert.Contains(t, request, "\n    - key: "+key+"\n", "query %s", key)
		assert.Contains(t, response, "\n  - key: "+key+"\n", "response %s", key)
	}
	for _, key := range []string{"CatalogURL", "IsDefaultCatalog", "PreviousScanDate", "PreviousScanResult", "PerformPeriodicCheck",
		"AutoCheckEnabled", "BackgroundDownloadEnabled", "AutomaticAppInstallationEnabled", "AutomaticOSInstallationEnabled", "AutomaticSecurityUpdatesEnabled"} {
		assert.Contains(t, response, "\n    - key: "+key+"\n", "OSUpdateSettings %s", key)
	}
}

// TestAvailableOSUpdatesKeysAreApples checks every item key the parser reads against
// Apple's schema.
func TestAvailableOSUpdatesKeysAreApples(t *testing.T) {
	_, response := schemaSections(t, "system.update.available.yaml")
	for _, key := range []string{"ProductKey", "HumanReadableName", "Version", "Build", "DownloadSize", "InstallSize", "AppIdentifiersToClose",
		"IsCritical", "IsConfigDataUpdate", "IsFirmwareUpdate", "IsMajorOSUpdate", "RestartRequired", "AllowsInstallLater", "DeferredUntil",
		"RequiresBootstrapToken", "IsSecurityResponse", "SupplementalBuildVersion", "SupplementalOSVersionExtra", "MetadataURL"} {
		assert.Contains(t, response, "\n    - key: "+key+"\n", key)
	}
}
