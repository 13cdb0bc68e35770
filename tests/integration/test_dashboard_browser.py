"""The dashboard in headless Chromium, driven through chromedriver's W3C WebDriver HTTP API
(plain httpx: no Selenium needed). A short test enrols a patient and acknowledges an alert; the
operator journey walks every main page on a live server, asserting what each shows, and saves a
screenshot of each: into the test's temporary folder, or into COACH_SCREENSHOTS (the README's
pictures: `COACH_SCREENSHOTS=docs/screenshots`, see docs/testing.md)."""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests import logcheck
from tests.integration.test_web_live import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    ALICE,
    LiveServer,
    live_server,
    post_signed,
    sms,
)
from tests.servers import ROOT, free_port, missing_server

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

    def script(self, js: str, *args: Any) -> Any:
        """Run `js` as a function body in the page (`arguments[i]` are `args`); its result."""
        return self._call("POST", "/execute/sync", {"script": js, "args": list(args)})

    def texts(self, css: str) -> list[str]:
        """The visible text of every element matching `css`, in document order."""
        return list(self.script(
            "return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText.trim())",
            css,
        ))

    def upload(self, css: str, path: Path) -> None:
        """Choose `path` in a file input (WebDriver types the path into it)."""
        self._on(css, "POST", "value", {"text": str(path)})

    def viewport(self, width: int, height: int) -> None:
        """Size the window so the page itself (what a screenshot shows) is width x height."""
        for _ in range(3):  # the browser's own bars take some of the window: measure, adjust
            inner = self.script("return [window.innerWidth, window.innerHeight]")
            rect = self._call("GET", "/window/rect")
            if inner == [width, height]:
                return
            self._call("POST", "/window/rect", {
                "width": rect["width"] + width - inner[0],
                "height": rect["height"] + height - inner[1]})

    def click(self, css: str) -> None:
        self._on(css, "POST", "click", {})

    def wait_text(self, css: str, fragment: str, timeout: float = 15) -> str:
        """Wait until an element matching `css` shows `fragment` (pages that reload themselves)."""
        deadline = time.monotonic() + timeout
        seen = ""
        while time.monotonic() < deadline:
            with contextlib.suppress(AssertionError):
                seen = " | ".join(self.texts(css))
                if fragment in seen:
                    return seen
            time.sleep(0.1)
        raise AssertionError(f"{css} never showed {fragment!r}; last seen: {seen!r}")

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

    def screenshot(self, path: Path, *, scroll_to: str | None = None) -> None:
        """The viewport as a PNG; `scroll_to` first brings that element to the top."""
        self.script(
            "const e = arguments[0] && document.querySelector(arguments[0]);"
            "if (e) { e.scrollIntoView({block: 'start'}); } else { window.scrollTo(0, 0); }",
            scroll_to,
        )
        path.write_bytes(base64.b64decode(self._call("GET", "/screenshot")))

    def close(self) -> None:
        with contextlib.suppress(httpx.HTTPError):
            self._http.delete(str(self._http.base_url).rstrip("/"))  # no trailing slash: 404
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
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--hide-scrollbars", "--force-device-scale-factor=1",
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


# --- an operator's day, page by page -------------------------------------------------------

CLINIC = "Riverside Neurology"
CAROL = "carol.diaz@riverside.example"  # the admin who signs in
CAROL_PASSWORD = "riverside admin 2027"
BEN = "+12025550142"  # imported into the Standard programme; his diary is charted
CHLOE = "+12025550143"
DEV = "+12025550144"
GOOD_ROWS = [
    f"{BEN},America/New_York,en,Ben Okafor,Standard",
    f"{CHLOE},America/New_York,en,Chloe Martin,Standard",
    f"{DEV},America/Chicago,en,Dev Patel,Standard",
    "+12025550145,America/Los_Angeles,es,Elena Ruiz,Standard",
    "+12025550146,America/Denver,en,Farah Haddad,Standard",
    "+12025550147,America/New_York,en,George Lin,",
    "+12025550148,Europe/Madrid,es,Hana Sato,Standard",
    "+12025550149,America/Chicago,en,Ivan Petrov,Standard",
    "+12025550150,America/New_York,en,Julia Costa,Standard",
]
# The same clinic list as first sent: three rows a reader would miss.
BAD_ROWS = [*GOOD_ROWS[:3], "+12025550145,America/Los_Angles,es,Elena Ruiz,Standard",
            *GOOD_ROWS[4:6], "202-555-01,America/New_York,en,Hana Sato,Standard",
            *GOOD_ROWS[7:], f"{DEV},America/Chicago,en,Dev Patel (again),Standard"]
# Ben's ratings over three weeks: (days ago, reply). The chart must show one dot for each.
BEN_DIARY = [
    (23, "twitch is 7/10 today"), (21, "7 out of 10, eyelid again"), (19, "about a 6 today"),
    (17, "6/10, long day at work"), (15, "5/10 today"), (13, "twitching 5 out of 10"),
    (11, "4/10, slept better"), (9, "4 out of 10 today"), (7, "3/10"),
    (5, "4/10 after a screen-heavy day"), (3, "3 out of 10"), (1, "2/10 today, much calmer"),
]


def shots_folder(tmp_path: Path) -> Path:
    """COACH_SCREENSHOTS (relative to the repository) regenerates the README's pictures."""
    wanted = os.environ.get("COACH_SCREENSHOTS")
    folder = (ROOT / wanted) if wanted else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sms_from(phone: str, body: str) -> dict[str, str]:
    return sms(body) | {"From": phone}


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("phone,tz,lang,name,programme\n" + "".join(r + "\n" for r in rows))
    return path


@pytest.mark.slow  # about 30 s on two busy cores
def test_an_operator_journey_through_every_main_page(browser: Browser, tmp_path: Path) -> None:
    from sqlalchemy import select, update

    from coach import accounts, second_read
    from coach.config import Settings
    from coach.db.engine import make_engine, make_session_factory
    from coach.db.models import DiaryEntry, Message, Patient
    from coach.db.review import PendingRead

    shots = shots_folder(tmp_path)
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(live_server(tmp_path, COACH_CLINIC_NAME=CLINIC))
        engine = make_engine(server.database_url)
        stack.callback(engine.dispose)
        factory = make_session_factory(engine)
        with factory() as session:
            accounts.create(session, CAROL, "admin", CAROL_PASSWORD, now=datetime.now(UTC))
            session.commit()

        def patient_id(phone: str) -> int:
            with factory() as session:
                return int(session.scalars(select(Patient.id).where(Patient.phone == phone)).one())

        def reply(phone: str, body: str, *, days_ago: float = 0) -> None:
            """A signed webhook, as Twilio would call it; `days_ago` then moves the reply (and
            the diary line and answer it made) back in time, as if the patient had sent it
            then, so the chart spans weeks as a clinic's would."""
            with factory() as session:
                newest = session.scalar(select(Message.id).order_by(Message.id.desc())) or 0
            assert post_signed(server, "/twilio/inbound", sms_from(phone, body)).status_code == 200
            if days_ago:
                then = datetime.now(UTC) - timedelta(days=days_ago)
                with factory() as session:
                    session.execute(update(Message).where(Message.id > newest)
                                    .values(created_at=then, updated_at=then))
                    session.execute(update(DiaryEntry).where(DiaryEntry.message_id > newest)
                                    .values(at=then))
                    session.commit()

        # Sign in: every page sends an anonymous visitor to the sign-in form first.
        browser.get(server.url + "/programmes")
        browser.viewport(1280, 900)
        assert "/login?next=/programmes" in browser.url()
        browser.type("input[name=email]", CAROL)
        browser.type("input[name=password]", CAROL_PASSWORD)
        browser.screenshot(shots / "login.png")
        browser.submit("form[action='/login'] button[type=submit]")
        assert browser.url() == server.url + "/programmes"
        nav = browser.text("header nav")
        assert CAROL in nav and "Audit log" in nav  # an admin's menu

        # A programme: the defaults new patients start with, and the band the chart shows.
        browser.type("#add input[name=name]", "Standard")
        browser.type("#add input[name=description]", "Adults with eyelid or facial twitching")
        browser.type("#add input[name=quiet]", "21:30-07:30")
        browser.type("#add input[name=daily_cap]", "8")
        browser.type("#add input[name=target]", "0-3")
        browser.type("#add input[name=schedule_eye_rest]",
                     "every 45m between 09:00-17:00 days mon-fri")
        browser.type("#add input[name=schedule_check_in]", "at 19:00")
        browser.submit("#add button[type=submit]")
        assert "Programme Standard created." in browser.text("#flash")

        # Import, first as sent: the dry run lists every bad row with its reason.
        browser.get(server.url + "/import")
        browser.upload("#import input[type=file]", write_csv(tmp_path / "spring-clinic.csv",
                                                             BAD_ROWS))
        browser.submit("#import button[type=submit]")
        browser.wait_text("#job-result", "3 of 10 rows are bad: nothing was imported.")
        rejected = [row.split("\t") for row in browser.texts("table.rejected tbody tr")]
        assert [(r[0], r[1]) for r in rejected] == [
            ("4", "unknown zone"), ("7", "bad number"), ("10", "duplicate within file")]
        assert "America/Los_Angles" in rejected[0][2]
        browser.screenshot(shots / "import-dry-run.png")
        with server.client() as client:
            assert client.get("/api/patients").json() == []  # the dry run wrote nothing

        # Fixed, the file checks clean; the import runs with its progress bar to the end.
        browser.upload("#import input[type=file]", write_csv(tmp_path / "spring-clinic.csv",
                                                             GOOD_ROWS))
        browser.submit("#import button[type=submit]")
        browser.wait_text("#job-result", "All 9 rows are good.")
        browser.submit("#run-import")
        bar: list[int] = []  # what the progress bar showed while the import ran
        deadline = time.monotonic() + 15
        while "Imported 9 patients." not in " ".join(browser.texts("#job-result")):
            with contextlib.suppress(AssertionError):  # the page reloads itself when done
                bar += browser.script("return Array.from("
                                      "document.querySelectorAll('#job-bar'), b => b.value)")
            assert time.monotonic() < deadline, f"import never finished; bar showed {bar}"
            time.sleep(0.05)
        assert browser.script("return document.getElementById('job-bar').value") == 100
        assert bar == sorted(bar), bar  # it only moves forward
        browser.screenshot(shots / "import.png")
        with server.client() as client:
            imported = client.get("/api/patients").json()
        assert sorted(p["name"] for p in imported) == sorted(r.split(",")[3] for r in GOOD_ROWS)

        # Enrol one more at the desk; she opts in from the phone simulator.
        browser.get(server.url + "/")
        browser.type("#enrol-form input[name=phone]", "(415) 555-0101")
        browser.type("#enrol-form input[name=name]", "Alice Moreno")
        browser.type("#enrol-form input[name=tz]", "America/Chicago")
        browser.submit("#enrol-form button[type=submit]")
        alice = patient_id(ALICE)
        assert browser.url() == f"{server.url}/patients/{alice}"
        assert f"Enrolled Alice Moreno #{alice}" in browser.text("#flash")
        assert browser.text("#patient-status") == "pending"
        browser.type("#simulate-form input[name=body]", "YES")
        browser.submit("#simulate-form button[type=submit]")
        assert "Welcome" in browser.text("#flash")
        assert browser.text("#patient-status") == "active"
        # A schedule, and the preview of what it will send (her local time, after quiet hours).
        browser.script("document.querySelector('.schedule-form select[name=kind]').value ="
                       " 'eye_rest'")
        browser.type("#schedules input[name=every]", "90min")
        browser.type("#schedules input[name=between]", "09:00-17:00")
        browser.type("#schedules input[name=days]", "mon-fri")
        browser.submit(".schedule-form button[type=submit]")
        assert "Schedule eye_rest saved." in browser.text("#flash")
        assert "every 1h30m between 09:00-17:00, mon-fri" in browser.text("#schedules table")
        upcoming = browser.texts("#preview ol.preview li")
        assert len(upcoming) >= 3 and all(item.endswith("eye_rest") for item in upcoming)
        assert not any(day in item for item in upcoming for day in ("Sat", "Sun")), upcoming

        # The clinic's patients answer over the signed webhook: Ben's diary over three weeks,
        # two red flags, and two replies only the second reader is unsure about.
        for phone in (BEN, CHLOE, DEV):
            reply(phone, "YES", days_ago=25 if phone == BEN else 2)
        for days_ago, body in BEN_DIARY:
            reply(BEN, body, days_ago=days_ago)
        reply(BEN, "my vision went blurry in my left eye for an hour", days_ago=0.2)
        reply(CHLOE, "lunch went down a bit oddly today")
        reply(DEV, "not sure, the corner of my mouth feels weird?")
        # Alice reports a red flag from the simulated phone: advice at once, and an alert.
        browser.get(f"{server.url}/patients/{alice}")
        drooping = "the left side of my face is drooping, I can't smile"
        logcheck.remember(drooping)
        browser.type("#simulate-form input[name=body]", drooping)
        browser.submit("#simulate-form button[type=submit]")
        assert "Immediate reply:" in browser.text("#flash") and "911" in browser.text("#flash")
        assert "emergency" in browser.text("section.card ul.alerts").lower()
        # The worker's second reader, run here: the live server's broker is in memory only.
        settings = Settings.from_env({"COACH_DATA_DIR": str(tmp_path / "data"),
                                      "COACH_DATABASE_URL": server.database_url})
        with factory() as session:
            pending = list(session.scalars(select(PendingRead.message_id)
                                           .where(PendingRead.done_at.is_(None))))
        for message_id in pending:
            second_read.read_one(factory, settings, message_id, now=datetime.now(UTC))

        # Ben's page: a dot per rating in the last 30 days, the programme's band, the red flag.
        ben = patient_id(BEN)
        browser.get(f"{server.url}/patients/{ben}")
        assert browser.text("#patient-status") == "active"
        charts = browser.script(
            "return Array.from(document.querySelectorAll('#charts svg'), s => ({"
            " title: s.textContent, dots: s.querySelectorAll('circle.dot').length,"
            " band: s.querySelectorAll('rect.band').length,"
            " events: s.querySelectorAll('g.event').length}))")
        assert [c["dots"] for c in charts] == [len(BEN_DIARY), len(BEN_DIARY)]
        assert all(c["band"] == 1 and c["events"] == 1 for c in charts), charts
        assert "Severity, last 30 days" in charts[0]["title"] and "target 0-3" in charts[0]["title"]
        diary = [row.split("\t") for row in browser.texts("#diary table.diary tbody tr")]
        ratings = [severity for _, severity, _ in diary if severity != "—"]
        assert ratings == ["2/10", "3/10", "4/10", "3/10", "4/10", "4/10", "5/10", "5/10",
                           "6/10", "6/10", "7/10", "7/10"]  # newest first
        assert "blurry" in diary[0][2]  # the red flag is a diary line without a rating
        browser.screenshot(shots / "patient.png", scroll_to="#diary")

        # The dashboard: the inbox with both red flags, newest patients, the enrol form.
        browser.get(server.url + "/")
        inbox = browser.texts("#alerts li.alert")
        assert len(inbox) == 2, inbox
        assert "EMERGENCY" in inbox[0].upper() and "Alice Moreno" in inbox[0]
        assert "drooping" in inbox[0]
        assert "URGENT" in inbox[1].upper() and "Ben Okafor" in inbox[1] and "blurry" in inbox[1]
        assert "Alice Moreno" in browser.text("#patients")
        browser.screenshot(shots / "dashboard.png")

        # Acknowledge Alice's alert: it leaves the open inbox, and shows who took it.
        browser.type("#alerts li.alert-emergency input[name=by]", "Carol Diaz")
        browser.submit("#alerts li.alert-emergency .ack button")
        assert "acknowledged by Carol Diaz" in browser.text("#flash")
        inbox = browser.texts("#alerts li.alert")
        assert len(inbox) == 1 and "Ben Okafor" in inbox[0]
        browser.get(server.url + "/?alerts_shown=all#alerts")
        done = browser.texts("#alerts li.alert.done")
        assert len(done) == 1 and "Acknowledged by Carol Diaz" in done[0]
        browser.screenshot(shots / "alerts.png")

        # The review queue: the second reader's doubts, newest first, with the codes suspected.
        browser.get(server.url + "/review")
        items = browser.texts("#review li.alert")
        assert len(items) >= 2, items
        chloe_item = next(t for t in items if "lunch went down" in t)
        dev_item = next(t for t in items if "corner of my mouth" in t)
        assert items.index(dev_item) < items.index(chloe_item), items  # newest first
        assert "swallowing" in chloe_item and "weakness" in dev_item
        browser.screenshot(shots / "review.png")
        # Chloe's lunch was just lunch: untick the suspicion, mark it "no red flag".
        chloe_li = browser.script(
            "return Array.from(document.querySelectorAll('#review li.alert'))"
            ".find(li => li.innerText.includes('lunch went down')).id")
        browser.click(f"#{chloe_li} input[name=codes][value=swallowing]")
        browser.click(f"#{chloe_li} input[name=no_red_flag]")
        browser.submit(f"#{chloe_li} button[type=submit]")
        assert "labelled: no red flag." in browser.text("#flash")
        assert not any("lunch went down" in t for t in browser.texts("#review li.alert"))
        browser.get(server.url + "/review?status=labelled")
        labelled = browser.texts("#review li.alert")
        assert len(labelled) == 1 and f"Labelled no red flag by {CAROL}" in labelled[0]

        # The audit log: each change, by whom, with no number or message in clear.
        browser.get(server.url + "/admin/audit")
        rows = [r.split("\t") for r in browser.texts("table.audit tbody tr")]
        actions = {(r[2], r[3]) for r in rows}
        for action in ("programme.add", "patient.import", "patient.enrol", "simulator.reply",
                       "schedule.set", "alert.ack", "review.label"):
            assert (CAROL, action) in actions, (action, actions)
        page = browser.text("#audit")
        assert "(415) 555-0101" not in page and ALICE not in page and BEN not in page
        assert "drooping" not in page
        assert "[body: 3 chars]" in page  # the simulated "YES" is kept as its length only
        assert f"[body: {len(drooping)} chars]" in page
        browser.screenshot(shots / "audit.png")

    for name in ("login", "import-dry-run", "import", "patient", "dashboard", "alerts",
                 "review", "audit"):
        assert (shots / f"{name}.png").read_bytes().startswith(b"\x89PNG"), name
