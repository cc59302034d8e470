"""Settings for `make demo` on a developer's machine."""

from .base import *  # noqa: F403

# Like production: visitors see the platform's own error pages, never a traceback or the
# list of addresses. Developers who want Django's debug pages set DJANGO_DEBUG=1.
DEBUG = env_bool("DJANGO_DEBUG", False)  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # security keys on http://127.0.0.1 for the demo
