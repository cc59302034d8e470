"""One's notifications on the platform: the header's unread count, the list (newest first,
unread marked, paginated), opening a notice (read, then its page), marking all read, and
the preferences page, without JavaScript."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from inspir.notifications.models import NoticePreference, NoticeSettings, Notification
from inspir.notifications.services import notify_users
from inspir.notifications.tests.fixtures import DIGEST_KIND, KIND, person_user

pytestmark = pytest.mark.django_db(transaction=True)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def tell(user, *things: int, kind: str = KIND) -> None:
    for thing in things:
        notify_users(kind=kind, users=[user], context={"thing": thing}, key=f"thing:{thing}")


def test_the_header_counts_unread_notices_and_the_list_shows_them_newest_first(notice_kind):
    reader = person_user("fr")
    client = logged_in(reader)
    assert "Notifications (0)" in client.get("/fr/").content.decode()

    tell(reader, 1, 2, 3)

    page = client.get("/fr/").content.decode()
    assert "Notifications (3)" in page
    listing = client.get("/fr/notifications/").content.decode()
    assert listing.index("Accueil #3") < listing.index("Accueil #2") < listing.index("Accueil #1")
    assert listing.count('class="notice notice-unread"') == 3


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(notice_kind):
    reader = person_user("en")
    tell(reader, 5)
    notice = Notification.objects.get()
    client = logged_in(reader)

    response = client.get(f"/en/notifications/{notice.pk}/")

    assert response.status_code == 302 and response["Location"] == "/things/5/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "Notifications (0)" in client.get("/en/").content.decode()


def test_nobody_opens_another_persons_notice(notice_kind):
    owner, other = person_user(), person_user()
    tell(owner, 6)
    notice = Notification.objects.get()

    assert logged_in(other).get(f"/en/notifications/{notice.pk}/").status_code == 404
    assert Client().get(f"/en/notifications/{notice.pk}/").status_code == 302  # to log in
    notice.refresh_from_db()
    assert notice.read_at is None


def test_a_notice_whose_subject_is_gone_is_listed_without_a_link(notice_kind):
    reader = person_user("en")
    notify_users(kind=KIND, users=[reader], context={"thing": 8, "gone": True}, key="gone")
    client = logged_in(reader)

    page = client.get("/en/notifications/").content.decode()
    assert "What this notice was about no longer exists." in page
    notice = Notification.objects.get()
    response = client.get(f"/en/notifications/{notice.pk}/")
    assert response["Location"] == "/en/notifications/"


def test_mark_all_as_read(notice_kind):
    reader = person_user("en")
    tell(reader, 1, 2)
    client = logged_in(reader)

    response = client.post("/en/notifications/read/", follow=True)

    assert "All your notifications are marked as read." in response.content.decode()
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert "Notifications (0)" in response.content.decode()


def test_the_list_is_paginated_and_its_queries_do_not_grow_with_the_notices(notice_kind):
    reader = person_user("en")
    client = logged_in(reader)
    tell(reader, *range(3))
    client.get("/en/notifications/")  # texts kept from here on

    def queries() -> int:
        with CaptureQueriesContext(connection) as seen:
            assert client.get("/en/notifications/").status_code == 200
        return len(seen)

    few = queries()
    tell(reader, *range(3, 45))
    client.get("/en/notifications/")
    assert queries() == few
    second = client.get("/en/notifications/?page=2").content.decode()
    assert "Page 2 of 3" in second


def test_the_header_count_costs_no_query_once_kept(notice_kind):
    reader = person_user("en")
    client = logged_in(reader)  # the log-in counts once
    tell(reader, 1)  # and each notice adds one to the kept count

    with CaptureQueriesContext(connection) as seen:
        page = client.get("/en/").content.decode()
    assert "Notifications (1)" in page
    assert not [q for q in seen.captured_queries if "notifications_notification" in q["sql"]]


def test_preferences_are_saved_per_kind_with_the_digest_hour(notice_kind):
    reader = person_user("es", zone="America/Lima")
    client = logged_in(reader)
    page = client.get("/es/notifications/preferences/").content.decode()
    assert "America/Lima" in page

    response = client.post(
        "/es/notifications/preferences/",
        {f"kind-{KIND}": "digest", f"kind-{DIGEST_KIND}": "digest", "digest_hour": "18"},
        follow=True,
    )

    assert response.status_code == 200
    assert list(NoticePreference.objects.values_list("kind", "delivery")) == [(KIND, "digest")]
    assert NoticeSettings.objects.get(user=reader).digest_hour == 18
    tell(reader, 9)
    assert Notification.objects.get().delivery == "digest"


def test_bad_preferences_are_refused_and_what_was_typed_stays(notice_kind):
    reader = person_user("en")
    client = logged_in(reader)

    response = client.post(
        "/en/notifications/preferences/",
        {f"kind-{KIND}": "pigeon", f"kind-{DIGEST_KIND}": "in_app", "digest_hour": "25"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in page
    assert not NoticePreference.objects.exists()


# --- The list kept for its reader (page_cache.own_data_version) --------------------------------


@pytest.fixture
def kept(settings):
    """The page cache on, as in production."""
    from django.core.cache import caches

    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


def listing(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/en/notifications/").content.decode()
    return len(captured), page


def notices(page: str) -> str:
    return page[page.index('<ol class="notice-list">') : page.index("</ol>")]


def test_a_second_visit_reads_no_notice_and_shows_the_same(notice_kind, kept):
    reader = person_user("en")
    tell(reader, 1, 2)
    client = logged_in(reader)

    first, page = listing(client)
    again, same = listing(client)

    assert again < first and notices(same) == notices(page)
    assert page.count('class="notice notice-unread"') == 2


def test_a_new_notice_and_a_notice_read_show_at_once_in_the_kept_list(notice_kind, kept):
    reader = person_user("en")
    tell(reader, 1)
    client = logged_in(reader)
    listing(client)

    tell(reader, 2)
    assert "Home #2" in listing(client)[1]

    client.get(f"/en/notifications/{Notification.objects.get(key='thing:1').pk}/")
    assert listing(client)[1].count('class="notice notice-unread"') == 1

    client.post("/en/notifications/read/")
    assert 'class="notice notice-unread"' not in listing(client)[1]


def test_nobody_gets_another_readers_kept_list(notice_kind, kept):
    owner, other = person_user("en"), person_user("en")
    tell(owner, 7)
    listing(logged_in(owner))

    page = listing(logged_in(other))[1]

    assert "Home #7" not in page and "You have no notifications yet." in page
