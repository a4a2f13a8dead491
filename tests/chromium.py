"""A headless Chromium for tests, driven over the DevTools protocol on a pipe.

Chromium's ``--remote-debugging-pipe`` reads protocol commands from file
descriptor 3 and writes replies and events to descriptor 4, each a JSON
message ended by a NUL byte: the way Puppeteer and Playwright talk to it by
default.  So a test needs no extra package (no websocket client, no
Playwright and its browser downloads), no port and no wait for one to open;
it sees console errors and uncaught exceptions, which ``--dump-dom`` cannot.

    with Browser() as b:
        b.goto("file:///tmp/report.html")
        b.evaluate("document.title")
        b.errors()          # console errors and uncaught exceptions so far
        b.screenshot("page.png")
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from typing import Any

COMMAND_FD, REPLY_FD = 3, 4  # fixed by Chromium's --remote-debugging-pipe
TIMEOUT_S = 60.0
WINDOW = (1280, 1600)  # the page size screenshots show
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


def find_chromium() -> str | None:
    """The Chromium executable on PATH (Debian: ``chromium``), or ``None``."""
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


class BrowserError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one page; a context manager."""

    def __init__(self, executable: str | None = None, timeout: float = TIMEOUT_S):
        executable = executable or find_chromium()
        if executable is None:
            raise BrowserError("chromium not found")
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._buf = b""
        self._id = 0
        self._profile = tempfile.mkdtemp(prefix="cleaner-chromium-")
        to_browser, self._commands = os.pipe()
        self._replies, from_browser = os.pipe()
        # Copies above the low numbers, so that moving them onto 3 and 4 in
        # the child can never clobber one with the other.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_browser, from_browser)]

        def onto_pipe_fds() -> None:  # in the child, before exec
            os.dup2(high[0], COMMAND_FD)
            os.dup2(high[1], REPLY_FD)

        self._proc = subprocess.Popen(
            [
                executable,
                *FLAGS,
                f"--window-size={WINDOW[0]},{WINDOW[1]}",
                f"--user-data-dir={self._profile}",
                "about:blank",
            ],
            preexec_fn=onto_pipe_fds,
            close_fds=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for fd in (to_browser, from_browser, *high):
            os.close(fd)
        try:
            target = self.call("Target.createTarget", url="about:blank", session=False)["targetId"]
            self._session = self.call("Target.attachToTarget", targetId=target, flatten=True, session=False)[
                "sessionId"
            ]
            for domain in ("Page", "Runtime", "Log"):
                self.call(f"{domain}.enable")
        except BaseException:
            self.close()
            raise

    # --- the protocol ------------------------------------------------------
    def call(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its reply; events seen meanwhile are kept."""
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self._session
        os.write(self._commands, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._replies], [], [], left)[0]:
                raise BrowserError(f"no reply from chromium in {self.timeout:.0f} s")
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                raise BrowserError(f"chromium closed the pipe (exit status {self._proc.poll()})")
            self._buf += chunk
        msg, _, self._buf = self._buf.partition(b"\0")
        return json.loads(msg)

    def wait_for(self, method: str) -> dict[str, Any]:
        """The next event called ``method`` (one already seen counts)."""
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._read()
            if event.get("method") == method:
                return event
            self.events.append(event)

    # --- what tests use ----------------------------------------------------
    def goto(self, url: str) -> None:
        """Load ``url`` and wait for its load event."""
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        result = self.call("Page.navigate", url=url)
        if result.get("errorText"):
            raise BrowserError(f"{url}: {result['errorText']}")
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries so far."""
        self.evaluate("0")  # a round trip: events sent before it are in
        out = []
        for e in self.events:
            method, p = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                out.append(
                    p["exceptionDetails"].get("exception", {}).get("description")
                    or p["exceptionDetails"].get("text", "exception")
                )
            elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
                out.append(f"{p['entry'].get('source')}: {p['entry'].get('text')} {p['entry'].get('url', '')}")
        return out

    def screenshot(self, path: str) -> None:
        """A PNG of the window."""
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))

    def close(self) -> None:
        try:
            if self._proc.poll() is None:
                try:
                    os.write(self._commands, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
                    self._proc.wait(timeout=10)
                except (OSError, subprocess.TimeoutExpired):
                    self._proc.kill()
                    self._proc.wait()
        finally:
            for fd in (self._commands, self._replies):
                try:
                    os.close(fd)
                except OSError:
                    pass
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


if __name__ == "__main__":
    # A screenshot of a page: python tests/chromium.py report.html report.png
    import sys
    from pathlib import Path

    page, png = sys.argv[1:3]
    with Browser() as b:
        b.goto(Path(page).resolve().as_uri())
        b.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        b.screenshot(png)
        for error in b.errors():
            print(f"console: {error}", file=sys.stderr)
