"""Headless Chromium driven over the DevTools protocol, with the standard library only.

Chromium is started with ``--remote-debugging-pipe``: it reads commands from
its file descriptor 3 and writes answers and events to its descriptor 4, each
message a JSON object ended by a NUL byte.  No port is opened and no package
is needed.  One browser serves many pages: ``Browser.open`` loads a page in
the one tab, ``Browser.evaluate`` runs JavaScript in it and returns the value
(awaiting a promise).  Scripts given to ``Browser`` run in every page before
its own (``Page.addScriptToEvaluateOnNewDocument``): axe-core is added to the
page that way, without touching the file under test.

Every network request is refused (``--host-resolver-rules``, the proxy
pointing nowhere): the documents are self-contained and a test must not
depend on a network.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.documents.helpers import CHROMIUM, CHROMIUM_FLAGS, require_tool

TIMEOUT = 60.0


class BrowserError(Exception):
    """Chromium answered a command with an error, or stopped answering."""


class Browser:
    """One headless Chromium with one tab, closed on leaving the ``with`` block."""

    def __init__(self, profile: Path, scripts: Sequence[str] = ()) -> None:
        self._profile = profile
        self._scripts = scripts
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict[str, Any]] = []
        self._session = ""

    def __enter__(self) -> Browser:
        exe = require_tool(CHROMIUM, "headless Chromium (Debian package chromium)")
        # Chromium reads commands on its fd 3 and writes on its fd 4.
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def wire() -> None:  # in the child, before exec
            high_read, high_write = os.dup(commands_read), os.dup(answers_write)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self._process = subprocess.Popen(
            [
                exe,
                *CHROMIUM_FLAGS,
                "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--proxy-server=127.0.0.1:9",
                "--remote-debugging-pipe",
                f"--user-data-dir={self._profile}",
                "--window-size=1240,1754",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=wire,
        )
        os.close(commands_read)
        os.close(answers_write)
        try:
            target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
            self._session = attached["sessionId"]
            self.send("Page.enable")
            for script in self._scripts:
                self.send("Page.addScriptToEvaluateOnNewDocument", {"source": script})
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop()

    def _stop(self) -> None:
        try:
            os.close(self._commands)
        finally:
            os.close(self._answers)
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    # ---------------------------------------------------------------- messages

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._answers], [], [], max(0.0, left))
            if not ready:
                raise BrowserError("Chromium did not answer in time")
            chunk = os.read(self._answers, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        decoded: dict[str, Any] = json.loads(message)
        return decoded

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send one command (to the tab once attached) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if self._session:
            message["sessionId"] = self._session
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            data = data[os.write(self._commands, data) :]
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._receive(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            if "method" in answer:
                self._events.append(answer)

    def _wait_for(self, event: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for n, seen in enumerate(self._events):
                if seen["method"] == event:
                    del self._events[: n + 1]
                    return
            self._events.clear()
            answer = self._receive(deadline)
            if "method" in answer:
                self._events.append(answer)

    # ------------------------------------------------------------------- pages

    def open(self, page: Path) -> None:
        """Load *page* (a local file) and wait until it has loaded."""
        url = page.resolve().as_uri()
        self._events.clear()
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise BrowserError(f"{page}: {result['errorText']}")
        # A late load event of the page before is not this page's.
        while True:
            self._wait_for("Page.loadEventFired")
            if self.evaluate("[location.href, document.readyState]") == [url, "complete"]:
                return

    def evaluate(self, expression: str) -> Any:
        """The value of *expression* in the open page (a promise is awaited)."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
        )
        if "exceptionDetails" in result:
            raise BrowserError(json.dumps(result["exceptionDetails"])[:2000])
        return result["result"].get("value")
