package compat

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/internal/hostile"
)

func TestLimitsZeroFieldsMeanDefaults(t *testing.T) {
	assert.Equal(t, Limits{MaxBytes: DefaultMaxBytes, MaxDepth: DefaultMaxDepth, MaxElements: DefaultMaxElements, MaxStringBytes: DefaultMaxStringBytes}, Limits{}.WithDefaults())
	assert.Equal(t, Limits{MaxBytes: 1, MaxDepth: 2, MaxElements: 3, MaxStringBytes: 4}, Limits{MaxBytes: 1, MaxDepth: 2, MaxElements: 3, MaxStringBytes: 4}.WithDefaults())
	assert.Equal(t, Limits{}.WithDefaults(), Limits{MaxBytes: -1, MaxDepth: -1}.WithDefaults().WithDefaults())
}

func TestCheckSize(t *testing.T) {
	require.NoError(t, Limits{}.CheckSize(DefaultMaxBytes))
	err := Limits{}.CheckSize(DefaultMaxBytes + 1)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, "compat: input of 16777217 bytes over MaxBytes 16777216: too large", err.Error())
	var le *LimitError
	require.True(t, errors.As(err, &le))
	assert.Equal(t, LimitError{Limit: "MaxBytes", Max: DefaultMaxBytes, Got: DefaultMaxBytes + 1, What: "input"}, *le)
}

// TestHostileInputsAreRefusedInBoundedMemory runs every hostile case of the
// catalogue through the check: each one meant to be refused before decoding is,
// with the error it names, a small message, and little memory (the binary check
// keeps 24 bytes per object it reaches; the XML and JSON checks none).
func TestHostileInputsAreRefusedInBoundedMemory(t *testing.T) {
	type check struct {
		name  string
		cases []hostile.Case
		check func([]byte) error
	}
	for _, c := range []check{{"plist", hostile.Plists(), Limits{}.CheckPlist}, {"JSON", hostile.JSON(), Limits{}.CheckJSON}} {
		for _, tc := range c.cases {
			t.Run(c.name+"/"+tc.Name, func(t *testing.T) {
				data := tc.Build()
				var err error
				used := hostile.Allocated(func() { err = c.check(data) })
				switch tc.Want {
				case hostile.TooLarge:
					require.ErrorIs(t, err, ErrTooLarge)
				case hostile.Malformed:
					require.ErrorIs(t, err, ErrMalformed)
				default:
					require.NoError(t, err, "left for the decoder to refuse")
				}
				assert.Less(t, used, uint64(256<<10), "bytes allocated checking %d bytes", len(data))
				if err != nil {
					assert.Less(t, len(err.Error()), 512, err.Error())
				}
			})
		}
	}
}

func TestCheckingTextAllocatesNothing(t *testing.T) {
	xml := []byte(xmlProlog + `<plist version="1.0"><dict><key>OSUpdateStatus</key><array><dict><key>ProductKey</key><string>MSU_UPDATE_22G120_patch_13.6_minor</string></dict></array></dict></plist>`)
	json := []byte(`{"StatusItems":{"softwareupdate":{"install-state":"downloading","pending-version":{"os-version":"14.2.1"}}},"Errors":[]}`)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = Limits{}.CheckPlist(xml) }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = Limits{}.CheckJSON(json) }))
}

// TestErrorsStaySmallWhateverTheInput feeds every parser of this package a value
// of 100 MB: the message quotes a cut of it.
func TestErrorsStaySmallWhateverTheInput(t *testing.T) {
	huge := strings.Repeat("9", 100<<20)
	for name, parse := range map[string]func(string) error{
		"ParseVersion":      func(s string) error { _, err := ParseVersion(s); return err },
		"ParseVersionExtra": func(s string) error { _, err := ParseVersionExtra("13.4.1", s); return err },
		"ParseBuild":        func(s string) error { _, err := ParseBuild(s); return err },
		"ParseChip":         func(s string) error { _, err := ParseChip(s); return err },
		"ChipForModel":      func(s string) error { _, err := ChipForModel(s); return err },
		"Kind.UnmarshalText": func(s string) error {
			var k Kind
			return k.UnmarshalText([]byte(s))
		},
		"Prerequisites.UnmarshalText": func(s string) error {
			var p Prerequisites
			return p.UnmarshalText([]byte(s))
		},
	} {
		t.Run(name, func(t *testing.T) {
			err := parse(huge)
			require.Error(t, err)
			assert.Less(t, len(err.Error()), 1<<10, "%.200s", err.Error())
			assert.Contains(t, err.Error(), `99999999"…`)
		})
	}
}
