package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTableTakesTheMedianOfEachMetric(t *testing.T) {
	in := `goos: linux
BenchmarkParseVersion-2   	80000000	        15.1 ns/op	       0 B/op	       0 allocs/op
BenchmarkParseVersion-2   	80000000	        14.2 ns/op	       0 B/op	       0 allocs/op
BenchmarkParseVersion-2   	80000000	        19.0 ns/op	       0 B/op	       0 allocs/op
BenchmarkPlanStream-2     	       5	 204000682 ns/op	      2040 ns/device	21167161 B/op	  192013 allocs/op
PASS
`
	var out strings.Builder
	require.NoError(t, table(strings.NewReader(in), &out))
	assert.Equal(t, "| benchmark | runs | median |\n| --- | ---: | --- |\n"+
		"| `BenchmarkParseVersion` | 3 | 15.1 ns/op, 0 B/op, 0 allocs/op |\n"+
		"| `BenchmarkPlanStream` | 1 | 204,000,682 ns/op, 2,040 ns/device, 21,167,161 B/op, 192,013 allocs/op |\n", out.String())
}

func TestTableRefusesAMetricThatIsNotANumber(t *testing.T) {
	var out strings.Builder
	assert.Error(t, table(strings.NewReader("BenchmarkX-2 10 fast ns/op\n"), &out))
}

func TestTableKeepsApartBenchmarksOfTheSameNameInTwoPackages(t *testing.T) {
	in := `pkg: github.com/managedos/managedos/compat
BenchmarkParse-2   	100	        10.0 ns/op
BenchmarkOnly-2   	100	        1.00 ns/op
pkg: github.com/managedos/managedos/mdmcmd
BenchmarkParse-2   	100	        500 ns/op
`
	var out strings.Builder
	require.NoError(t, table(strings.NewReader(in), &out))
	assert.Equal(t, "| benchmark | runs | median |\n| --- | ---: | --- |\n"+
		"| `compat.BenchmarkParse` | 1 | 10 ns/op |\n"+
		"| `BenchmarkOnly` | 1 | 1 ns/op |\n"+
		"| `mdmcmd.BenchmarkParse` | 1 | 500 ns/op |\n", out.String())
}
