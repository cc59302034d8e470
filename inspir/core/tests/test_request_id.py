import io
import logging
import re

from django.test import Client

LOG_LINE = re.compile(
    r"^(?P<when>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) WARNING \[(?P<request>[0-9a-f]{32})\] "
    r"django\.request: Not Found: /en/no-such-page/$"
)


def console_handler() -> logging.StreamHandler:
    return next(
        handler
        for handler in logging.getLogger().handlers
        if getattr(handler, "name", "") == "console"
    )


def test_a_log_line_says_when_and_for_which_request(db):
    handler = console_handler()
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        response = Client().get("/en/no-such-page/")
    finally:
        handler.setStream(previous)

    lines = [LOG_LINE.match(line) for line in captured.getvalue().splitlines()]
    matched = [line for line in lines if line]
    assert len(matched) == 1, captured.getvalue()
    assert matched[0]["request"] == response["X-Request-ID"]


def test_each_request_has_its_own_id(db):
    client = Client()

    first, second = client.get("/en/"), client.get("/en/")

    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_outside_a_request_the_line_says_so():
    handler = console_handler()
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        logging.getLogger("inspir.test").warning("the worker says hello")
    finally:
        handler.setStream(previous)

    assert "WARNING [-] inspir.test: the worker says hello" in captured.getvalue()
