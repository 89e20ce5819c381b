package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// Set by the release script with -ldflags "-X main.version=… -X
// main.commit=… -X main.date=…" when the build has no VCS stamp of its own
// (a build from a source archive); otherwise read from the build info.
var (
	version = ""
	commit  = ""
	date    = ""
)

// buildVersion is what `gwlint version` reports.
type buildVersion struct {
	Version  string // 0.1.0
	Commit   string // full revision, "" when unknown
	Date     string // commit time, RFC 3339, "" when unknown
	Modified bool   // built from a work tree with uncommitted changes
}

// currentVersion reads the stamped values, then the build info.
func currentVersion() buildVersion {
	info, _ := debug.ReadBuildInfo()
	return versionFrom(info, version, commit, date)
}

// versionFrom combines the -ldflags stamp with the build info. A go
// install of a published module carries its tag as Main.Version; a build
// in a checkout carries vcs.revision and vcs.time unless -buildvcs=false,
// as CI sets. Anything missing stays empty, never invented.
func versionFrom(info *debug.BuildInfo, stampVersion, stampCommit, stampDate string) buildVersion {
	v := buildVersion{Version: lint.Version, Commit: stampCommit, Date: stampDate}
	if stampVersion != "" {
		v.Version = strings.TrimPrefix(stampVersion, "v")
	}
	if info == nil {
		return v
	}
	if stampVersion == "" && strings.HasPrefix(info.Main.Version, "v") {
		// A module version (v0.1.0, or a pseudo-version of a commit).
		v.Version = strings.TrimPrefix(info.Main.Version, "v")
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if v.Commit == "" {
				v.Commit = s.Value
			}
		case "vcs.time":
			if v.Date == "" {
				v.Date = s.Value
			}
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String is the one line of `gwlint version` and `--version`.
func (v buildVersion) String() string {
	c := "提交未知"
	if v.Commit != "" {
		c = "提交 " + shortCommit(v.Commit)
		if v.Modified {
			c += "（含未提交的修改）"
		}
	}
	d := ""
	if v.Date != "" {
		d = "，" + v.Date
	}
	return fmt.Sprintf("%s（%s%s；%s，%s/%s）", v.Version, c, d, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func shortCommit(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}
