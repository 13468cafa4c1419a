package compat

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// readTSV returns the rows of a tab-separated file in testdata, each of columns
// fields, leaving out empty lines and comment lines (starting with "#"); a header
// row, when the file has one, is the first row.
func readTSV(t *testing.T, path string, columns int) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		row := strings.Split(line, "\t")
		require.Lenf(t, row, columns, "%s: %q", path, line)
		rows = append(rows, row)
	}
	require.NoError(t, sc.Err())
	return rows
}
