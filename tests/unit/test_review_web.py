"""The review queue on the web: /api/review and the /review page (roles, CSRF, audit)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from coach import patients, second_read
from coach.core.types import RedFlag
from coach.db.accounts import AuditEntry
from coach.db.engine import transaction
from coach.db.models import Message
from coach.db.review import ReviewItem
from tests.unit.test_dialogue import VAGUE, suspecting
from tests.unit.test_web_support import ALICE, WebEnv, new_sid, post_signed, sms_params


def suspected_item(web: WebEnv, body: str = VAGUE) -> int:
    with transaction(web.factory) as s:
        if patients.find_by_phone(s, ALICE) is None:
            p, invite = patients.enroll(s, web.settings, phone=ALICE, tz="America/New_York",
                                        now=web.now)
            invite.status = "sent"
            patients.opt_in(s, p, now=web.now, method="sms_yes")
    response = post_signed(web, "/twilio/inbound", sms_params(body, sid=new_sid()))
    assert response.status_code == 200
    with web.session() as s:
        inbound = s.scalars(select(Message.id).where(Message.direction == "in")
                            .order_by(Message.id.desc())).first()
    assert inbound is not None
    second_read.read_one(web.factory, web.settings, inbound, now=web.now + timedelta(seconds=2),
                         assessor=suspecting(RedFlag.SWALLOWING, when=body))
    with web.session() as s:
        item_id = s.scalar(select(ReviewItem.id).where(ReviewItem.message_id == inbound))
    assert item_id is not None
    return item_id


def test_api_lists_newest_first_and_labels(web) -> None:
    first = suspected_item(web)
    web.now += timedelta(minutes=1)
    second = suspected_item(web, "lunch went down a bit oddly today")
    rows = web.client.get("/api/review").json()
    assert [r["id"] for r in rows] == [second, first]
    assert rows[0]["suspected"] == ["swallowing"]
    # One question at a time: the second suspicion is reviewed, not asked.
    assert [r["dialogue"] for r in rows] == ["none", "asked"]
    assert ALICE not in str(rows)
    response = web.client.post(f"/api/review/{first}/label",
                               json={"red_flags": ["swallowing"]})
    assert response.status_code == 200, response.text
    assert response.json()["label"]["red_flags"] == ["swallowing"]
    assert [r["id"] for r in web.client.get("/api/review").json()] == [second]
    assert [r["id"] for r in web.client.get("/api/review?status=labelled").json()] == [first]
    bad = web.client.post(f"/api/review/{second}/label", json={"red_flags": ["droopy"]})
    assert bad.status_code == 422 and "unknown red-flag code" in bad.text
    assert web.client.post("/api/review/999/label", json={"no_red_flag": True}).status_code == 404
    with web.session() as s:
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "review.label"))
        assert entry.target == f"review:{first}" and "swallowing" in (entry.after or "")


def test_api_needs_a_token_and_viewers_cannot_label(web, anon_client) -> None:
    item = suspected_item(web)
    assert anon_client.get("/api/review").status_code == 401
    from tests.unit.test_web_support import add_account

    token = add_account(web.factory, "viewer.api@clinic.test", "viewer")
    headers = {"Authorization": f"Bearer {token}"}
    assert anon_client.get("/api/review", headers=headers).status_code == 200
    refused = anon_client.post(f"/api/review/{item}/label", json={"no_red_flag": True},
                               headers=headers)
    assert refused.status_code == 403


def test_page_lists_items_and_the_form_labels(web, operator_client) -> None:
    item = suspected_item(web)
    page = operator_client.get("/review")
    assert page.status_code == 200
    assert VAGUE in page.text and "<code>swallowing</code>" in page.text
    assert f'action="/review/{item}/label"' in page.text and ALICE not in page.text
    response = operator_client.post(f"/review/{item}/label",
                                    {"codes": ["swallowing", "speech"]})
    assert response.status_code == 303
    after = operator_client.get(response.headers["location"])
    assert "labelled: speech, swallowing" in after.text
    with web.session() as s:
        row = s.get_one(ReviewItem, item)
        assert (row.status, row.label_codes) == ("labelled", "speech,swallowing")
        assert row.labelled_by == "operator.browser@clinic.test"


def test_page_form_errors_show_a_banner(web, operator_client) -> None:
    item = suspected_item(web)
    response = operator_client.post(f"/review/{item}/label", {})
    after = operator_client.get(response.headers["location"])
    assert "at least one red-flag code" in after.text
    both = operator_client.post(f"/review/{item}/label", {"codes": "speech", "no_red_flag": "1"})
    assert "not both" in operator_client.get(both.headers["location"]).text


def test_page_form_is_refused_without_csrf_or_for_a_viewer(web, viewer_client,
                                                             operator_client) -> None:
    item = suspected_item(web)
    assert viewer_client.get("/review").status_code == 200
    assert viewer_client.post(f"/review/{item}/label", {"no_red_flag": "1"}).status_code == 403
    forged = operator_client.client.post(f"/review/{item}/label", data={"no_red_flag": "1"},
                                         headers={"Origin": "https://testserver"})
    assert forged.status_code == 403
    with web.session() as s:
        assert s.get_one(ReviewItem, item).status == "open"
