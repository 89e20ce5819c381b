package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
	"github.com/gwlint/gwlint/lint/web"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "the local web page: drop a draft, see its findings in place",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "address to listen on (keep it on 127.0.0.1 unless others must reach it)"},
			&cli.StringFlag{Name: "config", Usage: "configuration file (default: the nearest .gwlint.yaml from the working directory upward)"},
			&cli.BoolFlag{Name: "open", Usage: "open the page in the default browser once it is ready"},
			&cli.StringFlag{Name: "library", Usage: "a parent library directory every draft is compared with, besides the parents sent with it (default: the configuration's library)", TakesFile: true},
			&cli.StringSliceFlag{Name: "allow-host", Usage: "a host name the page may be reached by besides localhost and 127.0.0.1 (the --addr host is allowed too); repeatable, * for any"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError("serve：多余的参数 %v（serve 不接受文件；在页面上选择文稿）", c.Args().Slice())
			}
			cfg, err := loadConfig(c.String("config"), c.App.ErrWriter)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			// The page promises to stay under 300 MB; a soft limit makes the
			// collector work harder near it rather than let a burst of
			// large requests grow the heap. GOMEMLIMIT, when set, wins.
			if os.Getenv("GOMEMLIMIT") == "" {
				debug.SetMemoryLimit(serveMemoryLimit)
			}
			lib := c.String("library")
			if lib == "" {
				lib = cfg.Library
			}
			handler, err := web.NewServer(web.Options{Registry: rules.All(), Config: cfg, ToolVersion: lint.Version,
				AllowedHosts: allowedHosts(c.String("addr"), c.StringSlice("allow-host")), Library: lib})
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			addr := c.String("addr")
			ln, err := net.Listen("tcp", addr)
			if err != nil && c.Bool("open") && !c.IsSet("addr") {
				// Started to be looked at, not to serve a fixed address: a
				// second double-click, or another program on 8080, takes any
				// free port rather than fail.
				ln, err = net.Listen("tcp", "127.0.0.1:0")
			}
			if err != nil {
				return &exitError{code: 2, err: fmt.Errorf("serve：%w", err)}
			}
			if !web.IsLoopback(addr) {
				fmt.Fprintf(c.App.ErrWriter, "gwlint: warning: %s is reachable from other machines; drafts sent to it cross the network; the page answers to the host names given with --allow-host (and the --addr host)\n", addr)
			}
			url := fmt.Sprintf("http://%s/", ln.Addr())
			fmt.Fprintf(c.App.ErrWriter, "gwlint：请在浏览器中打开 %s（按 Ctrl-C 停止）\n", url)
			if c.Bool("open") {
				fmt.Fprintf(c.App.ErrWriter, "gwlint: 正在用默认浏览器打开检查页面 %s；关闭本窗口即停止检查服务\n", url)
				if err := openBrowser(url); err != nil {
					fmt.Fprintf(c.App.ErrWriter, "gwlint: 无法自动打开浏览器（%v），请手动在浏览器中打开 %s\n", err, url)
				}
			}
			return serve(c.Context, web.NewHTTPServer(addr, handler), ln)
		},
	}
}

// serveMemoryLimit is the soft memory limit of gwlint serve.
const serveMemoryLimit = 250 << 20

// allowedHosts are the Host names the page answers to besides the
// loopback ones: the listening address's own host, when it is a name or
// a specific address, and those given with --allow-host.
func allowedHosts(addr string, extra []string) []string {
	out := append([]string(nil), extra...)
	if host, _, err := net.SplitHostPort(addr); err == nil && host != "" {
		if ip := net.ParseIP(host); ip == nil || !ip.IsUnspecified() {
			out = append(out, host)
		}
	}
	return out
}

// serve runs srv until SIGINT or SIGTERM, then lets the drafts being
// checked finish.
func serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return &exitError{code: 2, err: fmt.Errorf("serve：%w", err)}
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(shutdown)
	}
}
