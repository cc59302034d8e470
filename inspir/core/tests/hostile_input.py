"""Hostile input on every form and every query parameter of the platform.

The pages are requested in French, as someone who may use them. Each form is found by
parsing the page (`<form method="post">`, its fields and their types), then posted once per
class of hostile value, with every field at once set to that class's value for its type.
A view's query parameters are found by recording which keys it reads from `request.GET`.
The answer must never be a server error nor a half-written change: a refused form changes
no row and names the problem in French; an accepted one redirects to a page that works.

A form or a query parameter that the tables below do not list is itself a failure, so a
new form cannot ship without being tried."""

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from django.apps import apps
from django.contrib import admin
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import HttpRequest, HttpResponse, QueryDict
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from inspir.accounts.tests.factories import PASSWORD
from inspir.core.tests.permission_matrix import ADMIN_READ_ONLY, Rule, rule_for, url_names


@dataclass(frozen=True)
class Use:
    """Where a form is found and who fills it in."""

    page: str  # URL name of the page showing the form
    role: str
    kwargs: str = ""  # as in the permission matrix: a value of the test world
    # A new object for every post: the form deletes or closes its object when accepted.
    fresh: bool = False
    # The page shows its form only to someone who has just confirmed the password.
    reauthenticated: bool = False


AFRICA_PRODUCER = "continental_coordinator"  # produces Africa's annual report

# Every URL that receives a form, with the page that shows it and who fills it in.
FORMS: dict[str, Use] = {
    "account_login": Use("account_login", "anonymous"),
    "account_logout": Use("core:home", "member"),
    "account_reset_password": Use("account_reset_password", "anonymous"),
    "account_change_password": Use("account_change_password", "staff"),
    "account_email": Use("account_email", "staff"),
    "account_reauthenticate": Use("account_reauthenticate", "staff"),
    "mfa_reauthenticate": Use("mfa_reauthenticate", "staff"),
    # A new password chosen from the e-mailed link, a new link each time (a used one is void).
    "account_reset_password_from_key": Use(
        "account_reset_password_from_key", "anonymous", "new_reset_key", fresh=True
    ),
    # Someone without a second factor yet, setting up an app or a security key.
    "mfa_activate_totp": Use("mfa_activate_totp", "committee_member", reauthenticated=True),
    "mfa_add_webauthn": Use("mfa_add_webauthn", "committee_member", reauthenticated=True),
    # Before the invitations are tried: revoking one could revoke the link accepted here.
    "accounts_invitation_accept": Use("accounts_invitation_accept", "anonymous"),
    "accounts_invitations": Use("accounts_invitations", "coordinator"),
    # Before withdrawing: a withdrawn invitation is not sent again.
    "accounts_invitation_resend": Use("accounts_invitations", "coordinator"),
    "accounts_invitation_revoke": Use("accounts_invitations", "coordinator"),
    "core:undelivered_mail_resend": Use("core:undelivered_mail", "intercontinental_coordinator"),
    "core:undelivered_mail_dismiss": Use("core:undelivered_mail", "staff"),
    # Restoring an earlier version of the minutes (a version saved since is never overwritten).
    "core:revision_restore": Use("core:revision_detail", "coordinator", "minutes_revision"),
    "accounts_my_data": Use("accounts_my_data", "member"),
    "notifications:preferences": Use("notifications:preferences", "member"),
    "notifications:read_all": Use("notifications:list", "member"),
    # The confirmation page of an e-mail's unsubscribe link, opened without logging in.
    "notifications:unsubscribe": Use("notifications:unsubscribe", "anonymous", "unsubscribe"),
    "accounts_profile_edit": Use("accounts_profile_edit", "member"),
    "network:organisation_edit": Use("network:organisation_edit", "coordinator"),
    "network:network_edit": Use("network:network_edit", "focal_point", "network"),
    "governance:mandate_create": Use("governance:mandate_create", "coordinator"),
    "governance:mandate_end": Use("governance:mandate_end", "coordinator"),
    "governance:mandate_withdraw": Use(
        "governance:mandate_withdraw", "coordinator", "new_mandate", fresh=True
    ),
    "governance:seat_rule_create": Use("governance:seat_rule_create", "coordinator"),
    "governance:seat_rule_edit": Use("governance:seat_rule_edit", "coordinator"),
    "governance:committee_quorum": Use("governance:committee_quorum", "coordinator"),
    # Under a text shown in its original language, to a reader of another.
    "translations:ask": Use("network:organisation_detail", "member"),
    "translations:edit": Use("translations:edit", "coordinator"),
    # The translation was made by Benin's coordinator: its translator reviews it.
    "translations:review": Use("translations:edit", "focal_point"),
    "translations:import": Use("translations:import", "coordinator"),
    "translations:translators": Use("translations:translators", "coordinator"),
    # The page lists the newest translator first: a fresh one for each removal.
    "translations:translator_remove": Use(
        "translations:translators", "coordinator", "fresh_translator", fresh=True
    ),
    "governance:available_hours": Use("governance:available_hours", "committee_member"),
    "governance:meeting_create": Use("governance:meeting_create", "coordinator"),
    "governance:meeting_edit": Use("governance:meeting_edit", "coordinator"),
    "governance:meeting_cancel": Use("governance:meeting_cancel", "coordinator", fresh=True),
    "governance:invitation_answer": Use(
        "governance:invitation_answer", "committee_member", "new_invitation", fresh=True
    ),
    "governance:agenda_item_create": Use("governance:agenda_item_create", "coordinator"),
    "governance:agenda_item_edit": Use("governance:agenda_item_edit", "coordinator"),
    "governance:agenda_item_delete": Use(
        "governance:agenda_item_delete", "coordinator", fresh=True
    ),
    "governance:agenda_item_move": Use("governance:meeting_detail", "coordinator"),
    "governance:document_upload": Use("governance:document_upload", "coordinator"),
    "governance:document_delete": Use("governance:document_delete", "coordinator", fresh=True),
    "governance:participants_edit": Use("governance:participants_edit", "coordinator"),
    "governance:minutes_edit": Use("governance:minutes_edit", "coordinator"),
    "governance:minutes_publish": Use(
        "governance:minutes_correct", "coordinator", "new_approved_meeting", fresh=True
    ),
    "governance:minutes_circulate": Use(
        "governance:meeting_detail", "coordinator", "new_minuted_meeting", fresh=True
    ),
    "governance:minutes_comment": Use("governance:minutes_comment", "member", "circulated_meeting"),
    "governance:minutes_approve": Use(
        "governance:minutes_approve", "coordinator", "new_circulated_meeting", fresh=True
    ),
    "governance:minutes_correct": Use(
        "governance:minutes_correct", "coordinator", "corrected_meeting"
    ),
    "governance:document_visibility": Use("governance:meeting_detail", "coordinator"),
    "governance:calendar_feed_settings": Use(
        "governance:calendar_feed_settings", "committee_member"
    ),
    "governance:agenda_circulate": Use("governance:agenda_circulate", "coordinator", fresh=True),
    "governance:agenda_publish": Use("governance:agenda_publish", "coordinator", fresh=True),
    "governance:input_edit": Use("governance:input_edit", "coordinator"),
    "governance:consultation_create": Use(
        "governance:consultation_create", "continental_coordinator"
    ),
    "governance:proposal_create": Use("governance:proposal_create", "member"),
    "governance:proposal_edit": Use("governance:proposal_edit", "member"),
    "governance:proposal_comment": Use("governance:proposal_detail", "member"),
    "governance:proposal_action": Use("governance:proposal_detail", "coordinator"),
    "governance:decision_create": Use("governance:decision_create", "coordinator"),
    "governance:round_create": Use("governance:round_create", "committee_secretariat"),
    # One's own position, from the round's page (the secretariat's: the committee member's
    # mandate is ended by the mandate form's walk); one given orally, by the secretariat.
    "governance:position_state": Use(
        "governance:decision_detail", "committee_secretariat", "open_round"
    ),
    "governance:position_record": Use(
        "governance:position_record", "committee_secretariat", "open_round"
    ),
    "governance:follow_up_report": Use("governance:follow_up_report", "coordinator"),
    "planning:periods": Use("planning:periods", "intercontinental_coordinator"),
    "planning:action_create": Use("planning:action_create", "coordinator"),
    "planning:action_edit": Use("planning:action_edit", "coordinator", "plan_action"),
    "planning:action_indicators": Use("planning:action_indicators", "coordinator", "plan_action"),
    "planning:suggestion_create": Use("planning:suggestion_create", "member"),
    # The decision is taken on the suggestion's page; a decided one is not decided again.
    "planning:suggestion_decide": Use(
        "planning:suggestion_detail", "coordinator", "new_suggestion", fresh=True
    ),
    "planning:context_note_edit": Use("planning:context_note_edit", "coordinator", "network"),
    "planning:stakeholder_create": Use("planning:stakeholder_create", "coordinator", "network"),
    "planning:stakeholder_edit": Use("planning:stakeholder_edit", "coordinator", "stakeholder"),
    "planning:stakeholder_assess": Use("planning:stakeholder_assess", "coordinator", "stakeholder"),
    # advocacy: Benin's positions (a fresh draft for each adoption and archiving), its
    # submission, campaign and alliance.
    "advocacy:position_create": Use("advocacy:position_create", "coordinator"),
    "advocacy:position_edit": Use("advocacy:position_edit", "coordinator", "position"),
    "advocacy:position_adopt": Use(
        "advocacy:position_adopt", "coordinator", "new_position", fresh=True
    ),
    "advocacy:position_publish": Use("advocacy:position_detail", "coordinator", "adopted_position"),
    "advocacy:position_archive": Use(
        "advocacy:position_detail", "coordinator", "new_position", fresh=True
    ),
    "advocacy:submission_create": Use("advocacy:submission_create", "coordinator", "position"),
    "advocacy:submission_edit": Use("advocacy:submission_edit", "coordinator", "submission"),
    "advocacy:submission_outcome": Use("advocacy:submission_outcome", "coordinator", "submission"),
    "advocacy:campaign_create": Use("advocacy:campaign_create", "coordinator"),
    "advocacy:campaign_edit": Use("advocacy:campaign_edit", "coordinator", "campaign"),
    "advocacy:alliance_create": Use("advocacy:alliance_create", "coordinator"),
    "advocacy:alliance_edit": Use("advocacy:alliance_edit", "coordinator", "alliance"),
    # learning: Benin's resource, its files (a fresh one for each removal) and its need.
    "learning:resource_create": Use("learning:resource_create", "focal_point"),
    "learning:resource_edit": Use("learning:resource_edit", "focal_point", "library_resource"),
    "learning:attachment_upload": Use(
        "learning:attachment_upload", "focal_point", "library_resource"
    ),
    "learning:attachment_delete": Use(
        "learning:attachment_delete", "focal_point", "new_library_attachment", fresh=True
    ),
    "learning:need_create": Use("learning:need_create", "focal_point"),
    "learning:need_edit": Use("learning:need_edit", "focal_point", "library_need"),
    # financing: Benin's funder and call (its focal point), its proposal (its coordinator,
    # who sees the amounts), a fresh document for each removal.
    "financing:funder_create": Use("financing:funder_create", "focal_point"),
    "financing:funder_edit": Use("financing:funder_edit", "focal_point", "funder"),
    "financing:call_create": Use("financing:call_create", "focal_point", "funder"),
    "financing:call_edit": Use("financing:call_edit", "focal_point", "funding_call"),
    "financing:proposal_create": Use("financing:proposal_create", "coordinator"),
    "financing:proposal_edit": Use("financing:proposal_edit", "coordinator", "funding_proposal"),
    "financing:proposal_move": Use("financing:proposal_move", "coordinator", "funding_proposal"),
    "financing:document_upload": Use(
        "financing:document_upload", "coordinator", "funding_proposal"
    ),
    "financing:document_delete": Use(
        "financing:document_delete", "coordinator", "new_funding_document", fresh=True
    ),
    # website: the contact form (anyone), Benin's news (its focal point; a draft to edit).
    "website:contact": Use("website:contact", "anonymous"),
    "website:post_create": Use("website:post_create", "focal_point"),
    "website:post_edit": Use("website:post_edit", "focal_point", "website_draft"),
    # newsletters: subscribing and the e-mails' links (anyone, by their token: the choices
    # before the unsubscribe, which leaves no form to fill); Benin's issues (its focal point).
    "newsletters:subscribe": Use("newsletters:subscribe", "anonymous"),
    "newsletters:confirm": Use("newsletters:confirm", "anonymous", "newsletter_confirm"),
    "newsletters:preferences": Use("newsletters:preferences", "anonymous", "newsletter_token"),
    "newsletters:unsubscribe": Use("newsletters:unsubscribe", "anonymous", "newsletter_token"),
    "newsletters:issue_create": Use("newsletters:issue_create", "focal_point"),
    "newsletters:issue_edit": Use("newsletters:issue_edit", "focal_point", "newsletter_issue"),
    "newsletters:issue_test": Use("newsletters:issue_detail", "focal_point", "newsletter_issue"),
    "newsletters:issue_send": Use("newsletters:issue_send", "focal_point", "newsletter_issue"),
    # reports: Africa's 2020 report, by Africa's coordinator: its texts, its editions.
    "reports:report_text_edit": Use("reports:report_text_edit", AFRICA_PRODUCER, "report"),
    "reports:editions_generate": Use("reports:report_detail", AFRICA_PRODUCER, "report"),
    "reports:edition_publish": Use("reports:report_detail", AFRICA_PRODUCER, "report"),
    # In Africa, whose national networks it may be passed on to (Benin's has none below it).
    "governance:follow_up_cascade": Use(
        "governance:follow_up_cascade", "continental_coordinator", "continental_follow_up"
    ),
}


@dataclass(frozen=True)
class Query:
    role: str
    keys: frozenset[str]
    kwargs: str = ""


def _query(role: str, *keys: str) -> Query:
    return Query(role, frozenset(keys))


# Every query parameter a page reads, and who reads the page.
_NEXT = ("next",)
QUERIES: dict[str, Query] = {
    "set_language": _query("anonymous", *_NEXT),
    "core:search": _query("member", "kind", "page", "q"),
    "core:audit_list": _query("coordinator", "action", "network", "page", "since", "until"),
    "core:undelivered_mail": _query("staff", "page"),
    "notifications:list": _query("member", "page"),
    "translations:coverage": _query("coordinator", "page"),
    "translations:queue": Query("coordinator", frozenset({"page"}), "translation_queue"),
    "core:history_list": Query("coordinator", frozenset({"page"}), "minutes_history"),
    "network:network_detail": _query("anonymous", "page"),
    "network:organisation_list": _query(
        "anonymous", "country", "kind", "movement", "network", "page", "q"
    ),
    "network:person_list": _query("member", "page"),
    "governance:meeting_list": _query("coordinator", "committee", "page", "when"),
    # `minutes` is read with `starts_at`, the slot finder's link.
    "governance:meeting_create": _query("coordinator", "starts_at", "minutes"),
    "governance:mandate_create": _query("coordinator", "people"),
    # The invitation e-mail's links choose an answer, saved only once confirmed.
    "governance:invitation_answer": Query(
        "committee_member", frozenset({"answer"}), "new_invitation"
    ),
    # Completing one's profile: after saving the hours, on to its next step.
    "governance:available_hours": _query("committee_member", "then"),
    "governance:slot_finder": _query(
        "coordinator", "from_date", "to_date", "minutes", "include_weekends"
    ),
    "governance:proposal_list": _query("member", "awaiting", "domain", "network", "page", "status"),
    "governance:decision_list": _query("anonymous", "committee", "domain", "outcome", "page"),
    "governance:decision_create": _query("coordinator", "item"),
    "governance:round_create": _query("committee_secretariat", "proposal"),
    "governance:position_record": _query("committee_secretariat", "person"),
    "planning:plan": _query("member", "period", "network", "domain", "status", "page"),
    "planning:dashboard": _query("member", "period", "network"),
    "planning:plan_print": _query("member", "period", "network"),
    "planning:export_csv": _query("member", "period", "network"),
    "planning:export_xlsx": _query("member", "period", "network"),
    "planning:action_create": _query("coordinator", "network", "period"),
    "planning:suggestion_create": _query("member", "action", "period"),
    "planning:suggestion_list": _query("member", "show", "period", "page"),
    "planning:context": Query("member", frozenset({"on", "compare", "page"}), "network"),
    # advocacy
    "advocacy:position_list": _query("member", "network", "status", "page"),
    "advocacy:position_create": _query("coordinator", "network"),
    "advocacy:campaign_list": _query("member", "page"),
    "advocacy:alliance_list": _query("member", "page"),
    "advocacy:public_list": _query("anonymous", "page"),
    # website
    "website:news_index": _query("anonymous", "page"),
    "website:network_news": Query("anonymous", frozenset({"page"}), "network"),
    "website:post_list": _query("focal_point", "status", "page"),
    # newsletters
    "newsletters:archive": _query("anonymous", "page"),
    "newsletters:network_archive": Query("anonymous", frozenset({"page"}), "network"),
    "newsletters:issue_list": _query("focal_point", "page"),
    "newsletters:issue_create": _query("focal_point", "network"),
    "newsletters:issue_detail": Query("focal_point", frozenset({"page"}), "newsletter_issue"),
    "newsletters:issue_preview": Query("focal_point", frozenset({"language"}), "newsletter_issue"),
    # learning
    "learning:library": _query(
        "member", "q", "kind", "branch", "principle", "network", "year", "page"
    ),
    "learning:need_list": _query("member", "network", "page"),
    # financing
    "financing:board": _query("member", "network", "funder", "year"),
    "financing:totals": _query("member", "network", "funder", "year"),
    "financing:funder_list": _query("member", "kind", "page"),
    "financing:proposal_create": _query("coordinator", "network"),
    "financing:proposal_move": Query("coordinator", frozenset({"status"}), "funding_proposal"),
    **{
        name: _query("anonymous", *_NEXT)
        for name in (
            "account_login",
            "account_logout",
            "account_signup",
            "account_inactive",
            "account_confirm_email",
            "account_confirm_login_code",
            "account_email_verification_sent",
            "account_reset_password",
            "account_reset_password_done",
            "account_reset_password_from_key",
            "account_reset_password_from_key_done",
            "mfa_authenticate",
        )
    },
    **{
        name: _query("staff", *_NEXT)
        for name in (
            "account_change_password",
            "account_reauthenticate",
            "mfa_reauthenticate",
            "mfa_reauthenticate_webauthn",
        )
    },
}

# Pages whose forms are not tried, and why.
NOT_TRIED = {
    # A button and nothing to fill in (turning the app off, new recovery codes): there is no
    # field to be hostile with, and the permission matrix already posts them.
    "mfa_deactivate_totp",
    "mfa_generate_recovery_codes",
}

# --- The hostile values -------------------------------------------------------------------------

LONG = "x" * 10_000
CONTROL = "a\x00b\x01c\x1b[31m\x7fd\r\n\t"
BIDI = "\u202eevil\u202c \U0001f642 \u200f\u05e2\u05d1\u05e8\u05d9\u05ea \ufeff"
HTML = "<script>alert(1)</script><b onmouseover=x>x</b>\"'&amp;"


@dataclass(frozen=True)
class Hostile:
    name: str
    # By field type: text, number, date, time, datetime, select, checkbox, hidden, any.
    values: dict[str, str]
    # For choice fields whose options are time zones.
    zone: str | None = None


def classes(foreign_id: str) -> list[Hostile]:
    """One hostile value per field type for each class; `foreign_id` is an object of
    another network."""
    return [
        Hostile(
            "empty", dict.fromkeys(("text", "number", "date", "time", "datetime", "select"), "")
        ),
        Hostile(
            "long",
            {
                "text": LONG,
                "number": "9" * 10_000,
                "date": "2026-01-01" * 1000,
                "time": "10:00" * 2000,
                "datetime": "2026-01-01T10:00" * 600,
                "select": LONG,
                "any": LONG,
            },
        ),
        Hostile(
            "control",
            {
                "text": CONTROL,
                "number": "1\x00",
                "date": "2026-01-01\x00",
                "time": "10:00\x00",
                "datetime": "2026-01-01T10:00\x00",
                "select": "\x00",
                "any": CONTROL,
            },
        ),
        Hostile(
            "bidi and emoji",
            {
                "text": BIDI,
                "number": "\u0661\u0662",
                "date": "\u0662\u0660\u0662\u0666-01-01",
                "time": "\U0001f642",
                "datetime": BIDI,
                "select": BIDI,
                "any": BIDI,
            },
        ),
        Hostile(
            "html",
            dict.fromkeys(("text", "number", "date", "time", "datetime", "select", "any"), HTML),
        ),
        Hostile(
            "year 1",
            {
                "number": "-1",
                "date": "0001-01-01",
                "time": "00:00",
                "datetime": "0001-01-01T00:00",
                "any": "0001-01-01T00:00Z",
            },
        ),
        Hostile(
            "year 9999",
            {
                "number": "99999999999999999999",
                "date": "9999-12-31",
                "time": "23:59",
                "datetime": "9999-12-31T23:59",
                "select": "99999999999999999999",
                "any": "9999-12-31T23:59Z",
            },
        ),
        Hostile(
            "malformed",
            {
                "number": "1e309",
                "date": "2026-02-30",
                "time": "25:61",
                "datetime": "2026-02-30T25:61",
                "select": "-1",
                "any": "2026-02-30T25:61Z",
            },
        ),
        Hostile(
            "not a number",
            {"number": "NaN", "date": "NaN", "time": "NaN", "datetime": "inf", "any": "-inf"},
        ),
        Hostile("another network's", {"select": foreign_id, "any": foreign_id}),
        # 02:30 on 29 March 2026 does not exist in Brussels: the clocks go from 02:00 to 03:00.
        Hostile(
            "time that does not exist",
            {
                "date": "2026-03-29",
                "time": "02:30",
                "datetime": "2026-03-29T02:30",
                "any": "2026-03-29T02:30",
            },
            zone="Europe/Brussels",
        ),
    ]


# --- Finding forms and query parameters ---------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str  # text, number, date, time, datetime, select, checkbox, radio, file, hidden
    value: str | list[str]  # as rendered
    options: list[str] = field(default_factory=list)


@dataclass
class FoundForm:
    page: str
    action: str  # URL name receiving the post
    url: str
    fields: list[Field]


INPUT_KINDS = {
    "number": "number",
    "date": "date",
    "time": "time",
    "datetime-local": "datetime",
    "checkbox": "checkbox",
    "radio": "radio",
    "file": "file",
    "hidden": "hidden",
}


def form_fields(form: Tag) -> list[Field]:
    found: dict[str, Field] = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or element.get("type") in {"submit", "button", "reset", "image"}:
            continue
        name = str(name)
        if element.name == "textarea":
            found[name] = Field(name, "text", element.get_text())
        elif element.name == "select":
            options = [str(o.get("value", o.get_text())) for o in element.find_all("option")]
            chosen = [
                str(o.get("value", o.get_text())) for o in element.find_all("option", selected=True)
            ]
            value: str | list[str] = chosen if element.has_attr("multiple") else (chosen or [""])[0]
            found[name] = Field(name, "select", value, options)
        else:
            kind = INPUT_KINDS.get(str(element.get("type", "text")), "text")
            value = str(element.get("value", ""))
            if kind in {"checkbox", "radio"}:
                known = found.get(name)
                options = [*(known.options if known else []), value or "on"]
                checked = known.value if known else []
                assert isinstance(checked, list)
                if element.has_attr("checked"):
                    checked = [*checked, value or "on"]
                found[name] = Field(name, kind, checked, options)
            else:
                found[name] = Field(name, kind, value)
    return list(found.values())


def posted_forms(page: str, url: str, html: str) -> Iterator[FoundForm]:
    soup = BeautifulSoup(html, "html.parser")
    for form in soup.find_all("form"):
        if str(form.get("method", "get")).lower() != "post":
            continue
        action = str(form.get("action") or url)
        path = urlsplit(action).path or urlsplit(url).path
        try:
            match = resolve(path)
        except Resolver404:
            continue
        yield FoundForm(page, match.view_name, path, form_fields(form))


def form_fields_of(response: HttpResponse, action: str) -> list[Field]:
    """The fields of the form posting to `action` on a page that answered."""
    html = response.content.decode(errors="replace")
    path = response.wsgi_request.path  # type: ignore[attr-defined]
    form = next((f for f in posted_forms("", path, html) if f.action == action), None)
    return form.fields if form is not None else []


def get_form_keys(html: str, path: str = "") -> set[str]:
    """The fields of the page's GET forms that submit to the page itself (the header's
    search box submits to the search page, whose own entry tries it)."""
    soup = BeautifulSoup(html, "html.parser")
    keys = set()
    for form in soup.find_all("form"):
        action = str(form.get("action") or "")
        if path and action and urlsplit(action).path != path:
            continue
        if str(form.get("method", "get")).lower() == "get":
            keys |= {f.name for f in form_fields(form)}
    return keys


class RecordingQueryDict(QueryDict):
    """A request's query string that remembers which keys the view asked for."""

    read: set[str]

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def getlist(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().getlist(key, default)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)


class RecordQueryKeys:
    """Test-only middleware: what the view read from the query string, on the response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        recording = RecordingQueryDict(request.META.get("QUERY_STRING", ""), mutable=True)
        recording.read = set()
        recording._mutable = False
        request.GET = recording
        response = self.get_response(request)
        response.query_keys_read = recording.read  # type: ignore[attr-defined]
        return response


def french(name: str, kwargs: dict[str, object] | None = None) -> str:
    with translation.override("fr"):
        return reverse(name, kwargs=kwargs)


def excluded(name: str) -> bool:
    if name.startswith("admin:"):
        # The admin's forms are tried through its add pages: a change page shows the same
        # form, the others are buttons (delete, log out) or the list's action menu.
        return not name.endswith("_add") or name.startswith(ADMIN_READ_ONLY)
    return any(name.startswith(prefix) for prefix in NOT_TRIED)


# Every model the admin may add, tried as staff (these pages are generated from the models),
# with the query parameters its pages read (pop-up windows, the list's filters to return to).
ADMIN_ADD_PAGES = [
    name
    for name in (
        f"admin:{model._meta.app_label}_{model._meta.model_name}_add"
        for model in admin.site._registry
    )
    if not excluded(name)
]
FORMS.update({name: Use(name, "staff") for name in ADMIN_ADD_PAGES})
QUERIES.update(
    {
        name: _query("staff", "_changelist_filters", "_popup", "_source_model", "_to_field")
        for name in ADMIN_ADD_PAGES
    }
)


# --- What a good answer is ----------------------------------------------------------------------

ENGLISH = re.compile(
    r"\b(the|this|enter|select|must|please|field|required|invalid|not found|error)\b", re.I
)


def snapshot() -> str:
    """Every row of every table but sessions, as one fingerprint."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = model._meta.db_table
            if table == "django_session":
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = sorted(repr(row) for row in cursor.fetchall())
            digest.update(table.encode())
            digest.update("\n".join(rows).encode())
    return digest.hexdigest()


def names_the_problem(response: HttpResponse) -> str | None:
    """None when the page names a problem in French; otherwise what is wrong with it."""
    html = response.content.decode(errors="replace")
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("html")
    if root is None or root.get("lang") != "fr":
        return f"{response.status_code} not a French page"
    if response.status_code == 200:
        errors = soup.select(".errorlist, [role=alert], .message-error")
        if not errors:
            return "the form came back without saying what is wrong"
        text = " ".join(e.get_text(" ", strip=True) for e in errors)
    else:
        main = soup.find("main") or soup.body
        text = main.get_text(" ", strip=True) if main else ""
        if not text:
            return f"{response.status_code} with an empty page"
    english = ENGLISH.search(text)
    if english:
        return f"{response.status_code} in English: {text[:200]!r}"
    return None


# --- Walking the platform -----------------------------------------------------------------------

DISCOVERY_ROLES = ("anonymous", "committee_member", "staff")
MIDDLEWARE = "inspir.core.tests.hostile_input.RecordQueryKeys"


@dataclass
class Discovery:
    forms: dict[str, FoundForm] = field(default_factory=dict)  # by URL name receiving it
    keys: dict[str, set[str]] = field(default_factory=dict)  # by page


def known_rule(name: str) -> Rule:
    rule = rule_for(name)
    assert rule is not None, f"{name}: not in the permission matrix"
    return rule


def reauthenticate(client: Client) -> None:
    """Confirm the password again, as pages that change one's authenticators ask; with a fresh
    rate limit, since the matrix does so many times for the same people."""
    cache.clear()
    client.post(french("account_reauthenticate"), {"password": PASSWORD})


def discover(
    client_for: Callable[[str], Client],
    kwargs_for: Callable[[str, Any], dict[str, object]],
) -> Discovery:
    """Every page of the permission matrix, as a visitor, a member and staff: the forms it
    shows and the query parameters it reads."""
    found = Discovery()
    for name, pattern in url_names():
        rule = rule_for(name)
        if rule is None or excluded(name):
            continue
        for role in DISCOVERY_ROLES:
            url = french(name, kwargs_for(rule.kwargs, pattern))
            client = client_for(role)
            if role != "anonymous":
                reauthenticate(client)
            response, url = open_page(client, url, name)
            keys = found.keys.setdefault(name, set())
            keys |= getattr(response, "query_keys_read", set())
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            html = response.content.decode()
            keys |= get_form_keys(html, response.wsgi_request.path)
            for form in posted_forms(name, url, html):
                found.forms.setdefault(form.action, form)
    return found


# --- Posting hostile values ---------------------------------------------------------------------

# Hidden fields carry what the page was built from; each is also tampered with.
TAMPERED = ("not-a-version", "99999999999999999999", "")
UNTOUCHED = {"csrfmiddlewaretoken"}
# The rendered form's one-time token is left out of the hostile attempts so that each reaches
# the view (with it, every attempt after the first accepted one would only be told "already
# sent"); one attempt of its own alters it.
ONE_TIME_TOKEN = "form_token"


def filled(form: FoundForm, hostile: Hostile) -> dict[str, Any]:
    """The form as rendered, with every visible field set to the class's value for its type."""
    data: dict[str, Any] = {}
    for found in form.fields:
        if found.name == ONE_TIME_TOKEN:
            continue
        value: Any = found.value
        if found.kind in {"text", "number", "date", "time", "datetime"}:
            value = hostile.values.get(found.kind, value)
        elif found.kind == "select":
            if hostile.zone is not None and hostile.zone in found.options:
                value = hostile.zone
            elif "select" in hostile.values:
                value = hostile.values["select"]
        elif found.kind in {"checkbox", "radio"} and "select" in hostile.values:
            value = [hostile.values["select"]] if hostile.values["select"] else []
        elif found.kind == "file":
            text = hostile.values.get("text")
            if text is None:
                value = SimpleUploadedFile("agenda.txt", b"agenda", "text/plain")
            elif text:
                name = text[:200].replace("/", "_") + ".txt"
                value = SimpleUploadedFile(name, text.encode(), "text/plain")
            else:
                continue
        if value in ([], None):
            continue
        data[found.name] = value
    return data


def tampered(form: FoundForm, value: str) -> dict[str, Any] | None:
    """The form as rendered, its hidden state replaced by `value`; None without any."""
    data = filled(form, Hostile("as rendered", {}))
    hidden = [
        f.name
        for f in form.fields
        if f.kind == "hidden" and f.name not in UNTOUCHED | {ONE_TIME_TOKEN}
    ]
    if not hidden:
        return None
    for name in hidden:
        data[name] = value
    return data


@dataclass
class Attempt:
    label: str
    data: dict[str, Any]


def attempts(form: FoundForm, foreign_id: str) -> list[Attempt]:
    tries = [Attempt(hostile.name, filled(form, hostile)) for hostile in classes(foreign_id)]
    for value in TAMPERED:
        data = tampered(form, value)
        if data is not None:
            tries.append(Attempt(f"hidden fields set to {value[:20]!r}", data))
    if any(f.name == ONE_TIME_TOKEN for f in form.fields):
        data = {**filled(form, Hostile("as rendered", {})), ONE_TIME_TOKEN: "not-a-token"}
        tries.append(Attempt("one-time token altered", data))
    return tries


def judge_post(client: Client, response: HttpResponse, before: str) -> str | None:
    """None for a good answer to a hostile post; otherwise what is wrong."""
    if response.status_code >= 500:
        return f"server error {response.status_code}"
    changed = snapshot() != before
    if response.status_code in {301, 302, 303}:
        target = client.get(response["Location"])
        if target.status_code >= 500:
            return f"accepted, then its page fails with {target.status_code}"
        if changed and target.status_code >= 400:
            return f"changed rows, then redirected to a {target.status_code}"
        return None
    if changed:
        return f"answered {response.status_code} but changed rows (half-written)"
    return names_the_problem(response)


def fuzz_forms(
    client_for: Callable[[str], Client],
    kwargs_for: Callable[[str, Any], dict[str, object]],
    foreign_id: str,
    only: set[str] | None = None,
) -> list[str]:
    problems = []
    patterns = dict(url_names())
    for action, use in FORMS.items():
        if only is not None and action not in only:
            continue
        rule = known_rule(use.page)
        form = find_form(client_for, kwargs_for, action, use, patterns[use.page], rule.kwargs)
        if form is None:
            problems.append(f"{action}: no form on {use.page} as {use.role}")
            continue
        for attempt in attempts(form, foreign_id):
            client = client_for(use.role)
            if use.reauthenticated:
                reauthenticate(client)
            if use.fresh:  # a new object, its form opened by the client that sends it
                form = find_form(
                    client_for, kwargs_for, action, use, patterns[use.page], rule.kwargs, client
                )
                assert form is not None
            before = snapshot()
            response = client.post(form.url, attempt.data)
            problem = judge_post(client, response, before)
            if problem:
                problems.append(f"{action} ({attempt.label}): {problem}")
    return problems


def find_form(
    client_for: Callable[[str], Client],
    kwargs_for: Callable[[str, Any], dict[str, object]],
    action: str,
    use: Use,
    pattern: Any,
    kind: str,
    client: Client | None = None,
) -> FoundForm | None:
    url = french(use.page, kwargs_for(use.kwargs or kind, pattern))
    if client is None:
        client = client_for(use.role)
        if use.reauthenticated:
            reauthenticate(client)
    response, url = open_page(client, url, use.page)
    html = response.content.decode(errors="replace")
    return next((f for f in posted_forms(use.page, url, html) if f.action == action), None)


def open_page(client: Client, url: str, name: str) -> tuple[HttpResponse, str]:
    """GET `url`, following a redirect to another address of the same page (allauth moves
    a password-reset key from the address into the session before showing its form)."""
    response = client.get(url)
    location = response.get("Location", "") if response.status_code in {301, 302} else ""
    if location:
        try:
            same_page = resolve(urlsplit(location).path).view_name == name
        except Resolver404:
            same_page = False
        if same_page:
            url = urlsplit(location).path
            response = client.get(url)
    return response, url


def fuzz_queries(
    client_for: Callable[[str], Client],
    kwargs_for: Callable[[str, Any], dict[str, object]],
    foreign_id: str,
) -> list[str]:
    problems = []
    patterns = dict(url_names())
    for page, query in QUERIES.items():
        url = french(page, kwargs_for(query.kwargs or known_rule(page).kwargs, patterns[page]))
        kinds = {}
        response = client_for(query.role).get(url)
        # A download (the plan's exports) is streamed: it shows no form to learn kinds from.
        body = b"" if response.streaming else response.content
        for form in BeautifulSoup(body, "html.parser").find_all("form"):
            kinds |= {f.name: f.kind for f in form_fields(form)}
        for hostile in classes(foreign_id):
            params = {}
            for key in sorted(query.keys):
                kind = kinds.get(key, "any")
                kind = "select" if kind in {"checkbox", "radio"} else kind
                value = hostile.values.get(kind, hostile.values.get("any"))
                if value is not None:
                    params[key] = value
            response = client_for(query.role).get(url, params)
            if response.status_code >= 500:
                problems.append(f"{page}?{hostile.name}: server error {response.status_code}")
            elif response.status_code >= 400:
                problem = names_the_problem(response)
                if problem:
                    problems.append(f"{page}?{hostile.name}: {problem}")
    return problems


def unlisted(found: Discovery) -> list[str]:
    """Forms and query parameters the tables do not cover, and table rows that are stale."""
    problems = [
        f"{action}: a form on {form.page} not in the hostile-input matrix"
        for action, form in sorted(found.forms.items())
        if action not in FORMS and not excluded(action)
    ]
    problems += [
        f"{action}: in the hostile-input matrix, but no page shows its form"
        for action in sorted(FORMS)
        if action not in found.forms
    ]
    for page, keys in sorted(found.keys.items()):
        missing = keys - (QUERIES[page].keys if page in QUERIES else frozenset())
        if missing:
            problems.append(f"{page}: reads {sorted(missing)}, not in the hostile-input matrix")
    return problems
