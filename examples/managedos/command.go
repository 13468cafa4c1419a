package main

import (
	"crypto/rand"
	"flag"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/mdmcmd"
)

func runCommand(e *env, args []string) error {
	fs := e.flags("command", "-target V | -product-key K [-action A] [-max-deferrals N] [-priority P] [-uuid U] [-chip C -current V]")
	target := fs.String("target", "", "the macOS version to install (ProductVersion)")
	productKey := fs.String("product-key", "", "the update's ProductKey from AvailableOSUpdates")
	action := fs.String("action", string(mdmcmd.InstallASAP), "the InstallAction: Default, DownloadOnly, InstallASAP, NotifyOnly, InstallLater or InstallForceRestart")
	maxDeferrals := fs.Int("max-deferrals", 0, "MaxUserDeferrals, at least 1, with -action InstallLater on a minor update (default: not sent)")
	priority := fs.String("priority", "", "Low or High, on a minor update (default: not sent)")
	uuid := fs.String("uuid", "", "the CommandUUID (default: a fresh random UUID)")
	chip := fs.String("chip", "", "with -current: resolve first and refuse a Mac whose delivery is not MDM commands")
	current := fs.String("current", "", "with -chip: the Mac's macOS version now")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if *target == "" && *productKey == "" {
		fs.Usage()
		return usageError{"missing -target or -product-key"}
	}
	if err := requireTogether(fs, "chip", "current"); err != nil {
		return err
	}
	if *chip != "" && *target == "" {
		fs.Usage()
		return usageError{"-chip and -current need -target"}
	}
	if err := checkGiven(fs, *maxDeferrals, *priority); err != nil {
		return err
	}
	if *uuid == "" {
		*uuid = newUUID()
	}
	var (
		cmd mdmcmd.Command
		err error
	)
	if *chip != "" {
		var d compat.Decision
		if d, err = resolveFlags(*chip, *current, *target); err != nil {
			return err
		}
		cmd, err = mdmcmd.FromDecision(d, mdmcmd.Options{
			UUID: *uuid, ProductKey: *productKey, Action: mdmcmd.InstallAction(*action),
			MaxUserDeferrals: *maxDeferrals, Priority: mdmcmd.Priority(*priority),
		})
	} else {
		u := mdmcmd.Update{ProductKey: *productKey, InstallAction: mdmcmd.InstallAction(*action), MaxUserDeferrals: *maxDeferrals, Priority: mdmcmd.Priority(*priority)}
		if *target != "" {
			if u.ProductVersion, err = compat.ParseVersion(*target); err != nil {
				return fmt.Errorf("-target: %w", err)
			}
		}
		cmd, err = mdmcmd.NewScheduleOSUpdate(*uuid, compat.Version{}, u)
	}
	if err != nil {
		return err
	}
	b, err := cmd.Plist()
	if err != nil {
		return err
	}
	if e.json {
		return e.writeJSON(struct {
			CommandUUID string `json:"command_uuid"`
			RequestType string `json:"request_type"`
			Plist       string `json:"plist"`
		}{cmd.UUID(), cmd.RequestType(), string(b)})
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", b)
	return err
}

// checkGiven refuses optional flags given with a value that would leave the key out:
// -max-deferrals 0 (Apple needs at least 1; leave the flag out for no limit key) and
// an empty -priority. Flags not given stay absent from the command.
func checkGiven(fs *flag.FlagSet, maxDeferrals int, priority string) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		switch {
		case err != nil:
		case f.Name == "max-deferrals" && maxDeferrals < 1:
			err = fmt.Errorf("-max-deferrals %d: MaxUserDeferrals: want at least 1 (leave the flag out to send none): %w", maxDeferrals, mdmcmd.ErrInvalidCommand)
		case f.Name == "priority" && !mdmcmd.Priority(priority).IsValid():
			err = fmt.Errorf("-priority %s: Priority: want Low or High (leave the flag out to send none): %w", errtext.Quote(priority), mdmcmd.ErrInvalidCommand)
		}
	})
	return err
}

// newUUID returns a random (version 4) UUID in upper case, as MDM servers write them.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%X-%X-%X-%X-%X", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
