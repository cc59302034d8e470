"""The production profile, for running the test suite against PostgreSQL and Redis in CI.

Everything comes from production.py and the environment (.ci/run sets it: a throwaway
secret, PostgreSQL, REDIS_URL, no HTTPS redirect since the test client speaks plain HTTP);
only password hashing is made fast, and authenticator secrets get a test-only key when the
environment gives none."""

import os
from urllib.parse import urlsplit, urlunsplit

# A key for tests only, never for an installation.
os.environ.setdefault("SECRETS_ENCRYPTION_KEY", "T0FnGz6j7sCuiX7_WfICLTDjskL_bseOd4cq6-jS9Hc=")

# Each process of a parallel run (pytest-xdist's workers gw0, gw1…) has its own Redis
# database after the one REDIS_URL names, as it has its own test database: every test empties
# the cache it starts with, which must not wipe another process's log-in limits mid-test.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker.startswith("gw") and os.environ.get("REDIS_URL"):
    _url = urlsplit(os.environ["REDIS_URL"])
    _database = int(_url.path.strip("/") or 0) + 1 + int(_worker[2:])
    os.environ["REDIS_URL"] = urlunsplit(_url._replace(path=f"/{_database}"))

from .production import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
