"""What accounts has waiting for the reader on their "my work" page (core/my_work.py): the
invitations they sent that are still pending, and the gaps of their profile in the network
(no person, no time zone, no languages). Registered from `AccountsConfig.ready()`."""

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.accounts.permissions import Action, network_ids_where, permission_key
from inspir.accounts.selectors import pending_invitations_sent
from inspir.core.my_work import (
    ITEM_LIMIT,
    WorkItem,
    WorkProvider,
    WorkSection,
    earliest,
    limited,
)
from inspir.core.time import reader_zone

# A person's zone until they choose theirs: nobody in the network lives by UTC itself.
UNSET_ZONE = "UTC"


def profile_gaps(user: Any) -> list[WorkItem]:
    """What the reader's profile still lacks, each with where to give it."""
    profile = reverse("accounts_profile_edit")
    person = user.person
    if person is None:
        return [
            WorkItem(
                text=_("Your account is not linked to a person in the network yet."),
                url=profile,
                action=_("Complete my profile"),
            )
        ]
    gaps = []
    if not person.time_zone or person.time_zone == UNSET_ZONE:
        gaps.append(
            WorkItem(
                text=_("You have not given your time zone: times are shown in UTC."),
                url=f"{profile}#id_time_zone",
                action=_("Give my time zone"),
            )
        )
    if not person.languages:
        gaps.append(
            WorkItem(
                text=_("You have not said which languages you speak."),
                url=f"{profile}#id_languages",
                action=_("Give my languages"),
            )
        )
    return gaps


def accounts_work(user: Any) -> Iterator[WorkSection]:
    managed = network_ids_where(user, Action.MANAGE_MEMBERS)
    if managed is None or managed:
        zone = reader_zone(user)
        invitations, more = limited(
            pending_invitations_sent(user=user, network_ids=managed, limit=ITEM_LIMIT)
        )
        yield WorkSection(
            key="invitations",
            title=gettext_lazy("Invitations not accepted yet"),
            order=50,
            items=[
                WorkItem(
                    text=invitation.email,
                    detail=_("Invited to %(network)s as %(role)s")
                    % {"network": invitation.network.name, "role": invitation.get_role_display()},
                    url=reverse("accounts_invitations"),
                    action=_("Send it again or withdraw it"),
                    when=invitation.expires_at,
                    when_label=_("Expires:"),
                    zone=zone,
                )
                for invitation in invitations
            ],
            more_url=reverse("accounts_invitations") if more else "",
            more_label=gettext_lazy("See every invitation") if more else "",
            # An invitation is pending until it expires.
            changes_at=earliest(*(invitation.expires_at for invitation in invitations)),
        )
    gaps = profile_gaps(user)
    if gaps:
        yield WorkSection(key="profile", title=gettext_lazy("Your profile"), order=90, items=gaps)


# What the sections rest on besides the data: who the reader is and what they may do.
PROVIDER = WorkProvider(name="accounts", order=10, sections=accounts_work, varies_on=permission_key)
