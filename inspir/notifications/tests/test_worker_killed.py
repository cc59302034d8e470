"""A worker killed mid-send and restarted delivers each notice at most once, and every notice
whose send had not started (issue: "never the same notice twice, even if a worker dies
mid-send and retries").

Real processes on one SQLite file, as in production's database queue: one process tells
five people (five notices, five e-mails asked for, their tasks queued in the database); a
worker (`db_worker`) starts delivering them to a real SMTP server, which takes the first
message and keeps the second one's reply back; the worker is killed (SIGKILL) right then,
the second message handed over but its outcome unknown. A new worker then runs what is
queued, and the mail sweep (`send_pending_mail`, past its grace period) marks the
interrupted send uncertain instead of sending it again."""

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from email import message_from_bytes
from email.policy import default
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PEOPLE = 5

SCRIPT = """
import datetime, json, sys

import django

django.setup()

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from inspir.notifications.kinds import NoticeKind, NoticeText, register_notice_kind

register_notice_kind(
    NoticeKind(
        code="tests.thing.happened",
        label="Thing",
        render=lambda context, user: NoticeText(title=f"Thing {context['thing']}", url="/"),
    )
)
step = sys.argv[1]
if step == "tell":
    from inspir.accounts.models import User
    from inspir.notifications.services import notify_users

    call_command("migrate", verbosity=0)
    people = [User.objects.create_user(f"p{n}@example.org") for n in range(int(sys.argv[2]))]
    with transaction.atomic():
        notify_users(kind="tests.thing.happened", users=people, context={"thing": 1}, key="k")
elif step == "work":
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
elif step == "sweep":
    from inspir.core.mail import SENDING_GRACE, pending_mail_process

    pending_mail_process(now=timezone.now() + SENDING_GRACE + datetime.timedelta(minutes=1))
elif step == "report":
    from inspir.accounts.models import User
    from inspir.core.models import OutgoingEmail
    from inspir.notifications.models import Notification
    from inspir.notifications.services import notify_users

    again = notify_users(
        kind="tests.thing.happened", users=User.objects.all(), context={"thing": 1}, key="k"
    )
    print(json.dumps({
        "statuses": dict(OutgoingEmail.objects.values_list("recipient", "status")),
        "emails": OutgoingEmail.objects.count(),
        "notices": list(Notification.objects.values_list("emailed", "email_id")),
        "told_again": len(again),
    }))
"""


class HoldingServer:
    """A real SMTP server that takes the first message, and holds back its reply to the
    second one (the message itself is received) until released."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.received: list = []
        self.holding = False
        self.released = False
        server = self

        class Handler:
            async def handle_DATA(self, smtp, session, envelope):  # noqa: N802 - aiosmtpd's name
                server.received.append(
                    message_from_bytes(envelope.original_content, policy=default)
                )
                if len(server.received) == 2:
                    server.holding = True
                    while not server.released:
                        await asyncio.sleep(0.05)
                return "250 Message accepted"

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def to(self, address: str) -> int:
        return sum(1 for m in self.received if m["To"] == address)


def run(folder: Path, port: int, *arguments: str, wait: bool = True):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{folder / 'shared.sqlite3'}",
        "TASKS_BACKEND": "database",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, *arguments],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if not wait:
        return process
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err[-3000:]
    return out


def test_a_worker_killed_mid_send_then_restarted_sends_each_notice_at_most_once(tmp_path):
    server = HoldingServer()
    try:
        run(tmp_path, server.port, "tell", str(PEOPLE))
        assert server.received == []  # asked for in the change, sent by the worker only

        worker = run(tmp_path, server.port, "work", wait=False)
        deadline = time.monotonic() + 60
        while not server.holding and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.holding, "the worker never reached the second message"
        os.kill(worker.pid, signal.SIGKILL)  # mid-send: the second message handed over
        worker.communicate(timeout=30)
        server.released = True

        run(tmp_path, server.port, "work")  # the restarted worker
        run(tmp_path, server.port, "sweep")  # the schedule's mail sweep, past its grace
        report = json.loads(run(tmp_path, server.port, "report").strip().splitlines()[-1])
    finally:
        server.released = True
        server.controller.stop()

    addresses = [f"p{n}@example.org" for n in range(PEOPLE)]
    interrupted = server.received[1]["To"]
    # Nobody got a notice twice; everyone whose send had not started got theirs.
    assert {a: server.to(a) for a in addresses} == dict.fromkeys(addresses, 1)
    # The interrupted send is marked uncertain (the server may have it), not repeated.
    assert report["statuses"] == {
        a: ("uncertain" if a == interrupted else "sent") for a in addresses
    }
    # One e-mail per notice, never asked again, even when the event is told again.
    assert report["emails"] == PEOPLE
    emails = [email for _, email in report["notices"]]
    assert None not in emails and len(set(emails)) == PEOPLE
    assert {emailed for emailed, _ in report["notices"]} == {"immediate"}
    assert report["told_again"] == 0
