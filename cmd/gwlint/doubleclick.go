package main

import (
	"bufio"
	"fmt"
	"io"
)

// doubleClicked reports whether gwlint was started as a program rather
// than a command: on Windows, with no arguments, from Explorer or a
// desktop shortcut (a console of its own). Office staff who double-click
// gwlint.exe then get the page in their browser instead of a console
// window that prints the usage and vanishes. Typed in a console with no
// arguments, gwlint still prints its usage.
func doubleClicked(goos string, args []string, ownConsole bool) bool {
	return goos == "windows" && len(args) == 1 && ownConsole
}

// runDoubleClicked serves the page and opens it. If the page cannot
// start, the window stays open until Enter, so that the message can be
// read before the console closes.
func runDoubleClicked(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "gwlint：正在启动公文草稿检查页面……")
	code := run([]string{args[0], "serve", "--open"}, stdin, stdout, stderr)
	if code != 0 {
		fmt.Fprintln(stderr, "gwlint：检查页面未能启动（原因见上）。按回车键关闭本窗口。")
		bufio.NewReader(stdin).ReadString('\n')
	}
	return code
}
