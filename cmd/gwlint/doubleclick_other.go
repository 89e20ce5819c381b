//go:build !windows

package main

import (
	"os/exec"
	"runtime"
)

// startedFromExplorer is false outside Windows: there a program started
// with no arguments prints its usage.
func startedFromExplorer() bool { return false }

// openBrowser opens url with the desktop's default browser.
func openBrowser(url string) error {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	cmd := exec.Command(name, url)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the browser outlives the opener anyway
	return nil
}
