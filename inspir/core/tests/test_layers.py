"""Layers that only point down (docs/decisions/0020-layers.md).

Every module of every app is read with ``ast``: imports (at the top and inside functions),
model references written as strings ("network.Network", ``apps.get_model("network", ...)``)
and migration dependencies. Each one is mapped to the app it reaches; the test fails for
every reference to an app above, naming the module, the line and what it reaches.

Bottom to top:

0. ``core``: infrastructure, no domain;
1. the network's registry: ``network`` (countries, networks, organisations, people) and,
   on it, ``accounts`` (users, their roles in networks, the permission vocabulary). Inside
   the layer the direction is accounts → network; ``network`` sees ``accounts`` only through
   the shared vocabulary ``inspir.accounts.permissions``, as every domain does;
2. telling people: ``notifications`` (notices, their e-mails and digests), which the domains
   call and which names none of them; and ``translations`` (who translates what members
   write, their queues), which tells people through notifications and names no domain;
3. the domains: ``governance`` and the ones to come;
4. the site-wide pages: ``demo``.

Tests may import their own layer and the layers below (their factories included); the
few that must reach higher are listed in ``TEST_EXEMPTIONS`` with their reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

INSPIR = Path(__file__).resolve().parents[2]

LAYER = {
    "core": 0,
    "network": 1,
    "accounts": 1,
    "notifications": 2,
    "translations": 2,
    "governance": 3,
    "planning": 3,
    "advocacy": 3,
    "learning": 3,
    "financing": 3,
    "identity": 2,
    "website": 4,
    "newsletters": 4,
    "reports": 4,
    "demo": 5,
}

# Inside one layer, who may look at whom, and through which modules only.
SAME_LAYER = {
    # Roles point at networks: accounts builds on network freely.
    ("accounts", "network"): None,
    # The registry's own pages and services ask the shared permission vocabulary.
    ("network", "accounts"): ("inspir.accounts.permissions",),
    # Translators are told through notices, as everyone is.
    ("translations", "notifications"): None,
    # A plan action comes from decisions and meetings and goes back to them.
    ("planning", "governance"): None,
    # A position is adopted by a decision; its targets are the context analysis's stakeholders.
    ("advocacy", "governance"): None,
    ("advocacy", "planning"): None,
    # A resource fulfils a plan action; exchanges are planned from the networks' needs.
    ("learning", "governance"): None,
    ("learning", "planning"): None,
    # A funding proposal serves plan actions and may come from a decision.
    ("financing", "governance"): None,
    ("financing", "planning"): None,
    # An issue of the newsletter is composed from the website's posts.
    ("newsletters", "website"): None,
}

# Test modules (path relative to inspir/) that may reach above their app, and why.
TEST_EXEMPTIONS = {
    # The platform-wide walks (every URL x role, every form, every page's queries, the
    # backup of every model, the audit log of every app) and their shared world need every
    # app by nature: they test the assembled platform, which sits above all layers.
    "core/tests/": "platform-wide walks over every app",
    # The scale generator is the one way to build 100x the demo for a scale test.
    "governance/tests/test_committees_scale.py": "uses the demo's scale generator",
    # Checks the governance records the demo writes, with governance's own assertions.
    "governance/tests/test_demo_governance.py": "checks the demo's governance data",
}

# Upward references still to be removed, each as "module: reached app" with the issue that
# removes it: a way to land a layering fix in steps. A new upward reference fails the test;
# removing a listed one makes the test ask for its entry to be deleted. Empty: none left.
PENDING: set[str] = set()

MODEL_REFERENCE = re.compile(r"(?P<app>[a-z_]+)\.(?P<model>[A-Z]\w*)")
MIGRATION_NAME = re.compile(r"\d{4}_\w+|__first__|__latest__")


def _module_name(path: Path) -> str:
    parts = path.relative_to(INSPIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _references(path: Path) -> list[tuple[int, str, str]]:
    """(line, reached app, reached module or the string) for every reference in a module."""
    found: list[tuple[int, str, str]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
            # "from inspir import governance" reaches governance too.
            if node.module == "inspir":
                modules = [f"inspir.{alias.name}" for alias in node.names]
        else:
            modules = []
        for module in modules:
            parts = module.split(".")
            if parts[0] == "inspir" and len(parts) > 1 and parts[1] in LAYER:
                found.append((node.lineno, parts[1], module))
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = MODEL_REFERENCE.fullmatch(node.value)
            if match and match["app"] in LAYER:
                found.append((node.lineno, match["app"], node.value))
        if isinstance(node, ast.Call):
            # apps.get_model("network", "Network"); migration dependencies.
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if name == "get_model" and args and isinstance(args[0], str) and args[0] in LAYER:
                found.append((node.lineno, args[0], f"get_model({args[0]!r})"))
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            first, second = node.elts
            if (
                isinstance(first, ast.Constant)
                and isinstance(second, ast.Constant)
                and first.value in LAYER
                and isinstance(second.value, str)
                and MIGRATION_NAME.fullmatch(second.value)
            ):
                found.append((node.lineno, str(first.value), f"migration {second.value}"))
    return found


def _allowed(app: str, reached: str, target: str) -> bool:
    if reached == app or LAYER[reached] < LAYER[app]:
        return True
    if LAYER[reached] > LAYER[app]:
        return False
    if (app, reached) not in SAME_LAYER:
        return False
    modules = SAME_LAYER[(app, reached)]
    return modules is None or any(target == m or target.startswith(m + ".") for m in modules)


def _is_test(relative: str) -> bool:
    return "/tests/" in f"/{relative}" or relative.startswith("conftest")


def upward_references() -> tuple[list[str], set[str]]:
    """Every upward reference as a message, and the "module: app" keys it falls under."""
    messages: list[str] = []
    keys: set[str] = set()
    for path in sorted(INSPIR.rglob("*.py")):
        relative = path.relative_to(INSPIR).as_posix()
        app = relative.split("/")[0]
        if app not in LAYER:
            continue
        is_test = _is_test(relative)
        if is_test and any(relative.startswith(prefix) for prefix in TEST_EXEMPTIONS):
            continue
        for line, reached, target in _references(path):
            if _allowed(app, reached, target):
                continue
            # Tests may use their own layer freely (factories included).
            if is_test and LAYER[reached] == LAYER[app]:
                continue
            key = f"{relative}: {reached}"
            keys.add(key)
            if key not in PENDING:
                messages.append(f"{relative}:{line} ({app}) reaches {target} ({reached})")
    return messages, keys


def test_no_app_reaches_an_app_above_it() -> None:
    messages, _keys = upward_references()
    assert not messages, "Upward references (decision 0020):\n" + "\n".join(messages)


def test_the_pending_list_names_only_references_still_there() -> None:
    _messages, keys = upward_references()
    gone = sorted(PENDING - keys)
    assert not gone, "Removed upward references, delete them from PENDING:\n" + "\n".join(gone)


TEMPLATE_URL = re.compile(r"""\{%\s*url\s+['"](?P<app>[a-z_]+):""")


def test_no_template_links_to_an_app_above_its_own() -> None:
    """A template names a page by its URL name: an upward link is an upward reference too
    (core's navigation and home page cards come from the apps' menu entries)."""
    found = []
    for path in sorted(INSPIR.glob("*/templates/**/*.html")):
        relative = path.relative_to(INSPIR).as_posix()
        app = relative.split("/")[0]
        if app not in LAYER:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in TEMPLATE_URL.finditer(line):
                reached = match["app"]
                if reached in LAYER and not _allowed(app, reached, f"inspir.{reached}.urls"):
                    found.append(f"{relative}:{number} ({app}) links to {reached}")
    assert not found, "Upward links in templates (decision 0020):\n" + "\n".join(found)


def test_the_scan_sees_every_kind_of_reference(tmp_path: Path) -> None:
    """The reader catches what an upward reference can look like."""
    module = tmp_path / "sample.py"
    module.write_text(
        "import inspir.demo\n"
        "from inspir.governance.models import Mandate\n"
        "def f():\n"
        "    from inspir import network\n"
        "    apps.get_model('accounts', 'User')\n"
        "    return models.ForeignKey('governance.Committee', on_delete=None)\n"
        "dependencies = [('network', '0001_initial')]\n"
        "code = 'governance.proposal.forwarded'\n",
        encoding="utf-8",
    )
    reached = {(line, app) for line, app, _target in _references(module)}
    assert reached == {
        (1, "demo"),
        (2, "governance"),
        (4, "network"),
        (5, "accounts"),
        (6, "governance"),
        (7, "network"),
    }
    assert not _allowed("core", "network", "inspir.network.models")
    assert not _allowed("network", "accounts", "inspir.accounts.models")
    assert _allowed("network", "accounts", "inspir.accounts.permissions")
    assert _allowed("accounts", "network", "inspir.network.models")
    assert _allowed("governance", "accounts", "inspir.accounts.models")


# --- Inside an app: rules, then selectors and services, then forms and views -----------------
#
# A domain's constants and predicates (limits, deadlines, which states allow what) live in its
# `rules.py`, below services and selectors. Forms, selectors and template tags never import a
# services module; views import one only as the module `services`, to call a write.
# `rules.py` imports neither services, selectors, forms nor views.

SERVICES = re.compile(r"inspir\.(?P<app>[a-z_]+)\.services(\.(?P<rest>[\w.]+))?")
LAYERS_IN_APP = ("services", "selectors", "forms", "views")


def _part(relative: str) -> str | None:
    """ "views", "forms", "selectors", "templatetags" or "rules" for an app's module."""
    parts = relative.removesuffix(".py").split("/")
    if len(parts) < 2 or parts[0] not in LAYER or "tests" in parts:
        return None
    part = parts[1]
    return part if part in ("views", "forms", "selectors", "templatetags", "rules") else None


def _is_services_package_module(app: str, name: str) -> bool:
    return (INSPIR / app / "services" / f"{name}.py").exists()


def _service_imports(path: Path, part: str) -> list[tuple[int, str]]:
    """(line, what) for each import `part` may not make."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if part == "rules":
                    if any(f".{layer}" in alias.name for layer in LAYERS_IN_APP):
                        found.append((node.lineno, f"import {alias.name}"))
                elif SERVICES.match(alias.name):
                    found.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            module = node.module
            names = [alias.name for alias in node.names]
            if part == "rules":
                reached = [f"{module}.{name}" for name in names] + [module]
                if any(
                    re.fullmatch(rf"inspir\.[a-z_]+\.{layer}(\..*)?", target)
                    for target in reached
                    for layer in LAYERS_IN_APP
                ):
                    found.append((node.lineno, f"from {module} import {', '.join(names)}"))
                continue
            match = SERVICES.fullmatch(module)
            package = re.fullmatch(r"inspir\.(?P<app>[a-z_]+)", module)
            if match:
                as_module = (
                    part == "views"
                    and match["rest"] is None
                    and all(
                        _is_services_package_module(match["app"], alias.name)
                        and alias.asname == "services"
                        for alias in node.names
                    )
                )
                if not as_module:
                    found.append((node.lineno, f"from {module} import {', '.join(names)}"))
            elif package and "services" in names and part != "views":
                found.append((node.lineno, f"from {module} import services"))
            elif package and part == "views":
                for alias in node.names:
                    if alias.name == "services" and alias.asname not in (None, "services"):
                        found.append(
                            (node.lineno, f"from {module} import services as {alias.asname}")
                        )
    return found


def services_imports() -> list[str]:
    messages = []
    for path in sorted(INSPIR.rglob("*.py")):
        relative = path.relative_to(INSPIR).as_posix()
        part = _part(relative)
        if part is None:
            continue
        for line, what in _service_imports(path, part):
            messages.append(f"{relative}:{line} ({part}) {what}")
    return messages


def test_only_views_reach_services_and_only_to_call_them() -> None:
    """Forms, selectors and template tags never import services; views import a services
    module only as `services`, to call a write; constants and predicates come from the app's
    `rules.py`, which imports none of services, selectors, forms or views."""
    messages = services_imports()
    assert not messages, "Imports of services outside a call to a write:\n" + "\n".join(messages)


def test_the_services_rule_sees_each_way_of_reaching_services(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        "from inspir.governance.services import proposals as services\n"
        "from inspir.governance.services.proposals import PENDING\n"
        "from inspir.governance.services import proposals\n"
        "from inspir.network import services\n"
        "import inspir.accounts.services\n"
        "from inspir.network import services as write\n",
        encoding="utf-8",
    )
    as_view = {line for line, _what in _service_imports(module, "views")}
    assert as_view == {2, 3, 5, 6}
    as_form = {line for line, _what in _service_imports(module, "forms")}
    assert as_form == {1, 2, 3, 4, 5, 6}
    rules = tmp_path / "rules.py"
    rules.write_text(
        "from inspir.governance.models import Meeting\n"
        "from inspir.governance.selectors.access import visible_meetings\n"
        "from inspir.governance import services\n",
        encoding="utf-8",
    )
    assert {line for line, _what in _service_imports(rules, "rules")} == {2, 3}
    assert _part("governance/views/meetings.py") == "views"
    assert _part("network/views.py") == "views"
    assert _part("governance/rules.py") == "rules"
    assert _part("governance/services/meetings.py") is None
    assert _part("governance/tests/test_rules.py") is None
