"""gunicorn's settings for the app server (docs/deployment.md):

    .venv/bin/gunicorn config.wsgi --config deploy/gunicorn.conf.py

It listens on loopback only: the reverse proxy in front of it is the only way in. Each request
is written to standard output once answered, with its time, the request id the platform sent
back as X-Request-ID (the id in the platform's own log lines and error mails), the client's
address as the proxy reported it, the status, the size and how long it took."""

import os
import sys
from pathlib import Path

# The environment file, as every entry point reads it (config/environment.py): read here too,
# since these settings are read before the app is loaded.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from config.environment import load_environment  # noqa: E402

load_environment()

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# A worker is replaced now and then, so that a slow leak cannot grow for ever.
max_requests = 2000
max_requests_jitter = 200
# No control socket: the service is managed by systemd (restart, reload with HUP), and the
# service's home directory is read-only.
control_socket_disable = True

access_log_format = (
    '[%({x-request-id}o)s] %({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
)
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "timestamped": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "timestamped",
            "stream": "ext://sys.stdout",
        },
    },
    "root": {"level": "INFO", "handlers": ["stdout"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
    },
}
