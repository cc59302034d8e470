"""The production profile, for running the test suite against PostgreSQL and Redis in CI.

Everything comes from production.py and the environment (.ci/run sets it: a throwaway
secret, PostgreSQL, REDIS_URL, no HTTPS redirect since the test client speaks plain HTTP);
only password hashing is made fast, and authenticator secrets get a test-only key when the
environment gives none."""

import os

# A key for tests only, never for an installation.
os.environ.setdefault("SECRETS_ENCRYPTION_KEY", "T0FnGz6j7sCuiX7_WfICLTDjskL_bseOd4cq6-jS9Hc=")

from .production import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
