"""Settings shared by every environment. Everything that differs between machines comes
from the environment (12-factor); the defaults run the platform with no service at all."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from inspir.core.stylesheet import csp_source

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The development key only ever signs local demo sessions; production refuses to start
# without DJANGO_SECRET_KEY (see production.py).
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "insecure-development-key-do-not-use-in-production"
)
# Former keys, still accepted for what they signed (sessions, links) while a new key takes
# over: rotate by moving the old key here, then drop it once sessions have expired.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    # The platform's apps come before allauth so that their templates override its own.
    "django.contrib.sitemaps",
    "inspir.core",
    "inspir.accounts",
    "inspir.network",
    "inspir.notifications",
    "inspir.governance",
    "inspir.translations",
    "inspir.planning",
    "inspir.advocacy",
    "inspir.learning",
    "inspir.financing",
    "inspir.identity",
    "inspir.website",
    "inspir.newsletters",
    "inspir.reports",
    "inspir.demo",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks_db",
]

MIDDLEWARE = [
    "inspir.core.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "inspir.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "inspir.core.middleware.PersonalPagesNotStoredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "inspir.accounts.middleware.RequireTwoFactorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "inspir.core.context_processors.site",
            ],
        },
    },
]
# Every form field is drawn by one template, components/field.html (inspir/core/renderers.py).
FORM_RENDERER = "inspir.core.renderers.FormRenderer"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default takes writes from several processes at once (web workers, the
    # task worker): transactions take the write lock when they begin, so a read-then-write
    # transaction cannot deadlock; a writer waits up to 20 s for the lock instead of failing;
    # WAL lets readers carry on while one process writes. See docs/decisions/0008.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# The model an audit entry's scope points at (who may read the entry is decided per
# network). Named here, as the user model is, so that core names no domain app
# (docs/decisions/0020-layers.md).
AUDIT_SCOPE_MODEL = "network.Network"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-allauth: log-in by e-mail; accounts are created by coordinators, not by sign-up.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_ADAPTER = "inspir.accounts.adapter.InvitationOnlyAccountAdapter"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    # Failed log-ins per account and per address; shared by every app process via the cache.
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    # An invitation's link logs a new account in: guessing links is throttled like passwords.
    "invitation_accept": "20/m/ip",
}
# The client's address, for the per-address log-in limits: behind a reverse proxy every request
# comes from the proxy, so the address is read from the X-Forwarded-For entry the trusted
# proxies appended (the last TRUSTED_PROXY_COUNT entries; what a client wrote before them
# is ignored). 0, the default, means no proxy: the connection's own address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_SESSION_REMEMBER = None  # people choose "remember me" on shared computers or not
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

# Two-factor authentication: offered to everyone, required of coordinators and staff
# (inspir.accounts.middleware). Recovery codes are created with the first authenticator.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "INSP!R"
# Accept the code of the neighbouring 30-second window too: phones' clocks drift, and a code
# typed as the window turns over should not fail. A used code is never accepted again.
MFA_TOTP_TOLERANCE = 1
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", False)
# Authenticator secrets are stored encrypted (inspir/accounts/mfa_adapter.py) with the first
# of these Fernet keys; the others still decrypt, for rotation. The development key below is
# public, like the demo's authenticator secret: production.py refuses it.
MFA_ADAPTER = "inspir.accounts.mfa_adapter.EncryptingMFAAdapter"
DEVELOPMENT_SECRETS_ENCRYPTION_KEY = "_TA2EqtIIKAxiY4nYov2mU1n8-HvbOYgyXFKS9TH1Uo="  # noqa: S105
SECRETS_ENCRYPTION_KEYS = env_list("SECRETS_ENCRYPTION_KEY", DEVELOPMENT_SECRETS_ENCRYPTION_KEY)
# Backups are encrypted with the first of these Fernet keys when set; the others still
# decrypt older backups (inspir/core/backup.py).
BACKUP_ENCRYPTION_KEYS = env_list("BACKUP_ENCRYPTION_KEY", "")
# Where `manage.py backup` without a file name writes (a file named after the time), and how
# many days it keeps the backups it wrote there.
BACKUP_DIR = os.environ.get("BACKUP_DIR", "")
BACKUP_KEEP_DAYS = int(os.environ.get("BACKUP_KEEP_DAYS", "14"))
LOGIN_REDIRECT_URL = "core:my_work"  # "My work": what is waiting for the reader
LOGIN_URL = "account_login"

LANGUAGE_CODE = "en"
LANGUAGES = [("fr", "Français"), ("en", "English"), ("es", "Español")]
# Overridable so that the catalogue check can extract into a scratch copy.
LOCALE_PATHS = [Path(os.environ.get("INSPIR_LOCALE_DIR", BASE_DIR / "locale"))]
USE_I18N = True
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "UTC"
USE_TZ = True
# Machine translation is an option, never the default: without an address, no member's text
# is sent anywhere. The base address (http or https) of a LibreTranslate server, ideally the
# installation's own; its API key, if it asks for one; how many seconds to wait for its answer
# (inspir/translations/machine.py).
MACHINE_TRANSLATION_URL = os.environ.get("MACHINE_TRANSLATION_URL", "").strip()
MACHINE_TRANSLATION_API_KEY = os.environ.get("MACHINE_TRANSLATION_API_KEY", "").strip()
MACHINE_TRANSLATION_TIMEOUT = float(os.environ.get("MACHINE_TRANSLATION_TIMEOUT", "20"))

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded files go to S3-compatible storage when a bucket is configured.
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Shared cache in Redis when REDIS_URL is set, so that several app processes agree: "default"
# holds log-in limits and used two-factor codes, "pages" the public page cache. Otherwise a
# per-process memory cache for the demo. When Redis cannot be reached the platform carries on
# (inspir/core/cache.py): each call waits at most the timeouts below, Redis is left alone for
# REDIS_RETRY_AFTER seconds, limits are kept in each process's memory (never lifted) and
# pages are rendered uncached. Sessions are in the database, so log-in does not need Redis.
if os.environ.get("REDIS_URL"):
    _REDIS_OPTIONS = {
        "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
        "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "1")),
        "retry_after": float(os.environ.get("REDIS_RETRY_AFTER", "30")),
    }
    CACHES = {
        "default": {
            "BACKEND": "inspir.core.cache.DegradingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "inspir",
            "OPTIONS": {**_REDIS_OPTIONS, "when_unreachable": "local_memory"},
        },
        "pages": {
            "BACKEND": "inspir.core.cache.DegradingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "inspir-pages",
            "OPTIONS": {**_REDIS_OPTIONS, "when_unreachable": "miss"},
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }

# Background work: run inline for the demo and tests; in production a database-backed
# queue served by `manage.py run_worker` (see docs/decisions/0006-task-queue.md).
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[os.environ.get("TASKS_BACKEND", "immediate")]
    }
}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "INSP!R <no-reply@inspir.localhost>")
# E-mail goes to the console unless an SMTP server is configured (production, tests).
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Every e-mail is recorded and delivered once (inspir/core/mail.py): a send refused for the
# moment is tried again with growing delays (1, 5, 15 minutes… about a day in all for 8
# attempts), then reported as not delivered.
EMAIL_MAX_ATTEMPTS = int(os.environ.get("EMAIL_MAX_ATTEMPTS", "8"))
# The content of sent e-mails (invitation links, meeting details) is kept this long, for a
# message to be looked into or sent again; `apply_retention` empties it afterwards.
SENT_EMAIL_RETENTION_DAYS = int(os.environ.get("SENT_EMAIL_RETENTION_DAYS", "30"))
UNDELIVERED_EMAIL_PAGE_SIZE = 50

# Django's database sessions, read with SQL prepared once instead of compiled by the ORM for
# every request (inspir/core/sessions.py).
SESSION_ENGINE = "inspir.core.sessions"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "inspir.core.views.csrf_failure"

# No inline script or style anywhere, but for the platform's own stylesheet, allowed by its
# hash (inspir/core/stylesheet.py): every page must keep working under this policy.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, csp_source()],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Every line says when, how serious, and for which request (inspir/core/request_id.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "inspir.core.request_id.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "timestamped": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "timestamped",
        },
        # A server error (500) is mailed to ADMINS with its traceback and request id;
        # nothing is sent while ADMINS is empty. Another error tracker plugs in here too:
        # a handler of its own on the "django.request" logger.
        "mail_admins": {
            "level": "ERROR",
            "class": "inspir.core.request_id.AdminEmailHandler",
            "filters": ["require_debug_false", "request_id"],
        },
    },
    "loggers": {
        # Replaces Django's own "django" set-up, which would mail every error of every
        # django.* logger (a stray Host header included) and print twice under DEBUG.
        "django": {"handlers": [], "level": "INFO"},
        "django.request": {"handlers": ["mail_admins"], "level": "INFO"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
# Who receives the server errors: e-mail addresses, comma-separated ("Name <address>" works).
ADMINS = env_list("DJANGO_ADMINS", "")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_SUBJECT_PREFIX = "[INSP!R] "

SITE_NAME = "INSP!R"
# True only in production.py: `check --deploy` fails on any other profile, so that a
# deployment left on the development settings cannot go unnoticed.
PRODUCTION_PROFILE = False
# `load_demo` and `build_scale` create the demo's accounts, whose passwords are published;
# production.py turns them off.
DEMO_DATA_ALLOWED = True
# Public pages are cached for anonymous visitors until the registry changes, and at most
# this long (inspir/core/page_cache.py); 0 turns the cache off.
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "300"))
# The health endpoint /health/ (inspir/core/health.py) tells everyone the overall status; the
# report on each component is for requests carrying `Authorization: Bearer <HEALTH_TOKEN>`
# (none when unset). A task waiting longer than HEALTH_QUEUE_MAX_AGE seconds means the worker
# is not running; a message waiting longer than HEALTH_MAIL_MAX_AGE, that mail is not leaving.
HEALTH_TOKEN = os.environ.get("HEALTH_TOKEN", "")
HEALTH_QUEUE_MAX_AGE = int(os.environ.get("HEALTH_QUEUE_MAX_AGE", "300"))
HEALTH_MAIL_MAX_AGE = int(os.environ.get("HEALTH_MAIL_MAX_AGE", "3600"))
# The address people reach the platform at, for links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "14"))
# Privacy: accounts unused this long are erased by `manage.py apply_retention` (run daily);
# newsletter subscriptions never confirmed are dropped after the second period.
ACCOUNT_RETENTION_DAYS = int(os.environ.get("ACCOUNT_RETENTION_DAYS", "730"))
NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = int(
    os.environ.get("NEWSLETTER_UNCONFIRMED_RETENTION_DAYS", "30")
)
DIRECTORY_PAGE_SIZE = 20
# One kind's search hits per page (the results page shows a few of each kind).
SEARCH_PAGE_SIZE = 20
NETWORK_MEMBERS_PAGE_SIZE = 50
NETWORK_PARTNERS_SHOWN = 50
AUDIT_PAGE_SIZE = 50
