package compat

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"howett.net/plist"
)

const xmlProlog = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
`

func TestCheckPlistAcceptsXMLAsAppleAndDecodersWriteIt(t *testing.T) {
	for name, doc := range map[string]string{
		"apple's prolog":             xmlProlog + `<plist version="1.0"><dict><key>Status</key><string>Idle</string></dict></plist>`,
		"byte order mark and space":  "\xEF\xBB\xBF \n\t<plist><true/></plist>",
		"a bare value":               `<dict><key>a</key><array><integer>1</integer><real>0.5</real><date>2026-01-01T00:00:00Z</date><data>AAEC</data><false/></array></dict>`,
		"empty containers":           `<plist><array><array/><dict/><dict></dict><string/></array></plist>`,
		"empty plist":                `<plist/>`,
		"comments everywhere":        `<!-- a --><plist><!-- b --><dict><!----><key>k<!-- in a key --></key><string>v</string></dict></plist>`,
		"CDATA in a string":          `<plist><string><![CDATA[<array><array>]]></string></plist>`,
		"processing instructions":    `<?xml version="1.0"?><?other x?><plist><?inside?><string>a</string></plist>`,
		"quoted > in attributes":     `<plist version=">" other='a>b'><string a = "x">v</string></plist>`,
		"internal DTD subset":        `<!DOCTYPE plist [ <!ENTITY x "y>"> <!-- > --> <!ELEMENT plist ANY> ]><plist><string>a</string></plist>`,
		"entities":                   `<plist><string>&lt;&amp;&#x41;&#66;</string></plist>`,
		"after the first value":      `<plist><string>a</string></plist>anything <array> at all`,
		"unclosed plist after value": `<plist><string>a</string>`,
	} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, Limits{}.CheckPlist([]byte(doc)))
			var v any
			format, err := plist.Unmarshal([]byte(doc), &v)
			require.NoError(t, err, "howett.net/plist reads it too")
			assert.Equal(t, plist.XMLFormat, format)
		})
	}
}

func TestCheckPlistRefusesWhatIsNotAnXMLPlist(t *testing.T) {
	for _, tt := range []struct {
		name, doc, says string
	}{
		{"empty", "", "not an XML or binary property list"},
		{"OpenStep text", "((((", "not an XML or binary property list"},
		{"OpenStep string", "hello", "not an XML or binary property list"},
		{"text before the root", "x<plist/>", "not an XML or binary property list"},
		{"text after the prolog", `<?xml version="1.0"?>x<plist/>`, "text before the first element"},
		{"CDATA before the root", `<![CDATA[x]]><plist/>`, "text before the first element"},
		{"UTF-16", "\xFF\xFE<\x00p\x00", "not an XML or binary property list"},
		{"UTF-16 without a mark", "<\x00(\x00", "XML plist at byte 0"},
		{"GNUStep value", "<*I5>", `unknown element <"*I5">`},
		{"HTML", "<!DOCTYPE html><html></html>", `unknown element <"html">`},
		{"a key first", "<key>a</key>", "<key> outside a dictionary"},
		{"a key in an array", "<array><key>a</key></array>", "<key> outside a dictionary"},
		{"an element in a string", "<plist><string>a<b/></string></plist>", `element <"b"> inside <string>`},
		{"a plist in a value", "<array><plist/></array>", "<plist> inside the document"},
		{"a namespaced element", "<plist><x:array/></plist>", `unknown element <"x:array">`},
		{"mismatched end tag", "<array></dict>", `unexpected end tag </"dict">`},
		{"leaf closed by another", "<plist><string>a</key></plist>", `<string> closed by </"key">`},
		{"cut short in a value", "<plist><array><string>abc", "cut short"},
		{"cut short after <", "<plist><array><", "cut short after <"},
		{"cut short in a tag", `<plist><array a="1`, "cut short: attribute value not closed"},
		{"cut short in a comment", "<plist><!-- x", "cut short: comment not closed"},
		{"-- in a comment", "<plist><!-- a -- b --><true/></plist>", `"--" inside a comment`},
		{"cut short in CDATA", "<plist><string><![CDATA[x", "CDATA section not closed"},
		{"cut short in a directive", "<!DOCTYPE plist [ <!ENTITY x '>", "directive not closed"},
		{"cut short in a PI", "<?xml version", "processing instruction not closed"},
		{"<!- alone", "<plist><!-x><true/></plist>", "neither a comment nor a CDATA section"},
		{"unquoted attribute", "<plist a=b><true/></plist>", "attribute value not quoted"},
		{"attribute without value", "<plist a><true/></plist>", "attribute without a value"},
		{"slash inside a tag", "<plist><true / ></plist>", "expected /> in a tag"},
		{"end tag not closed", "<plist><true></true x></plist>", "end tag not closed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Limits{}.CheckPlist([]byte(tt.doc))
			require.ErrorIs(t, err, ErrMalformed)
			assert.NotErrorIs(t, err, ErrTooLarge)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}

func TestCheckPlistXMLLimitsAreExact(t *testing.T) {
	nested := func(n int) string {
		return "<plist>" + strings.Repeat("<array>", n) + strings.Repeat("</array>", n) + "</plist>"
	}
	trues := func(n int) string { return "<array>" + strings.Repeat("<true/>", n-1) + "</array>" }
	str := func(s string) string { return "<plist><dict><key>k</key><string>" + s + "</string></dict></plist>" }
	for _, tt := range []struct {
		name   string
		limits Limits
		ok     string
		over   string
		says   string
	}{
		{"depth", Limits{MaxDepth: 3}, nested(3), nested(4), "depth 4 over MaxDepth 3"},
		{"self-closing containers count", Limits{MaxDepth: 1}, "<array/>", "<array><array/></array>", "depth 2 over MaxDepth 1"},
		{"elements", Limits{MaxElements: 5}, trues(5), trues(6), "6 elements over MaxElements 5"},
		{"keys are elements", Limits{MaxElements: 3}, "<dict><key>a</key><true/></dict>", "<dict><key>a</key><true/><key>b</key></dict>", "4 elements over MaxElements 3"},
		{"string bytes as written", Limits{MaxStringBytes: 5}, str("&amp;"), str("&amp;x"), "<string> of 6 bytes over MaxStringBytes 5"},
		{"CDATA counts", Limits{MaxStringBytes: 5}, str("a<![CDATA[bcde]]>"), str("ab<![CDATA[cde]]>f"), "<string> of 6 bytes over MaxStringBytes 5"},
		{"key bytes", Limits{MaxStringBytes: 3}, "<dict><key>abc</key><true/></dict>", "<dict><key>abcd</key><true/></dict>", "<key> of 4 bytes over MaxStringBytes 3"},
		{"text between elements", Limits{MaxStringBytes: 3}, "<array>   <true/></array>", "<array>    <true/></array>", "text of 4 bytes over MaxStringBytes 3"},
		{"comments", Limits{MaxStringBytes: 12}, "<array><!--12345--></array>", "<array><!--123456--></array>", "comment of 13 bytes over MaxStringBytes 12"},
		{"input", Limits{MaxBytes: 8}, "<true/>", "<true/>  ", "input of 9 bytes over MaxBytes 8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.limits.CheckPlist([]byte(tt.ok)))
			err := tt.limits.CheckPlist([]byte(tt.over))
			require.ErrorIs(t, err, ErrTooLarge)
			assert.Contains(t, err.Error(), tt.says)
			var le *LimitError
			require.True(t, errors.As(err, &le))
		})
	}
}

func TestCheckPlistXMLErrorSaysWhere(t *testing.T) {
	doc := `<plist><dict><key>OSUpdateStatus</key><array><dict/><dict><key>ProductKey</key><string>` + strings.Repeat("x", 100) + `</string></dict></array></dict></plist>`
	err := Limits{MaxStringBytes: 99}.CheckPlist([]byte(doc))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, "compat: XML plist at byte 87 (OSUpdateStatus[1].ProductKey): <string> of 100 bytes over MaxStringBytes 99: too large", err.Error())
}

func TestCheckPlistXMLKeyPathStaysShort(t *testing.T) {
	var b strings.Builder
	b.WriteString("<plist>")
	for range 50 {
		b.WriteString("<dict><key>" + strings.Repeat("k", 1000) + "</key>")
	}
	b.WriteString("<true/>")
	err := Limits{MaxDepth: 40}.CheckPlist([]byte(b.String()))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Less(t, len(err.Error()), 500, err.Error())
	assert.Contains(t, err.Error(), "…")
}
