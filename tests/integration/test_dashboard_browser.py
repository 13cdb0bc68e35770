"""The dashboard in headless Chromium, driven through chromedriver's W3C WebDriver HTTP API
(plain httpx: no Selenium needed). Enrols a patient through the form, sees them listed, and
acknowledges an alert; saves screenshots next to the test's temporary files."""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.integration.test_web_live import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LiveServer,
    live_server,
    post_signed,
    sms,
)
from tests.servers import free_port, missing_server

pytestmark = pytest.mark.integration

CHROMIUM = os.environ.get("COACH_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("COACH_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C key of an element reference


class Browser:
    """Just enough of WebDriver: navigate, find, type, click, read, screenshot."""

    def __init__(self, driver_url: str, session_id: str) -> None:
        self._http = httpx.Client(base_url=f"{driver_url}/session/{session_id}", trust_env=False,
                                  timeout=30)

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = self._http.request(method, path, json=body)
        payload = response.json()
        if response.status_code != 200:
            raise AssertionError(f"webdriver {method} {path}: {payload['value']}")
        return payload["value"]

    def get(self, url: str) -> None:
        self._call("POST", "/url", {"url": url})

    def find(self, css: str) -> str:
        return str(self._call("POST", "/element", {"using": "css selector", "value": css})[ELEMENT])

    def _on(self, css: str, method: str, action: str, body: dict[str, Any] | None = None) -> Any:
        # The page may reload under us (the phone thread refreshes itself): find again.
        for attempt in range(5):
            try:
                return self._call(method, f"/element/{self.find(css)}/{action}", body)
            except AssertionError as exc:
                if "stale element" not in str(exc) or attempt == 4:
                    raise
                time.sleep(0.3)
        return None

    def type(self, css: str, text: str) -> None:
        self._on(css, "POST", "clear", {})
        self._on(css, "POST", "value", {"text": text})

    def submit(self, css: str) -> None:
        """Click a form's button and wait for the page the redirect leads to."""
        old_page = self.find("html")
        self._on(css, "POST", "click", {})
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with contextlib.suppress(AssertionError):
                if self.find("html") != old_page and self._call(
                    "POST", "/execute/sync",
                    {"script": "return document.readyState", "args": []},
                ) == "complete":
                    return
            time.sleep(0.05)
        raise AssertionError(f"no new page after clicking {css}")

    def text(self, css: str) -> str:
        return str(self._on(css, "GET", "text"))

    def url(self) -> str:
        return str(self._call("GET", "/url"))

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self._call("GET", "/screenshot")))

    def close(self) -> None:
        with contextlib.suppress(httpx.HTTPError):
            self._http.delete("")
        self._http.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        missing_server("chromium and chromedriver", "apt-get install chromium chromium-driver")
    port = free_port()
    log = (tmp_path / "chromedriver.log").open("wb")
    driver = subprocess.Popen(
        [CHROMEDRIVER, f"--port={port}"], stdout=log, stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL, start_new_session=True,
    )
    log.close()
    driver_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        with httpx.Client(trust_env=False, timeout=5) as http:
            while True:
                with contextlib.suppress(httpx.TransportError):
                    if http.get(driver_url + "/status").json()["value"]["ready"]:
                        break
                if time.monotonic() > deadline or driver.poll() is not None:
                    pytest.fail("chromedriver did not start", pytrace=False)
                time.sleep(0.1)
            args = [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000",
                f"--user-data-dir={tmp_path / 'chromium-profile'}",
            ]
            created = http.post(
                driver_url + "/session",
                json={"capabilities": {"alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {"binary": CHROMIUM, "args": args},
                }}},
                timeout=60,
            )
            assert created.status_code == 200, created.text
        browser = Browser(driver_url, created.json()["value"]["sessionId"])
        try:
            yield browser
        finally:
            browser.close()
    finally:
        if driver.poll() is None:
            os.killpg(driver.pid, signal.SIGTERM)
            driver.wait(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(tmp_path) as live:
        yield live


def test_enrol_then_acknowledge_an_alert(
    browser: Browser, server: LiveServer, tmp_path: Path
) -> None:
    browser.get(server.url + "/")  # to the sign-in page, then back
    assert "/login" in browser.url()
    browser.type("input[name=email]", ADMIN_EMAIL)
    browser.type("input[name=password]", ADMIN_PASSWORD)
    browser.submit("form[action='/login'] button[type=submit]")
    assert browser.url() == server.url + "/"
    assert "No open alerts." in browser.text("#alerts")

    browser.type("#enrol-form input[name=phone]", "(415) 555-0101")
    browser.type("#enrol-form input[name=name]", "Alice Example")
    browser.type("#enrol-form input[name=tz]", "America/Chicago")
    browser.submit("#enrol-form button[type=submit]")
    assert browser.url() == server.url + "/patients/1"
    assert "Enrolled Alice Example #1" in browser.text("#flash")
    assert browser.text("#patient-status") == "pending"

    browser.type("#schedules input[name=every]", "90min")
    browser.type("#schedules input[name=between]", "09:00-17:00")
    browser.submit(".schedule-form button[type=submit]")
    assert "saved" in browser.text("#flash")

    # The patient answers in the simulated phone, then reports a red flag over the webhook.
    browser.type("#simulate-form input[name=body]", "YES")
    browser.submit("#simulate-form button[type=submit]")
    assert "Welcome" in browser.text("#flash")
    assert browser.text("#patient-status") == "active"
    assert post_signed(server, "/twilio/inbound", sms("twitching 5/10 today")).status_code == 200
    assert post_signed(
        server, "/twilio/inbound", sms("the left side of my face is drooping, I can't smile")
    ).status_code == 200
    browser.get(server.url + "/patients/1")
    browser.screenshot(tmp_path / "patient.png")

    browser.get(server.url + "/")
    assert "Alice Example" in browser.text("#patients")
    inbox = browser.text("#alerts")
    assert "EMERGENCY" in inbox.upper() and "drooping" in inbox
    browser.screenshot(tmp_path / "dashboard.png")

    browser.type("#alerts input[name=by]", "Nurse Carol")
    browser.submit("#alerts .ack button")
    assert "acknowledged by Nurse Carol" in browser.text("#flash")
    assert "No open alerts." in browser.text("#alerts")
    with server.client() as client:
        alerts = client.get("/api/alerts").json()
    assert [(a["status"], a["acknowledged_by"]) for a in alerts] == [
        ("acknowledged", "Nurse Carol")
    ]
    browser.screenshot(tmp_path / "acknowledged.png")
    for name in ("patient.png", "dashboard.png", "acknowledged.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG")
