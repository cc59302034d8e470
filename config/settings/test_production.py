"""The production profile, for running the test suite against PostgreSQL and Redis in CI.

Everything comes from production.py and the environment (.ci/run sets it: a throwaway
secret, PostgreSQL, REDIS_URL, no HTTPS redirect since the test client speaks plain HTTP);
only password hashing is made fast."""

from .production import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
