"""Identical submits at the same instant, as a double click or a browser retry sends them:
two app servers (separate processes, two threads each) receive four copies of one rendered
form, released together. The database decides which one does the work; the others wait
for its result. One meeting, one set of invitations, one agenda item, and no error.

Runs on the database of the run: on SQLite the test database (in memory) is copied to a
file, which the servers share as production would; on PostgreSQL the servers use the test
database itself."""

import http.client
import os
import re
import sqlite3
import threading
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from inspir.core.submit_once import FIELD
from inspir.core.tests.app_servers import app_servers
from inspir.governance.models import AgendaItem, Meeting
from inspir.governance.tests.factories import MeetingFactory
from inspir.governance.tests.test_meetings import make_world, schedule_data

COPIES = 4
pytestmark = pytest.mark.django_db(transaction=True)


class Session:
    """One logged-in browser: its cookies, sent to whichever server."""

    def __init__(self, cookies: dict[str, str]) -> None:
        self.cookies = cookies

    def open(self, port: int) -> http.client.HTTPConnection:
        opened = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        opened.connect()
        return opened

    def send(self, opened: http.client.HTTPConnection, path: str, form: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        opened.request("POST" if form is not None else "GET", path, body=body, headers=headers)
        response = opened.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), response.read().decode()

    def form_fields(self, port: int, path: str) -> dict[str, str]:
        """The CSRF and one-time tokens of the form as the server renders it."""
        status, _, page = self.send(self.open(port), path)
        assert status == 200, page
        return {
            name: re.search(rf'name="{name}" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            for name in ("csrfmiddlewaretoken", FIELD)
        }


def at_once(session: Session, ports: list[int], path: str, form: dict) -> list[tuple]:
    """Send `form` COPIES times, spread over the servers, all released at the same instant."""
    barrier = threading.Barrier(COPIES)
    answers: list[tuple | BaseException] = [()] * COPIES

    def submit(number: int) -> None:
        try:
            opened = session.open(ports[number % len(ports)])
            barrier.wait(timeout=10)
            status, location, _ = session.send(opened, path, form)
            answers[number] = (status, location)
        except BaseException as error:  # reported by the test, not lost in the thread
            answers[number] = error

    threads = [threading.Thread(target=submit, args=(number,)) for number in range(COPIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers  # type: ignore[return-value]


@pytest.fixture
def servers(tmp_path, mailbox):
    """Two app servers on the run's database (a file copy of it on SQLite)."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        url = f"sqlite:///{copy}"
    elif connection.vendor == "postgresql":
        url = (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        )
    else:
        pytest.skip(f"no server set-up for {connection.vendor}")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": url,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mailbox.port),
        "TASKS_BACKEND": "immediate",
    }
    with app_servers(environment, threads=2) as ports:
        yield ports, url


def count(url: str, model: type) -> int:
    if url.startswith("sqlite:"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as database:
            table = model._meta.db_table  # a model's own table, not input
            return database.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608
    return model.objects.count()


@pytest.fixture
def logged_in(db):
    world = make_world()
    meeting = MeetingFactory(committee=world.committee, title="January")
    client = Client()
    client.force_login(world.governor)
    return world, meeting, Session({name: morsel.value for name, morsel in client.cookies.items()})


def test_one_form_sent_four_times_at_once_does_its_work_once(logged_in, servers, mailbox):
    world, meeting, session = logged_in
    ports, url = servers

    schedule = reverse("governance:meeting_create", kwargs={"slug": world.network.slug})
    answers = at_once(
        session, ports, schedule, schedule_data() | session.form_fields(ports[0], schedule)
    )

    assert count(url, Meeting) == 2  # the January meeting of the fixture and the new one
    locations = {answer[1] for answer in answers if isinstance(answer, tuple)}
    assert [answer[0] if isinstance(answer, tuple) else answer for answer in answers] == [
        302
    ] * COPIES
    assert len(locations) == 1 and re.fullmatch(r"/en/governance/meetings/\d+/", locations.pop())
    assert sorted(message["To"] for message in mailbox.messages) == sorted(
        person.email
        for person in (world.brussels, world.la_paz, world.jakarta, world.lome, world.porto_novo)
    )

    add = reverse("governance:agenda_item_create", kwargs={"pk": meeting.pk})
    item = {"title": "Budget 2031", "description": "", "duration_minutes": "30"}
    answers = at_once(session, ports, add, item | session.form_fields(ports[1], add))

    assert count(url, AgendaItem) == 1
    assert {answer if not isinstance(answer, tuple) else answer[0] for answer in answers} == {302}
