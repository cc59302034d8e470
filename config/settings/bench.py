"""Settings for the performance suite (`make bench`, `python -m bench.run`).

The base settings, as production runs them (DEBUG off, the same middleware, templates and
password hashers, database connections kept between requests as production.py keeps them),
plus one trivial baseline view at /bench/baseline/ (see bench/urls.py), so that every page's
server time can be read against the cost of the stack itself. The suite points
INSPIR_BENCH_DATABASE_URL at a throwaway database before Django starts."""

import os
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench.urls"

# The baseline's template lives in bench/templates; bench is not an app of the platform.
TEMPLATES[0]["DIRS"] = [BASE_DIR / "bench" / "templates"]  # noqa: F405

# Static files come straight from the apps through WhiteNoise: no collectstatic, and a stale
# staticfiles/ left by `make demo` is never what gets measured.
STATIC_ROOT = None  # type: ignore[assignment]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

# The server the suite loads and Lighthouse visits serves the static files as production
# does: collected into a folder of the run's own, with content hashes, compressed.
if os.environ.get("INSPIR_BENCH_STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["INSPIR_BENCH_STATIC_ROOT"])
    STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    WHITENOISE_USE_FINDERS = False

# Production keeps a connection for 60 s (production.py): a request does not pay for opening
# one, which on SQLite costs more than a logged-in page itself.
_conn_max_age = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))

if os.environ.get("INSPIR_BENCH_DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["INSPIR_BENCH_DATABASE_URL"], conn_max_age=_conn_max_age
        )
    }
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
