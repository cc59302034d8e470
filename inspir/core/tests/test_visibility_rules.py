"""Where a rule is written twice — as a query for lists and as a check on one loaded record,
so that a page need not ask the database again — both must say the same for every record
and every role of the test world."""

from django.contrib.auth.models import AnonymousUser

from inspir.governance.models import Meeting
from inspir.governance.selectors.access import meeting_is_visible, visible_meetings


def test_a_loaded_meeting_is_visible_exactly_when_the_list_holds_it(world):
    meetings = list(Meeting.objects.select_related("committee"))
    assert any(m.agenda_published_at is None for m in meetings), "the world needs a hidden one"
    readers = {"anonymous": AnonymousUser(), **world["users"]}
    disagreements = []
    for role, user in readers.items():
        listed = set(visible_meetings(user).values_list("pk", flat=True))
        for meeting in meetings:
            if meeting_is_visible(meeting, user) != (meeting.pk in listed):
                disagreements.append(f"{role}: {meeting} listed={meeting.pk in listed}")
    assert disagreements == []
    # The rule hides something from someone, or the comparison proves nothing.
    assert any(not meeting_is_visible(meeting, readers["anonymous"]) for meeting in meetings)
