"""Reads for calendar files and feeds: which meetings go into which calendar.

A feed is fetched by calendar applications, which cannot log in: the committee feed holds
only what the public may see (meetings whose agenda is published), and a person's feed is
reached through its secret address alone. Every feed is read in a fixed number of queries,
however many meetings it holds."""

import copy
import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from inspir.accounts.models import User
from inspir.accounts.permissions import AnyUser
from inspir.core.collation import name_order
from inspir.governance.models import CalendarFeed, Committee, Mandate, Meeting, Participant
from inspir.governance.permissions import (
    governance_readable_network_ids,
    governance_readable_networks,
)
from inspir.governance.selectors.access import visible_meetings

# A feed reaches this far back (cancelled meetings included, so that calendars drop them)...
FEED_PAST_DAYS = 365
# ...and holds at most this many meetings, the latest first.
FEED_MAX_MEETINGS = 500


def _for_calendar(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.select_related("committee__network").prefetch_related("items")


def _window(meetings: QuerySet[Meeting]) -> list[Meeting]:
    since = timezone.now() - datetime.timedelta(
        days=getattr(settings, "GOVERNANCE_FEED_PAST_DAYS", FEED_PAST_DAYS)
    )
    limit = getattr(settings, "GOVERNANCE_FEED_MAX_MEETINGS", FEED_MAX_MEETINGS)
    latest = _for_calendar(meetings.filter(ends_at__gte=since)).order_by("-starts_at", "pk")
    return sorted(latest[:limit], key=lambda meeting: (meeting.starts_at, meeting.pk))


def _for_the_public(meeting: Meeting) -> Meeting:
    """The meeting as the public may read it: without its video link, which is for the
    committee's members and those invited (a copy: the meeting itself is left alone)."""
    if not meeting.video_url:
        return meeting
    public = copy.copy(meeting)
    public.video_url = ""
    return public


def meeting_for_ics(*, user: AnyUser, pk: int) -> Meeting:
    """The meeting if `user` may see it (without its video link unless they read the
    committee's governance in full); raises Meeting.DoesNotExist otherwise."""
    meeting = _for_calendar(visible_meetings(user)).get(pk=pk)
    readable = governance_readable_network_ids(user)
    if user.is_authenticated and (readable is None or meeting.committee.network_id in readable):
        return meeting
    return _for_the_public(meeting)


def public_committee_get(*, slug: str) -> Committee:
    return Committee.objects.select_related("network").get(network__slug=slug)


def committee_feed_meetings(*, committee: Committee) -> list[Meeting]:
    """What anyone may subscribe to: the committee's meetings that the public sees."""
    public = visible_meetings(AnonymousUser()).filter(committee=committee)
    return [_for_the_public(meeting) for meeting in _window(public)]


def feed_get(*, token: str) -> CalendarFeed:
    """The feed behind a secret address, if its owner's account is active; raises
    CalendarFeed.DoesNotExist otherwise."""
    return CalendarFeed.objects.select_related("user__person").get(
        token=token, user__is_active=True
    )


def person_feed_meetings(*, user: User) -> list[Meeting]:
    """The meetings of the committees where the user's person holds a current mandate, and
    those they are invited to, published or not: the address is theirs alone."""
    if user.person_id is None:
        return []
    seats = Mandate.objects.current().filter(person_id=user.person_id).values("committee_id")
    invited = Participant.objects.filter(person_id=user.person_id).values("meeting_id")
    return _window(Meeting.objects.filter(Q(committee_id__in=seats) | Q(pk__in=invited)))


def user_feed(*, user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def reachable_committees(*, user: AnyUser) -> QuerySet[Committee]:
    """Committees whose public feed is worth offering: those of the networks the user reads
    (their own, the ones above them, the committees they sit on)."""
    return (
        Committee.objects.filter(network__in=governance_readable_networks(user).values("pk"))
        .select_related("network")
        .order_by("network__level", name_order("network__"))
    )


def holds_a_seat_or_invitation(*, user: User) -> bool:
    if user.person_id is None:
        return False
    return (
        Mandate.objects.current().filter(person_id=user.person_id).exists()
        or Participant.objects.filter(person_id=user.person_id).exists()
    )
