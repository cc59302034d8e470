"""The words of governance pages read right in every language: no "de INSP!R" in French, and
counts agree with the number they count ("1 réseau sur 2 a agi", "1 point sur 2")."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from inspir.governance.models import FollowUp, FollowUpStatus, Meeting
from inspir.governance.services.preparation import input_save
from inspir.governance.tests.test_decisions import record, world  # noqa: F401 (fixture)
from inspir.governance.tests.test_preparation import circulate, items, page, w  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_committee_page_names_its_network_without_a_broken_elision(client, world):  # noqa: F811
    client.force_login(world.chair)
    with translation.override("fr"):
        url = reverse("governance:committee_detail", kwargs={"slug": world.inter.slug})

    html = client.get(url).content.decode()

    assert "Comité de pilotage du réseau INSP!R" in html
    assert "de INSP!R" not in html


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("fr", "1 réseau sur 2 a agi", "2 réseaux sur 2 ont agi"),
        ("es", "1 de 2 redes ha actuado", "2 de 2 redes han actuado"),
        ("en", "1 of 2 networks has acted", "2 of 2 networks have acted"),
    ],
)
def test_the_report_back_board_agrees_with_the_networks_that_acted(
    client,
    world,  # noqa: F811
    language,
    one,
    two,
):
    decision = record(world, concerns=[world.africa, world.asia])
    Meeting.objects.filter(pk=world.meeting.pk).update(minutes_published_at=timezone.now())
    with translation.override(language):
        board = reverse("governance:follow_up_board", kwargs={"pk": decision.pk})
        listing = reverse("governance:decision_list")

    FollowUp.objects.filter(decision=decision, network=world.africa).update(
        status=FollowUpStatus.DONE, report="Done."
    )
    assert one in client.get(board).content.decode()
    if language == "fr":
        assert "1 sur 2 a agi" in client.get(listing).content.decode()

    FollowUp.objects.filter(decision=decision).update(status=FollowUpStatus.DONE, report="Done.")
    assert two in client.get(board).content.decode()


@pytest.mark.parametrize(
    ("language", "none", "one"),
    [
        ("fr", "(0 point sur 2)", "(1 point sur 2)"),
        ("es", "(0 puntos de 2)", "(1 punto de 2)"),
        ("en", "(0 of 2 items)", "(1 of 2 items)"),
    ],
)
def test_inputs_still_expected_count_the_items_given(
    w,  # noqa: F811
    django_capture_on_commit_callbacks,
    language,
    none,
    one,
):
    circulate(w, django_capture_on_commit_callbacks)
    first, _second = items(w.meeting)
    with translation.override(language):
        assert f'Africa <span class="muted">{none}' in page(w, w.world_gov)
    input_save(item=first, network=w.africa, text="Health coverage.", actor=w.africa_gov)
    with translation.override(language):
        assert f'Africa <span class="muted">{one}' in page(w, w.world_gov)
