package hostile

import (
	"bytes"
	"encoding/binary"
	"strings"
)

// An MDM answer around a body of keys, as a Mac would send it.
const (
	answerHead = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>CommandUUID</key>
	<string>hostile-1</string>
	<key>Status</key>
	<string>Acknowledged</string>
`
	answerTail = "</dict>\n</plist>\n"
)

func answer(body string) []byte { return []byte(answerHead + body + answerTail) }

// statusAnswer is an OSUpdateStatus answer with one item whose key is set to the
// raw plist value given (the other keys are valid).
func statusAnswer(key, value string) []byte {
	item := map[string]string{
		"DownloadPercentComplete": "<real>0.5</real>",
		"IsDownloaded":            "<false/>",
		"ProductKey":              "<string>MSU_UPDATE_22G120_patch_13.6_minor</string>",
		"Status":                  "<string>Downloading</string>",
	}
	item[key] = value
	var b strings.Builder
	b.WriteString("\t<key>OSUpdateStatus</key>\n\t<array>\n\t\t<dict>\n")
	for _, k := range []string{"DownloadPercentComplete", "IsDownloaded", "MaxDeferrals", "NextScheduledInstall", "ProductKey", "Status"} {
		if v, ok := item[k]; ok {
			b.WriteString("\t\t\t<key>" + k + "</key>\n\t\t\t" + v + "\n")
		}
	}
	b.WriteString("\t\t</dict>\n\t</array>\n")
	return answer(b.String())
}

// repeat returns s n times around head and tail.
func repeat(head, s string, n int, tail string) []byte {
	var b bytes.Buffer
	b.Grow(len(head) + len(s)*n + len(tail))
	b.WriteString(head)
	for range n {
		b.WriteString(s)
	}
	b.WriteString(tail)
	return b.Bytes()
}

// expansionBomb is a binary plist of levels arrays, each holding the next one
// width times: 4^48 elements once expanded, in about 400 bytes.
func expansionBomb(levels, width int) []byte {
	b := Bplist{OffSize: 2}
	for i := range levels {
		refs := make([]uint64, width)
		for j := range refs {
			refs[j] = uint64(i + 1)
		}
		b.Add(b.Array(refs...))
	}
	b.Add(Int(1))
	return b.Bytes(0)
}

// deepBinary is a binary plist of levels nested arrays.
func deepBinary(levels int) []byte {
	size := 1
	for levels+1 >= 1<<(8*size) {
		size++
	}
	b := Bplist{RefSize: size, OffSize: size + 1}
	for i := range levels {
		b.Add(b.Array(uint64(i + 1)))
	}
	b.Add(b.Array())
	return b.Bytes(0)
}

// binaryAnswer is a binary OSUpdateStatus answer whose OSUpdateStatus holds one
// shared integer n times.
func binaryAnswer(n int, offSize int) []byte {
	b := Bplist{OffSize: offSize}
	top := b.Add(nil)
	keys := []uint64{b.Add(ASCII("CommandUUID")), b.Add(ASCII("Status")), b.Add(ASCII("OSUpdateStatus"))}
	one := b.Add(Int(1))
	values := []uint64{b.Add(ASCII("hostile-1")), b.Add(ASCII("Acknowledged")), b.Add(b.ArrayRepeat(one, n))}
	b.Set(top, b.Dict(keys, values))
	return b.Bytes(top)
}

// patched returns data with fn applied to a copy.
func patched(data []byte, fn func([]byte) []byte) []byte { return fn(bytes.Clone(data)) }

// Plists returns the hostile plist cases, for mdmcmd.ParseAnswer and
// ParseCommand (and compat.Limits.CheckPlist).
func Plists() []Case {
	return []Case{
		{Name: "expansion_bomb.bplist", About: "48 arrays, each holding the next one 4 times: 4^48 elements once expanded, in 387 bytes", Want: TooLarge,
			Build: func() []byte { return expansionBomb(48, 4) }},
		{Name: "deep_binary_100.bplist", About: "100 nested arrays in a binary plist", Want: TooLarge,
			Build: func() []byte { return deepBinary(100) }},
		{Name: "deep_binary_200k.bplist", About: "200,000 nested arrays in a binary plist (quadratic in the decoder)", Want: TooLarge, Large: true,
			Build: func() []byte { return deepBinary(200_000) }},
		{Name: "deep_xml_100.plist", About: "100 nested arrays in XML", Want: TooLarge,
			Build: func() []byte {
				return repeat(answerHead+"<key>OSUpdateStatus</key>", "<array>", 100, strings.Repeat("</array>", 100)+answerTail)
			}},
		{Name: "deep_xml_1m.plist", About: "a million nested arrays in 15 MB of XML (a stack overflow in the decoder)", Want: TooLarge, Large: true,
			Build: func() []byte {
				return repeat("<plist>", "<array>", 1_000_000, strings.Repeat("</array>", 1_000_000)+"</plist>")
			}},
		{Name: "many_elements_xml.plist", About: "OSUpdateStatus of 1,048,577 `<true/>`: one element over MaxElements", Want: TooLarge, Large: true,
			Build: func() []byte {
				return repeat(answerHead+"<key>OSUpdateStatus</key><array>", "<true/>", 1<<20+1, "</array>"+answerTail)
			}},
		{Name: "huge_array_xml_5m.plist", About: "OSUpdateStatus of 5 million integers, 100 MB of XML", Want: TooLarge, Large: true,
			Build: func() []byte {
				return repeat(answerHead+"<key>OSUpdateStatus</key><array>", "<integer>1</integer>", 5_000_000, "</array>"+answerTail)
			}},
		{Name: "huge_array_binary_5m.bplist", About: "OSUpdateStatus holding one integer 5 million times, 5 MB of binary plist", Want: TooLarge, Large: true,
			Build: func() []byte { return binaryAnswer(5_000_000, 4) }},
		{Name: "long_string_xml.plist", About: "a CommandUUID of 2 MiB", Want: TooLarge, Large: true,
			Build: func() []byte {
				return repeat("<plist><dict><key>CommandUUID</key><string>", "x", 2<<20, "</string></dict></plist>")
			}},
		{Name: "long_string_binary.bplist", About: "a binary string of 2 MiB", Want: TooLarge, Large: true,
			Build: func() []byte {
				b := Bplist{}
				return b.Bytes(b.Add(ASCII(strings.Repeat("x", 2<<20))))
			}},
		{Name: "long_comment.plist", About: "a comment of 2 MiB inside the answer", Want: TooLarge, Large: true,
			Build: func() []byte { return repeat(answerHead+"<!--", "x", 2<<20, "-->"+answerTail) }},
		{Name: "cycle.bplist", About: "an array that holds itself", Want: Malformed,
			Build: func() []byte {
				b := Bplist{}
				return b.Bytes(b.Add(b.Array(0)))
			}},
		{Name: "cycle_dict.bplist", About: "a dictionary whose value is the dictionary", Want: Malformed,
			Build: func() []byte {
				b := Bplist{}
				top := b.Add(nil)
				b.Set(top, b.Dict([]uint64{b.Add(ASCII("Status"))}, []uint64{top}))
				return b.Bytes(top)
			}},
		{Name: "cycle_three.bplist", About: "three arrays in a ring", Want: Malformed,
			Build: func() []byte {
				b := Bplist{}
				b.Add(b.Array(1))
				b.Add(b.Array(2))
				b.Add(b.Array(0))
				return b.Bytes(0)
			}},
		{Name: "bad_offset.bplist", About: "an offset pointing into the trailer", Want: Malformed,
			Build: func() []byte {
				return patched(binaryAnswer(1, 1), func(d []byte) []byte {
					table := int(binary.BigEndian.Uint64(d[len(d)-8:]))
					d[table+1] = byte(len(d) - 4)
					return d
				})
			}},
		{Name: "table_larger_than_file.bplist", About: "a trailer claiming 2^40 objects", Want: Malformed,
			Build: func() []byte {
				return patched(binaryAnswer(1, 1), func(d []byte) []byte {
					binary.BigEndian.PutUint64(d[len(d)-24:], 1<<40)
					return d
				})
			}},
		{Name: "count_overflow.bplist", About: "an array claiming 2^63-1 entries", Want: Malformed,
			Build: func() []byte {
				b := Bplist{}
				return b.Bytes(b.Add(append([]byte{0xAF, 0x13}, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)))
			}},
		{Name: "bad_reference.bplist", About: "a reference to object 200 of 2", Want: Malformed,
			Build: func() []byte {
				b := Bplist{}
				top := b.Add(b.Array(200))
				b.Add(Int(1))
				return b.Bytes(top)
			}},
		{Name: "key_not_string.bplist", About: "a dictionary key that is an array", Want: Malformed,
			Build: func() []byte {
				b := Bplist{}
				top := b.Add(nil)
				b.Set(top, b.Dict([]uint64{b.Add(b.Array())}, []uint64{b.Add(Int(1))}))
				return b.Bytes(top)
			}},
		{Name: "unknown_object.bplist", About: "an object of type 0x70, which does not exist", Want: Malformed,
			Build: func() []byte {
				b := Bplist{}
				return b.Bytes(b.Add([]byte{0x70}))
			}},
		{Name: "bplist_version.bplist", About: `a binary plist of version "15"`, Want: Malformed,
			Build: func() []byte {
				return patched(binaryAnswer(1, 1), func(d []byte) []byte { d[6], d[7] = '1', '5'; return d })
			}},
		{Name: "truncated.bplist", About: "a binary answer cut in half", Want: Malformed,
			Build: func() []byte { d := binaryAnswer(3, 1); return d[:len(d)/2] }},
		{Name: "truncated.plist", About: "an XML answer cut in half", Want: Malformed,
			Build: func() []byte { d := statusAnswer("", ""); return d[:len(d)/2] }},
		{Name: "openstep_parens.txt", About: "50,000 OpenStep arrays opened: the text parser recurses", Want: Malformed,
			Build: func() []byte { return bytes.Repeat([]byte("("), 50_000) }},
		{Name: "utf16_openstep.txt", About: "OpenStep arrays in UTF-16, which the decoder would convert and parse", Want: Malformed,
			Build: func() []byte { return bytes.Repeat([]byte("(\x00"), 1000) }},
		{Name: "gnustep.txt", About: "a GNUStep typed value, `<*I5>`", Want: Malformed,
			Build: func() []byte { return []byte("<*I5>") }},
		{Name: "html.plist", About: "an HTML error page", Want: Malformed,
			Build: func() []byte { return []byte("<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>\n") }},
		{Name: "plist_in_array.plist", About: "`<plist>` elements nested inside values", Want: Malformed,
			Build: func() []byte { return repeat("<plist><array>", "<plist><array>", 100, "") }},
		{Name: "billion_laughs.plist", About: "entities declared in the DOCTYPE, which are never expanded", Want: Invalid,
			Build: func() []byte {
				return []byte(`<?xml version="1.0"?>
<!DOCTYPE plist [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<plist><dict><key>CommandUUID</key><string>&c;</string><key>Status</key><string>Acknowledged</string></dict></plist>
`)
			}},
		{Name: "non_utf8.plist", About: "a CommandUUID that is not UTF-8", Want: Invalid,
			Build: func() []byte {
				return []byte(strings.Replace(string(statusAnswer("", "")), "hostile-1", "hostile-\xff\xfe", 1))
			}},
		{Name: "nan.plist", About: "DownloadPercentComplete `<real>nan</real>`", Want: Invalid,
			Build: func() []byte { return statusAnswer("DownloadPercentComplete", "<real>nan</real>") }},
		{Name: "infinite.plist", About: "DownloadPercentComplete `<real>inf</real>`", Want: Invalid,
			Build: func() []byte { return statusAnswer("DownloadPercentComplete", "<real>inf</real>") }},
		{Name: "integer_out_of_range.plist", About: "MaxDeferrals of 2^64", Want: Invalid,
			Build: func() []byte { return statusAnswer("MaxDeferrals", "<integer>18446744073709551616</integer>") }},
		{Name: "date_in_string.plist", About: "NextScheduledInstall as a `<string>`", Want: Invalid,
			Build: func() []byte { return statusAnswer("NextScheduledInstall", "<string>2026-12-01T18:00:00Z</string>") }},
		{Name: "wrong_type.plist", About: "IsDownloaded as a `<string>`", Want: Invalid,
			Build: func() []byte { return statusAnswer("IsDownloaded", "<string>yes</string>") }},
	}
}
