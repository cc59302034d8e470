"""Suggestions from the networks, decided by the plan's owners, with the action's history
showing where each change came from."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from inspir.core.errors import Conflict, Invalid, Refused
from inspir.core.history import revisions
from inspir.governance.models import Domain
from inspir.notifications.models import Notification
from inspir.planning.models import PlanAction, Suggestion, SuggestionKind, SuggestionStatus
from inspir.planning.notices import DECIDED, MADE
from inspir.planning.services import suggestions as services

pytestmark = pytest.mark.django_db


def page(client, user, url: str) -> BeautifulSoup:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def suggest_new(client, w, **extra):
    client.force_login(w.focal_point)
    data = {
        "from_network": w.benin.pk,
        "network": w.africa.pk,
        "period": w.period.pk,
        "title": "Radio programmes on health mutuals",
        "description": "A weekly programme in Fon and French.",
        "domain": Domain.COMMUNICATION,
        "starts_on": "2021-01-01",
        "ends_on": "2021-06-30",
        "reason": "Our members listen to the radio more than they read.",
        **extra,
    }
    return client.post(reverse("planning:suggestion_create"), data)


def test_a_national_suggestion_is_accepted_into_the_continental_plan_with_its_history(
    client, w, mailbox
):
    response = suggest_new(client, w)
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert (suggestion.kind, suggestion.network, suggestion.from_network) == (
        SuggestionKind.NEW,
        w.africa,
        w.benin,
    )
    # Africa's coordinator is told, and finds it on "my work".
    assert Notification.objects.filter(user=w.coordinator, kind=MADE).count() == 1
    work = page(client, w.coordinator, reverse("core:my_work"))
    assert "Radio programmes on health mutuals" in work.get_text()

    # The coordinator finalises the title and accepts.
    detail = page(client, w.coordinator, suggestion.get_absolute_url())
    assert detail.find("form", action=reverse("planning:suggestion_decide", args=[suggestion.pk]))
    response = client.post(
        reverse("planning:suggestion_decide", args=[suggestion.pk]),
        {
            "decision": "accept",
            "title": "Radio programmes on the health mutuals",
            "description": suggestion.description,
            "domain": Domain.COMMUNICATION,
            "starts_on": "2021-01-01",
            "ends_on": "2021-06-30",
            "answer": "Welcome: Bénin leads it.",
        },
    )
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    action = suggestion.result
    assert response["Location"] == action.get_absolute_url()
    assert action.network == w.africa and action.title == "Radio programmes on the health mutuals"
    # The suggester is told.
    told = Notification.objects.get(user=w.focal_point, kind=DECIDED)
    assert told.key == f"suggestion:{suggestion.pk}:decided"
    # The action's history names the suggestion and its author.
    (revision,) = revisions(action)
    assert revision.author == w.coordinator
    assert "INSP!R Bénin" in revision.note
    history = page(
        client, w.coordinator, reverse("core:history_list", args=["plan-action", action.pk])
    )
    assert "INSP!R Bénin" in history.get_text()


def test_a_change_is_applied_with_a_diff_and_the_old_state_can_be_restored(client, w):
    action = w.africa_action
    client.force_login(w.member)
    response = client.post(
        reverse("planning:suggestion_create") + f"?action={action.pk}",
        {
            "from_network": w.benin.pk,
            "title": action.title,
            "description": "What the action does.\nAnd a visit to Cotonou's mutuals.",
            "domain": action.domain,
            "starts_on": "2020-03-01",
            "ends_on": "2021-09-30",
            "reason": "",
        },
    )
    assert response.status_code == 302
    suggestion = Suggestion.objects.get(kind=SuggestionKind.CHANGE)
    assert suggestion.action_version == action.version

    # The owner reads what it would change, line by line.
    detail = page(client, w.coordinator, suggestion.get_absolute_url())
    assert any("Cotonou" in added.get_text() for added in detail.find_all("ins"))
    client.post(
        reverse("planning:suggestion_decide", args=[suggestion.pk]),
        {
            "decision": "accept",
            "version": action.version,
            "title": suggestion.title,
            "description": suggestion.description,
            "domain": suggestion.domain,
            "starts_on": "2020-03-01",
            "ends_on": "2021-09-30",
            "answer": "",
        },
    )
    action.refresh_from_db()
    assert "Cotonou" in action.description and action.ends_on == datetime.date(2021, 9, 30)
    first, second = sorted(revisions(action), key=lambda r: r.version)
    assert second.author == w.coordinator and "Cotonou" in second.snapshot["description"]

    # Restoring the first state through the history page.
    restore = reverse("core:revision_restore", args=["plan-action", action.pk, first.version])
    client.force_login(w.coordinator)
    response = client.post(restore, {"version": action.version})
    assert response.status_code == 302
    action.refresh_from_db()
    assert "Cotonou" not in action.description
    assert action.ends_on == datetime.date(2021, 6, 30)
    assert revisions(action).count() == 3


def test_a_suggestion_is_decided_once_and_declining_needs_a_reason(client, w):
    suggest_new(client, w)
    suggestion = Suggestion.objects.get()
    with pytest.raises(Invalid):
        services.suggestion_decline(suggestion=suggestion, actor=w.coordinator, answer=" ")
    services.suggestion_decline(
        suggestion=suggestion, actor=w.coordinator, answer="The budget is spent."
    )
    with pytest.raises(Conflict):
        services.suggestion_accept(
            suggestion=suggestion, actor=w.coordinator, data={"title": "Again"}
        )
    assert not PlanAction.objects.filter(title="Again").exists()
    # The page says so instead of failing.
    client.force_login(w.coordinator)
    response = client.post(
        reverse("planning:suggestion_decide", args=[suggestion.pk]),
        {"decision": "merge", "into": w.africa_action.pk, "answer": ""},
    )
    assert response.status_code == 200
    assert "decided already" in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.DECLINED


def test_a_suggestion_is_merged_into_an_action_of_the_same_plan(client, w):
    suggest_new(client, w)
    suggestion = Suggestion.objects.get()
    with pytest.raises(Invalid):
        services.suggestion_merge(suggestion=suggestion, actor=w.coordinator, into=w.world_action)
    services.suggestion_merge(
        suggestion=suggestion, actor=w.coordinator, into=w.africa_action, answer="Covered."
    )
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.result) == (SuggestionStatus.MERGED, w.africa_action)
    detail = page(client, w.focal_point, w.africa_action.get_absolute_url())
    assert "Radio programmes on health mutuals" in detail.get_text()


def test_only_the_plans_owners_decide_and_members_suggest_from_their_own_network(client, w):
    suggest_new(client, w)
    suggestion = Suggestion.objects.get()
    for user in (w.focal_point, w.member, w.latin_member, w.secretariat):
        with pytest.raises(Refused):
            services.suggestion_decline(suggestion=suggestion, actor=user, answer="No.")
        client.force_login(user)
        url = reverse("planning:suggestion_decide", args=[suggestion.pk])
        assert client.get(url).status_code == 404
    # From Latin America to the Africa plan: not their line.
    client.force_login(w.latin_member)
    response = client.post(
        reverse("planning:suggestion_create"),
        {
            "from_network": w.latin.pk,
            "network": w.africa.pk,
            "period": w.period.pk,
            "title": "Elsewhere",
            "domain": Domain.LEARNING,
        },
    )
    assert response.status_code == 200
    assert Suggestion.objects.count() == 1
    # From a network one does not belong to.
    with pytest.raises(Refused):
        services.suggestion_make(
            actor=w.latin_member,
            from_network=w.benin,
            network=w.africa,
            period=w.period,
            data={"title": "Not mine", "domain": Domain.LEARNING},
        )


def test_the_suggestion_pages_read_in_french_and_spanish(client, w):
    suggest_new(client, w)
    suggestion = Suggestion.objects.get()
    for language, words in (("fr", "Décider"), ("es", "Decidir")):
        with translation.override(language):
            url = suggestion.get_absolute_url()
        text = page(client, w.coordinator, url).get_text()
        assert words in text, language
