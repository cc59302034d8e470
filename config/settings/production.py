"""Production: everything from the environment, secure defaults, no fallback secret."""

import os

from django.core.exceptions import ImproperlyConfigured

from inspir.core.encryption import GENERATE_KEY_COMMAND, key_problem

from .base import *  # noqa: F403

# Debug pages show settings and tracebacks to anyone: never in production, even by mistake.
if env_bool("DJANGO_DEBUG", False):  # noqa: F405
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is on, which production never allows: remove it from the environment file."
    )
DEBUG = False
PRODUCTION_PROFILE = True
DEMO_DATA_ALLOWED = False  # the demo's log-ins have published passwords
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random value of 50 characters or more.")

# Authenticator secrets are encrypted with a key of this installation's own, never the
# published development key; a backup key, if set, must be a valid one (see docs/deployment.md).
SECRETS_ENCRYPTION_KEYS = env_list("SECRETS_ENCRYPTION_KEY", "")  # noqa: F405
for _problem in (
    key_problem("SECRETS_ENCRYPTION_KEY", SECRETS_ENCRYPTION_KEYS),
    BACKUP_ENCRYPTION_KEYS and key_problem("BACKUP_ENCRYPTION_KEY", BACKUP_ENCRYPTION_KEYS),  # noqa: F405
):
    if _problem:
        raise ImproperlyConfigured(_problem)
if DEVELOPMENT_SECRETS_ENCRYPTION_KEY in SECRETS_ENCRYPTION_KEYS[:1]:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRETS_ENCRYPTION_KEY is the published development key: make a key of your own with: "
        + GENERATE_KEY_COMMAND
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)  # noqa: F405
# A load balancer may ask the app server for its health over plain HTTP on the private side.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")  # noqa: F405

# Keep database connections open between requests (checked before reuse).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
