"""One version number, the same in the code and the package, with its changelog entry; the
released versions name their commit, which the tag points to. A release's commit cannot name
itself: its entry is dated, and the next commit adds the commit's name."""

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from inspir import __version__

ROOT = Path(__file__).resolve().parents[3]
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
RELEASE = re.compile(
    r"^## (\d+\.\d+\.\d+) - (\d{4}-\d{2}-\d{2})\n\n(?:Commit `([0-9a-f]{40})`)?", re.M
)


def git(*arguments: str) -> str:
    return subprocess.run(
        [shutil.which("git") or "git", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_the_code_and_the_package_carry_the_same_version():
    with (ROOT / "pyproject.toml").open("rb") as handle:
        assert tomllib.load(handle)["project"]["version"] == __version__


def test_the_version_in_preparation_has_its_changelog_section():
    released = [version for version, _date, _commit in RELEASE.findall(CHANGELOG)]
    if __version__ in released:
        return
    assert ".dev" in __version__, f"{__version__} is neither released nor in preparation"
    assert "## Unreleased" in CHANGELOG
    assert __version__.split(".dev")[0] not in released


def test_each_release_names_its_commit_and_its_tag_points_to_it():
    releases = RELEASE.findall(CHANGELOG)
    assert releases, "no release in CHANGELOG.md"
    if not (ROOT / ".git").exists():
        pytest.skip("no git repository")
    for version, _date, commit in releases:
        if version == __version__ and not commit:
            continue  # this is the release's own commit
        assert commit, f"{version}: CHANGELOG.md does not name the release's commit"
        assert git("cat-file", "-t", commit) == "commit", f"{version}: unknown commit {commit}"
        tag = git("tag", "--list", f"v{version}")
        if tag:  # a checkout without tags (CI's) has the commit only
            assert git("rev-list", "-n", "1", tag) == commit
