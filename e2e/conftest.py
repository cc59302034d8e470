"""Fixtures for the suites that drive a real browser.

They use Debian's Chromium through Playwright (no browser download), the W3C Nu HTML Checker
(`vnu.jar`, run with the machine's Java) and axe-core, both installed by `npm ci`.
Where one of them is missing the suites that need it are skipped and the run ends with a
loud notice naming the command that installs it; with INSPIR_REQUIRE_BROWSER=1 (set by CI)
a missing tool is a failure instead."""

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
INSTALL_HINT = "apt-get install -y chromium default-jre-headless && npm ci"
DEMO_PASSWORD = "inspir-demo-2020"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def chromium_path() -> str | None:
    return os.environ.get("INSPIR_CHROMIUM") or shutil.which("chromium")


def missing_tools() -> dict[str, str]:
    """Tool → why it is unusable here."""
    missing = {}
    if not chromium_path():
        missing["chromium"] = "Chromium is not installed"
    if not shutil.which("java"):
        missing["java"] = "Java is not installed"
    if not VNU_JAR.exists():
        missing["vnu"] = "node_modules/vnu-jar is missing (npm ci)"
    if not AXE_JS.exists():
        missing["axe"] = "node_modules/axe-core is missing (npm ci)"
    return missing


SKIPPED_SUITES: set[str] = set()


def require(*tools: str) -> None:
    """Skip (or, in CI, fail) the calling test when one of `tools` is unusable."""
    unusable = {tool: why for tool, why in missing_tools().items() if tool in tools}
    if not unusable:
        return
    reason = "; ".join(unusable.values())
    if os.environ.get("INSPIR_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}. Install with: {INSTALL_HINT}", pytrace=False)
    SKIPPED_SUITES.add(reason)
    pytest.skip(reason)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if SKIPPED_SUITES:
        line = "!" * 78
        terminalreporter.write_line(line, red=True, bold=True)
        terminalreporter.write_line(
            "BROWSER SUITES NOT RUN: " + "; ".join(sorted(SKIPPED_SUITES)), red=True, bold=True
        )
        terminalreporter.write_line(f"Install what they need with: {INSTALL_HINT}", red=True)
        terminalreporter.write_line(line, red=True, bold=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):  # type: ignore[no-untyped-def]
    """Keep a screenshot of every page open when a browser test fails."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    pages = getattr(item, "_open_pages", [])
    if not pages:
        return
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", item.nodeid)[-150:]
    for number, page in enumerate(pages):
        try:
            page.screenshot(path=str(folder / f"{name}-{number}.png"), full_page=True)
        except Exception:  # noqa: BLE001, S112 - the page may already be closed
            continue


@pytest.fixture(scope="session")
def playwright_browser():
    require("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Browsing:
    """Opens pages for one test and remembers them for failure screenshots."""

    browser: object
    base_url: str
    item: pytest.Item
    contexts: list = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def new_page(
        self, *, javascript: bool = True, viewport: dict | None = None, locale: str = "en"
    ):
        context = self.browser.new_context(  # type: ignore[attr-defined]
            base_url=self.base_url,
            java_script_enabled=javascript,
            viewport=viewport or DESKTOP,
            locale=locale,
        )
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and self.console_errors.append(f"{page.url}: {message.text}")
            ),
        )
        page.on("pageerror", lambda error: self.console_errors.append(f"{page.url}: {error}"))
        self.item._open_pages = [*getattr(self.item, "_open_pages", []), page]  # type: ignore[attr-defined]
        return page

    def log_in(self, page, email: str, password: str = DEMO_PASSWORD, language: str = "en") -> None:
        """Log in as a demo account, answering the two-factor step for coordinators."""
        from inspir.demo.totp import demo_totp_code

        page.goto(f"/{language}/accounts/login/")
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", password)
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        if "/2fa/authenticate/" in page.url:
            page.fill("input[name=code]", demo_totp_code())
            page.click("main button[type=submit]")
            page.wait_for_load_state()

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def demo_site(transactional_db, live_server) -> str:
    """A live server holding the demo network; returns its base URL."""
    from django.core.cache import cache

    from inspir.demo.loader import load_demo

    load_demo()
    # Two-factor codes are remembered as used in the cache: start each test afresh.
    cache.clear()
    return live_server.url


@pytest.fixture
def browsing(playwright_browser, demo_site, request) -> Iterator[Browsing]:
    session = Browsing(browser=playwright_browser, base_url=demo_site, item=request.node)
    yield session
    session.close()


def has_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
