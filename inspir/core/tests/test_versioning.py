"""The one versioning mechanism (core/versioning.py, decision 0005): lock and compare,
raise the version on save, and the conflict table every edit form shows."""

import pytest
from django import forms
from django.db import transaction
from django.template.loader import render_to_string
from django.test import RequestFactory

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core.versioning import (
    EditConflict,
    Versioned,
    conflicting_fields,
    lock_version,
    save_version,
    show_edit_conflict,
)
from inspir.governance.models import AgendaInput, AgendaItem, FollowUp, Meeting, Proposal
from inspir.governance.services import decisions, meetings, proposals
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    ProposalFactory,
)
from inspir.network.models import Organisation, OrganisationKind
from inspir.network.services import organisation_update
from inspir.network.tests.factories import (
    CountryFactory,
    OrganisationFactory,
    continental,
    member_of,
    national,
)

pytestmark = pytest.mark.django_db


def test_every_editable_record_is_versioned():
    for model in (Meeting, AgendaItem, AgendaInput, Proposal, FollowUp, Organisation):
        assert issubclass(model, Versioned), model


def test_lock_version_returns_the_locked_row_when_the_version_matches():
    organisation = OrganisationFactory()
    with transaction.atomic():
        locked = lock_version(Organisation, organisation.pk, 1)
    assert locked.pk == organisation.pk


def test_lock_version_refuses_an_older_version_and_carries_the_saved_record():
    organisation = OrganisationFactory(acronym="NEW")
    Organisation.objects.filter(pk=organisation.pk).update(version=3)
    with pytest.raises(EditConflict) as conflict, transaction.atomic():
        lock_version(Organisation.objects.select_related("country"), organisation.pk, 2)
    assert conflict.value.saved.version == 3
    assert conflict.value.saved.acronym == "NEW"


def test_an_empty_version_is_a_conflict_never_a_skipped_check():
    organisation = OrganisationFactory()
    with pytest.raises(EditConflict), transaction.atomic():
        lock_version(Organisation, organisation.pk, None)


def test_save_version_raises_the_version_by_one_in_the_database():
    organisation = OrganisationFactory()
    organisation.acronym = "A"
    save_version(organisation)
    assert organisation.version == 2
    organisation.acronym = "B"
    save_version(organisation, update_fields=["acronym"])
    organisation.refresh_from_db()
    assert (organisation.version, organisation.acronym) == (3, "B")


class ProfileForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Organisation
        fields = ["name", "kind", "country", "is_social_movement", "description"]


def test_conflicting_fields_names_the_fields_that_differ_readably():
    country = CountryFactory(code="BJ")
    saved = OrganisationFactory(
        name="Saved name", kind=OrganisationKind.TRADE_UNION, country=country
    )
    form = ProfileForm(
        {
            "name": "My name",
            "kind": saved.kind,
            "country": country.pk,
            "is_social_movement": "on",
            "description": "line one\nline two",
            "version": "1",
        },
        instance=Organisation(pk=saved.pk),
    )
    assert form.is_valid(), form.errors
    saved.description = "other"
    saved.is_social_movement = False
    differences = {d.name: d for d in conflicting_fields(form, saved)}
    assert set(differences) == {"name", "is_social_movement", "description"}
    assert differences["name"].theirs == "My name"
    assert differences["name"].saved == "Saved name"
    assert differences["is_social_movement"].theirs == "yes"
    assert "version" not in differences  # hidden fields are never compared


def test_show_edit_conflict_keeps_the_input_moves_the_version_and_renders_the_table():
    saved = OrganisationFactory(name="Saved name")
    Organisation.objects.filter(pk=saved.pk).update(version=5)
    saved.refresh_from_db()
    post = {"name": "Mine", "kind": saved.kind, "country": saved.country_id, "version": "4"}
    request = RequestFactory().post("/", post)
    form = ProfileForm(request.POST, instance=Organisation(pk=saved.pk))
    assert form.is_valid(), form.errors
    table = show_edit_conflict(request, form, EditConflict(saved=saved), message="Changed.")
    assert form.non_field_errors() == ["Changed."]
    assert form.data["version"] == "5" and form.data["name"] == "Mine"
    html = render_to_string("components/edit_conflict.html", {"conflict": table})
    assert "Saved name" in html and "Mine" in html and "<caption>" in html


def _coordinator(network):
    return user_with_role(network, Role.COORDINATOR)


def _meeting(data):
    meeting = MeetingFactory()
    actor = _coordinator(meeting.committee.network)
    return lambda version, text: meetings.meeting_update(
        meeting=meeting, actor=actor, version=version, data={"title": text}
    )


def _agenda_item(data):
    item = AgendaItemFactory()
    actor = _coordinator(item.meeting.committee.network)
    return lambda version, text: meetings.agenda_item_update(
        item=item, actor=actor, version=version, data={"title": text}
    )


def _minutes(data):
    meeting = MeetingFactory()
    actor = _coordinator(meeting.committee.network)
    return lambda version, text: meetings.minutes_update(
        meeting=meeting, actor=actor, version=version, minutes=text
    )


def _proposal(data):
    proposal = ProposalFactory()
    actor = _coordinator(proposal.origin_network)
    return lambda version, text: proposals.proposal_update(
        proposal=proposal, actor=actor, version=version, title=text
    )


def _follow_up(data):
    follow_up = FollowUpFactory()
    actor = _coordinator(follow_up.network)
    return lambda version, text: decisions.follow_up_report(
        follow_up=follow_up, actor=actor, status="in_progress", report=text, version=version
    )


def _organisation(data):
    network = national(continental())
    organisation = member_of(network, name="Union", slug="union")
    actor = _coordinator(network)
    return lambda version, text: organisation_update(
        organisation=organisation, actor=actor, version=version, data={"acronym": text}
    )


@pytest.mark.parametrize(
    "edit", [_meeting, _agenda_item, _minutes, _proposal, _follow_up, _organisation]
)
def test_two_editors_from_the_same_version_the_second_gets_the_saved_record(edit, mailbox):
    """Both editors loaded version 1; the first save goes through, the second is refused
    with the record as the first one left it, and saving again from there goes through."""
    save = edit(None)
    first = save(1, "First editor")
    assert first.version == 2
    with pytest.raises(EditConflict) as conflict:
        save(1, "Second editor")
    assert conflict.value.saved.version == 2
    again = save(conflict.value.saved.version, "Second editor, after reading")
    assert again.version == 3
