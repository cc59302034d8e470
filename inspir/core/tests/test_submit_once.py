"""Exactly-once forms: the same rendered form sent twice does its work once and the second
submit lands on the first one's result; two renderings of a form are two submits; a token
this site did not sign for this user is named as an out-of-date page."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.http import HttpResponse
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core import submit_once
from inspir.core.models import FormSubmission
from inspir.core.page_cache import public_page
from inspir.core.submit_once import FIELD, MAX_AGE, SALT, submissions_purge
from inspir.governance.models import AgendaItem, Meeting
from inspir.governance.tests.factories import MeetingFactory
from inspir.governance.tests.test_meetings import World, make_world, schedule_data

ALREADY_SENT = "This form was already sent; here is the result."
OUT_OF_DATE = "This page is out of date; here is the current version."


@pytest.fixture
def world(db) -> World:
    return make_world()


def rendered_token(client, url: str) -> str:
    """The one-time token of the form as the page renders it."""
    page = client.get(url).content.decode()
    match = re.search(rf'name="{FIELD}" value="([^"]+)"', page)
    assert match, f"no {FIELD} in the form of {url}"
    return match.group(1)


def test_the_same_meeting_form_sent_twice_schedules_one_meeting_and_invites_once(
    client, world, mailbox, django_capture_on_commit_callbacks
):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    form = schedule_data() | {FIELD: rendered_token(client, url)}

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, form)
        second = client.post(url, form)

    meeting = Meeting.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == meeting.get_absolute_url()
    assert len(mailbox.messages) == 5  # one invitation per member of the committee
    assert len({message["To"] for message in mailbox.messages}) == 5
    page = client.get(second["Location"]).content.decode()
    assert ALREADY_SENT in page


def test_the_same_agenda_item_form_sent_twice_adds_one_item(client, world):
    meeting = MeetingFactory(committee=world.committee)
    client.force_login(world.governor)
    url = reverse("governance:agenda_item_create", kwargs={"pk": meeting.pk})
    form = {"title": "Budget 2031", "description": "", "duration_minutes": "30"}
    form[FIELD] = rendered_token(client, url)

    first = client.post(url, form)
    second = client.post(url, form, follow=True)

    assert list(AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True)) == [
        "Budget 2031"
    ]
    assert second.redirect_chain == [(first["Location"], 302)]
    assert ALREADY_SENT in second.content.decode()


def test_two_renderings_of_the_same_form_schedule_two_meetings(
    client, world, mailbox, django_capture_on_commit_callbacks
):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    first_form = schedule_data() | {FIELD: rendered_token(client, url)}
    second_form = schedule_data() | {FIELD: rendered_token(client, url)}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, first_form)
        client.post(url, second_form)

    assert Meeting.objects.count() == 2
    assert len(mailbox.messages) == 10


def test_a_refused_form_can_be_corrected_and_sent(client, world):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    token = rendered_token(client, url)

    refused = client.post(url, schedule_data(title="") | {FIELD: token})
    # The form comes back with its errors and a new token; the old one is free again.
    assert refused.status_code == 200
    assert not Meeting.objects.exists()
    again = re.search(rf'name="{FIELD}" value="([^"]+)"', refused.content.decode())
    assert again and again.group(1) != token
    assert not FormSubmission.objects.exists()

    sent = client.post(url, schedule_data() | {FIELD: again.group(1)})
    assert sent.status_code == 302
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize(
    "value",
    [
        "forged",
        signing.dumps({"t": "abc", "u": None}, salt=SALT),  # signed for somebody else
        signing.dumps({"t": "abc", "u": 1}, salt="another purpose"),
        "x" * 5000,
    ],
    ids=["forged", "signed for another user", "signed for another purpose", "too long"],
)
def test_a_token_this_site_did_not_sign_for_this_user_is_an_out_of_date_page(client, world, value):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})

    response = client.post(url, schedule_data() | {FIELD: value}, follow=True)

    assert not Meeting.objects.exists()
    assert response.redirect_chain == [(url, 302)]
    assert OUT_OF_DATE in response.content.decode()


def test_a_token_rendered_for_another_user_is_refused(client, world):
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    client.force_login(world.governor)
    token = rendered_token(client, url)
    client.force_login(user_with_role(world.network, Role.COORDINATOR))

    response = client.post(url, schedule_data() | {FIELD: token})

    assert response.status_code == 302 and response["Location"] == url
    assert not Meeting.objects.exists()
    # The refused attempt claimed nothing: the governor's own submit still goes through.
    client.force_login(world.governor)
    assert client.post(url, schedule_data() | {FIELD: token}).status_code == 302
    assert Meeting.objects.count() == 1


def test_an_expired_token_is_refused_rather_than_risking_a_second_meeting(
    client, world, monkeypatch
):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    long_ago = timezone.now() - MAX_AGE - datetime.timedelta(minutes=1)
    with monkeypatch.context() as past:
        past.setattr(signing.time, "time", long_ago.timestamp)
        token = signing.dumps({"t": "rendered-long-ago", "u": world.governor.pk}, salt=SALT)

    response = client.post(url, schedule_data() | {FIELD: token})

    assert response.status_code == 302 and response["Location"] == url
    assert not Meeting.objects.exists()


def test_a_post_without_a_token_is_handled_as_before(client, world):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})

    client.post(url, schedule_data())
    client.post(url, schedule_data())

    assert Meeting.objects.count() == 2


def test_a_token_sent_to_another_form_is_refused(client, world):
    meeting = MeetingFactory(committee=world.committee)
    client.force_login(world.governor)
    meeting_url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    token = rendered_token(client, meeting_url)
    client.post(meeting_url, schedule_data() | {FIELD: token})

    item_url = reverse("governance:agenda_item_create", kwargs={"pk": meeting.pk})
    response = client.post(item_url, {"title": "Budget", "duration_minutes": "30", FIELD: token})

    assert response.status_code == 302 and response["Location"] == item_url
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


def test_old_submissions_are_forgotten_by_the_daily_retention(client, world):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    client.post(url, schedule_data() | {FIELD: rendered_token(client, url)})
    client.post(url, schedule_data() | {FIELD: rendered_token(client, url)})
    FormSubmission.objects.filter(pk=FormSubmission.objects.order_by("pk").first().pk).update(
        created_at=timezone.now() - MAX_AGE - datetime.timedelta(hours=1)
    )

    assert submissions_purge() == 1
    assert FormSubmission.objects.count() == 1


def _token_tag(request) -> str:
    return Template("{% load submit_once %}{% submit_once %}").render(Context({"request": request}))


def test_a_visitor_gets_no_token_on_a_page_visitors_share(rf):
    # Pages anonymous visitors share may be cached: a token there would be everyone's.
    seen = {}

    @public_page
    def shared(request):
        seen["input"] = _token_tag(request)
        return HttpResponse(seen["input"])

    request = rf.get("/")
    request.user = AnonymousUser()
    shared(request)

    assert seen["input"] == ""


def test_a_visitor_gets_their_own_token_on_a_page_rendered_for_them(rf):
    # The contact form, subscribing, unsubscribing: rendered for each visitor, sent once.
    request = rf.get("/")
    request.user = AnonymousUser()

    first, second = _token_tag(request), _token_tag(request)

    assert f'name="{FIELD}"' in first
    assert first != second
    value = first.split('value="')[1].split('"')[0]
    assert submit_once.read_token(value, request) is not None


def _claimed_token(client, url: str, user) -> tuple[str, FormSubmission]:
    """A rendered token whose first submit is still running (its claim is pending)."""
    value = rendered_token(client, url)
    token = signing.loads(value, salt=SALT)["t"]
    return value, FormSubmission.objects.create(token=token, user=user, path=url)


def test_a_repeat_while_the_first_submit_still_runs_says_so_and_does_nothing(
    client, world, monkeypatch
):
    monkeypatch.setattr(submit_once, "WAIT_SECONDS", 0)
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    value, _first = _claimed_token(client, url, world.governor)

    response = client.post(url, schedule_data() | {FIELD: value})

    assert response.status_code == 202
    assert "This form is being processed" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_repeat_lands_on_the_result_once_the_first_submit_is_done(client, world, monkeypatch):
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    value, first = _claimed_token(client, url, world.governor)
    polls = []

    def first_finishes(seconds: float) -> None:
        polls.append(seconds)
        first.status, first.result_url = FormSubmission.Status.DONE, "/en/governance/meetings/"
        first.save()

    monkeypatch.setattr(submit_once.time, "sleep", first_finishes)

    response = client.post(url, schedule_data() | {FIELD: value})

    assert len(polls) == 1
    assert response.status_code == 302 and response["Location"] == "/en/governance/meetings/"
    assert not Meeting.objects.exists()


def test_a_repeat_runs_the_form_when_the_first_submit_gave_it_back(client, world, monkeypatch):
    """The first copy was refused and shown again (its claim released): the waiting copy
    is sent in its place rather than dropped."""
    client.force_login(world.governor)
    url = reverse("governance:meeting_create", kwargs={"slug": "inspir"})
    value, first = _claimed_token(client, url, world.governor)
    monkeypatch.setattr(submit_once.time, "sleep", lambda seconds: first.delete())

    response = client.post(url, schedule_data() | {FIELD: value})

    assert response.status_code == 302
    assert Meeting.objects.count() == 1
