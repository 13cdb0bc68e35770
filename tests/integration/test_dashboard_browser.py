"""The dashboard in Debian's headless Chromium (/usr/bin/chromium), driven by Playwright for
Python (never `playwright install`). A short test enrols a patient and acknowledges an alert;
the operator journey walks every main page on a live server, asserting what each shows, and
saves a screenshot of each: into the test's temporary folder, or into COACH_SCREENSHOTS (the
README's pictures: `COACH_SCREENSHOTS=docs/screenshots`, see docs/testing.md)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

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
from tests.servers import ROOT, missing_server

pytestmark = pytest.mark.integration

CHROMIUM = os.environ.get("COACH_TEST_CHROMIUM", "/usr/bin/chromium")
WIDTH, HEIGHT = 1280, 900  # the README's screenshots
# Two busy cores: a page that polls a job and reloads itself can take a few seconds to settle.
TIMEOUT_MS = 15_000

# Every value the import page's progress bar takes, kept across the page's own reloads (this
# tab's sessionStorage), so the test sees each step rather than whatever a poll happened to catch.
RECORD_BAR = """
addEventListener("DOMContentLoaded", () => {
  const bar = document.getElementById("job-bar");
  if (!bar) { return; }
  const note = () => {
    const seen = JSON.parse(sessionStorage.getItem("coach-bar") || "[]");
    seen.push(bar.value);
    sessionStorage.setItem("coach-bar", JSON.stringify(seen));
  };
  note();
  new MutationObserver(note).observe(bar, {attributes: true, attributeFilter: ["value"]});
});
"""


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        missing_server("chromium", "apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars"],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    """A fresh context for each test: its own cookies and storage, a 1280x900 viewport."""
    expect.set_options(timeout=TIMEOUT_MS)
    context = chromium.new_context(viewport={"width": WIDTH, "height": HEIGHT},
                                   device_scale_factor=1)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(RECORD_BAR)
    try:
        yield context.new_page()
    finally:
        context.close()


def submit(page: Page, css: str) -> None:
    """Click a form's button and wait until the page its redirect leads to has loaded."""
    with page.expect_navigation(wait_until="load"):
        page.locator(css).click()


def texts(page: Page, css: str) -> list[str]:
    """The visible text of every element matching `css`, in document order."""
    return [text.strip() for text in page.locator(css).all_inner_texts()]


def screenshot(page: Page, path: Path, *, scroll_to: str | None = None) -> None:
    """The viewport as a PNG; `scroll_to` first brings that element to the top."""
    if scroll_to:
        page.locator(scroll_to).evaluate("e => e.scrollIntoView({block: 'start'})")
    else:
        page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=path)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(tmp_path) as live:
        yield live


def test_enrol_then_acknowledge_an_alert(page: Page, server: LiveServer, tmp_path: Path) -> None:
    page.goto(server.url + "/")  # to the sign-in page, then back
    expect(page).to_have_url(re.compile(r"/login"))
    page.fill("input[name=email]", ADMIN_EMAIL)
    page.fill("input[name=password]", ADMIN_PASSWORD)
    submit(page, "form[action='/login'] button[type=submit]")
    expect(page).to_have_url(server.url + "/")
    expect(page.locator("#alerts")).to_contain_text("No open alerts.")

    page.fill("#enrol-form input[name=phone]", "(415) 555-0101")
    page.fill("#enrol-form input[name=name]", "Alice Example")
    page.fill("#enrol-form input[name=tz]", "America/Chicago")
    submit(page, "#enrol-form button[type=submit]")
    expect(page).to_have_url(server.url + "/patients/1")
    expect(page.locator("#flash")).to_contain_text("Enrolled Alice Example #1")
    expect(page.locator("#patient-status")).to_have_text("pending")

    page.fill("#schedules input[name=every]", "90min")
    page.fill("#schedules input[name=between]", "09:00-17:00")
    submit(page, ".schedule-form button[type=submit]")
    expect(page.locator("#flash")).to_contain_text("saved")

    # The patient answers in the simulated phone, then reports a red flag over the webhook.
    page.fill("#simulate-form input[name=body]", "YES")
    submit(page, "#simulate-form button[type=submit]")
    expect(page.locator("#flash")).to_contain_text("Welcome")
    expect(page.locator("#patient-status")).to_have_text("active")
    assert post_signed(server, "/twilio/inbound", sms("twitching 5/10 today")).status_code == 200
    assert post_signed(
        server, "/twilio/inbound", sms("the left side of my face is drooping, I can't smile")
    ).status_code == 200
    page.goto(server.url + "/patients/1")
    screenshot(page, tmp_path / "patient.png")

    page.goto(server.url + "/")
    expect(page.locator("#patients")).to_contain_text("Alice Example")
    expect(page.locator("#alerts")).to_contain_text(re.compile("emergency", re.IGNORECASE))
    expect(page.locator("#alerts")).to_contain_text("drooping")
    screenshot(page, tmp_path / "dashboard.png")

    page.fill("#alerts input[name=by]", "Nurse Carol")
    submit(page, "#alerts .ack button")
    expect(page.locator("#flash")).to_contain_text("acknowledged by Nurse Carol")
    expect(page.locator("#alerts")).to_contain_text("No open alerts.")
    with server.client() as client:
        alerts = client.get("/api/alerts").json()
    assert [(a["status"], a["acknowledged_by"]) for a in alerts] == [
        ("acknowledged", "Nurse Carol")
    ]
    screenshot(page, tmp_path / "acknowledged.png")
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
def test_an_operator_journey_through_every_main_page(page: Page, tmp_path: Path) -> None:
    from sqlalchemy import select, update

    from coach import accounts, second_read
    from coach.config import Settings
    from coach.db.engine import make_engine, make_session_factory
    from coach.db.models import DiaryEntry, Message, Patient
    from coach.db.review import PendingRead

    shots = shots_folder(tmp_path)
    flash = page.locator("#flash")
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
        page.goto(server.url + "/programmes")
        expect(page).to_have_url(re.compile(re.escape("/login?next=/programmes")))
        assert page.evaluate("[innerWidth, innerHeight]") == [WIDTH, HEIGHT]  # what shots show
        page.fill("input[name=email]", CAROL)
        page.fill("input[name=password]", CAROL_PASSWORD)
        screenshot(page, shots / "login.png")
        submit(page, "form[action='/login'] button[type=submit]")
        expect(page).to_have_url(server.url + "/programmes")
        nav = page.locator("header nav")
        expect(nav).to_contain_text(CAROL)
        expect(nav).to_contain_text("Audit log")  # an admin's menu

        # A programme: the defaults new patients start with, and the band the chart shows.
        page.fill("#add input[name=name]", "Standard")
        page.fill("#add input[name=description]", "Adults with eyelid or facial twitching")
        page.fill("#add input[name=quiet]", "21:30-07:30")
        page.fill("#add input[name=daily_cap]", "8")
        page.fill("#add input[name=target]", "0-3")
        page.fill("#add input[name=schedule_eye_rest]",
                  "every 45m between 09:00-17:00 days mon-fri")
        page.fill("#add input[name=schedule_check_in]", "at 19:00")
        submit(page, "#add button[type=submit]")
        expect(flash).to_contain_text("Programme Standard created.")

        # Import, first as sent: the dry run lists every bad row with its reason.
        page.goto(server.url + "/import")
        page.set_input_files("#import input[type=file]",
                             write_csv(tmp_path / "spring-clinic.csv", BAD_ROWS))
        submit(page, "#import button[type=submit]")
        result = page.locator("#job-result")
        expect(result).to_contain_text("3 of 10 rows are bad: nothing was imported.")
        expect(page.locator("table.rejected tbody tr")).to_have_count(3)
        rejected = [row.split("\t") for row in texts(page, "table.rejected tbody tr")]
        assert [(r[0], r[1]) for r in rejected] == [
            ("4", "unknown zone"), ("7", "bad number"), ("10", "duplicate within file")]
        assert "America/Los_Angles" in rejected[0][2]
        screenshot(page, shots / "import-dry-run.png")
        with server.client() as client:
            assert client.get("/api/patients").json() == []  # the dry run wrote nothing

        # Fixed, the file checks clean; the import runs with its progress bar to the end.
        page.set_input_files("#import input[type=file]",
                             write_csv(tmp_path / "spring-clinic.csv", GOOD_ROWS))
        submit(page, "#import button[type=submit]")
        expect(result).to_contain_text("All 9 rows are good.")
        page.evaluate("sessionStorage.removeItem('coach-bar')")  # what RECORD_BAR saw so far
        submit(page, "#run-import")
        expect(result).to_contain_text("Imported 9 patients.")  # the page reloads itself
        expect(page.locator("#job-bar")).to_have_js_property("value", 100)
        # Every value the bar took while the import ran, and the finished page's 100.
        bar = page.wait_for_function(
            "() => { const seen = JSON.parse(sessionStorage.getItem('coach-bar') || '[]');"
            " return seen.at(-1) === 100 && seen; }").json_value()
        assert bar == sorted(bar), bar  # it only moves forward
        screenshot(page, shots / "import.png")
        with server.client() as client:
            imported = client.get("/api/patients").json()
        assert sorted(p["name"] for p in imported) == sorted(r.split(",")[3] for r in GOOD_ROWS)

        # Enrol one more at the desk; she opts in from the phone simulator.
        page.goto(server.url + "/")
        page.fill("#enrol-form input[name=phone]", "(415) 555-0101")
        page.fill("#enrol-form input[name=name]", "Alice Moreno")
        page.fill("#enrol-form input[name=tz]", "America/Chicago")
        submit(page, "#enrol-form button[type=submit]")
        alice = patient_id(ALICE)
        expect(page).to_have_url(f"{server.url}/patients/{alice}")
        expect(flash).to_contain_text(f"Enrolled Alice Moreno #{alice}")
        expect(page.locator("#patient-status")).to_have_text("pending")
        page.fill("#simulate-form input[name=body]", "YES")
        submit(page, "#simulate-form button[type=submit]")
        expect(flash).to_contain_text("Welcome")
        expect(page.locator("#patient-status")).to_have_text("active")
        # A schedule, and the preview of what it will send (her local time, after quiet hours).
        page.select_option(".schedule-form select[name=kind]", "eye_rest")
        page.fill("#schedules input[name=every]", "90min")
        page.fill("#schedules input[name=between]", "09:00-17:00")
        page.fill("#schedules input[name=days]", "mon-fri")
        submit(page, ".schedule-form button[type=submit]")
        expect(flash).to_contain_text("Schedule eye_rest saved.")
        expect(page.locator("#schedules table")).to_contain_text(
            "every 1h30m between 09:00-17:00, mon-fri")
        upcoming = texts(page, "#preview ol.preview li")
        assert len(upcoming) >= 3 and all(item.endswith("eye_rest") for item in upcoming)
        assert not any(day in item for item in upcoming for day in ("Sat", "Sun")), upcoming

        # The clinic's patients answer over the signed webhook: Ben's diary over three weeks,
        # two red flags, and two replies only the second reader is unsure about.
        for phone in (BEN, CHLOE, DEV):
            reply(phone, "YES", days_ago=25 if phone == BEN else 2)
        for days_ago, body in BEN_DIARY:
            reply(BEN, body, days_ago=days_ago)
        reply(BEN, "my vision went blurry in my left eye for an hour", days_ago=0.2)
        # (The learned reader's doubts move as it is retrained: "lunch went down a bit oddly
        # today" alone no longer reaches its threshold; the water makes it a swallowing doubt.)
        reply(CHLOE, "lunch went down a bit oddly today, had to sip water")
        reply(DEV, "not sure, the corner of my mouth feels weird?")
        # Alice reports a red flag from the simulated phone: advice at once, and an alert.
        page.goto(f"{server.url}/patients/{alice}")
        drooping = "the left side of my face is drooping, I can't smile"
        logcheck.remember(drooping)
        page.fill("#simulate-form input[name=body]", drooping)
        submit(page, "#simulate-form button[type=submit]")
        expect(flash).to_contain_text("Immediate reply:")
        expect(flash).to_contain_text("911")
        expect(page.locator("section.card ul.alerts")).to_contain_text(
            re.compile("emergency", re.IGNORECASE))
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
        page.goto(f"{server.url}/patients/{ben}")
        expect(page.locator("#patient-status")).to_have_text("active")
        expect(page.locator("#charts svg")).to_have_count(2)
        charts = page.evaluate(
            "() => Array.from(document.querySelectorAll('#charts svg'), s => ({"
            " title: s.textContent, dots: s.querySelectorAll('circle.dot').length,"
            " band: s.querySelectorAll('rect.band').length,"
            " events: s.querySelectorAll('g.event').length}))")
        assert [c["dots"] for c in charts] == [len(BEN_DIARY), len(BEN_DIARY)]
        assert all(c["band"] == 1 and c["events"] == 1 for c in charts), charts
        assert "Severity, last 30 days" in charts[0]["title"] and "target 0-3" in charts[0]["title"]
        diary = [row.split("\t") for row in texts(page, "#diary table.diary tbody tr")]
        ratings = [severity for _, severity, _ in diary if severity != "—"]
        assert ratings == ["2/10", "3/10", "4/10", "3/10", "4/10", "4/10", "5/10", "5/10",
                           "6/10", "6/10", "7/10", "7/10"]  # newest first
        assert "blurry" in diary[0][2]  # the red flag is a diary line without a rating
        screenshot(page, shots / "patient.png", scroll_to="#diary")

        # The dashboard: the inbox with both red flags, newest patients, the enrol form.
        page.goto(server.url + "/")
        expect(page.locator("#alerts li.alert")).to_have_count(2)
        inbox = texts(page, "#alerts li.alert")
        assert "EMERGENCY" in inbox[0].upper() and "Alice Moreno" in inbox[0]
        assert "drooping" in inbox[0]
        assert "URGENT" in inbox[1].upper() and "Ben Okafor" in inbox[1] and "blurry" in inbox[1]
        expect(page.locator("#patients")).to_contain_text("Alice Moreno")
        screenshot(page, shots / "dashboard.png")

        # Acknowledge Alice's alert: it leaves the open inbox, and shows who took it.
        page.fill("#alerts li.alert-emergency input[name=by]", "Carol Diaz")
        submit(page, "#alerts li.alert-emergency .ack button")
        expect(flash).to_contain_text("acknowledged by Carol Diaz")
        expect(page.locator("#alerts li.alert")).to_have_count(1)
        expect(page.locator("#alerts li.alert")).to_contain_text("Ben Okafor")
        page.goto(server.url + "/?alerts_shown=all#alerts")
        done = page.locator("#alerts li.alert.done")
        expect(done).to_have_count(1)
        expect(done).to_contain_text("Acknowledged by Carol Diaz")
        screenshot(page, shots / "alerts.png")

        # The review queue: the second reader's doubts, newest first, with the codes suspected.
        page.goto(server.url + "/review")
        items = texts(page, "#review li.alert")
        assert len(items) >= 2, items
        chloe_item = next(t for t in items if "lunch went down" in t)
        dev_item = next(t for t in items if "corner of my mouth" in t)
        assert items.index(dev_item) < items.index(chloe_item), items  # newest first
        assert "swallowing" in chloe_item and "weakness" in dev_item
        screenshot(page, shots / "review.png")
        # Chloe's lunch was just lunch: untick the suspicion, mark it "no red flag".
        chloe = page.locator("#review li.alert", has_text="lunch went down")
        suspected = chloe.locator("input[name=codes][value=swallowing]")
        expect(suspected).to_be_checked()  # the second reader's guess, ticked for the operator
        suspected.uncheck()
        chloe.locator("input[name=no_red_flag]").check()
        with page.expect_navigation(wait_until="load"):
            chloe.locator("button[type=submit]").click()
        expect(flash).to_contain_text("labelled: no red flag.")
        expect(page.locator("#review li.alert", has_text="lunch went down")).to_have_count(0)
        page.goto(server.url + "/review?status=labelled")
        labelled = page.locator("#review li.alert")
        expect(labelled).to_have_count(1)
        expect(labelled).to_contain_text(f"Labelled no red flag by {CAROL}")

        # The audit log: each change, by whom, with no number or message in clear.
        page.goto(server.url + "/admin/audit")
        rows = [r.split("\t") for r in texts(page, "table.audit tbody tr")]
        actions = {(r[2], r[3]) for r in rows}
        for action in ("programme.add", "patient.import", "patient.enrol", "simulator.reply",
                       "schedule.set", "alert.ack", "review.label"):
            assert (CAROL, action) in actions, (action, actions)
        audit = page.locator("#audit").inner_text()
        assert "(415) 555-0101" not in audit and ALICE not in audit and BEN not in audit
        assert "drooping" not in audit
        assert "[body: 3 chars]" in audit  # the simulated "YES" is kept as its length only
        assert f"[body: {len(drooping)} chars]" in audit
        screenshot(page, shots / "audit.png")

    for name in ("login", "import-dry-run", "import", "patient", "dashboard", "alerts",
                 "review", "audit"):
        png = (shots / f"{name}.png").read_bytes()
        assert png.startswith(b"\x89PNG"), name
        # The IHDR chunk's width and height: the README's pictures are all 1280x900.
        assert (int.from_bytes(png[16:20]), int.from_bytes(png[20:24])) == (WIDTH, HEIGHT), name
