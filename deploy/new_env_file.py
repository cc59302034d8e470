"""Print a new environment file for a deployment, with fresh random keys:

    python3 deploy/new_env_file.py > /etc/inspir/inspir.env

Then change every value under a "# Change" comment. The file is read by every command, the
worker and the app server (config/environment.py) and by the service units
(`EnvironmentFile=`); every variable is described in docs/configuration.md. Standard library
only, so that it runs before anything is installed."""

import base64
import os
import secrets
import sys


def fernet_key() -> str:
    """What `cryptography.fernet.Fernet.generate_key()` makes: 32 random bytes, base64."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


TEMPLATE = """\
# INSP!R: the deployment's settings (docs/deployment.md, docs/configuration.md).
# Readable by root and the service's group only: chown root:inspir, chmod 640.

DJANGO_SETTINGS_MODULE=config.settings.production

# Random keys made for this installation. Keep a copy of the two encryption keys off the
# server, away from the backups (in the network's password manager): without them, backups
# cannot be opened and authenticator apps stop working.
DJANGO_SECRET_KEY={secret_key}
SECRETS_ENCRYPTION_KEY={secrets_key}
BACKUP_ENCRYPTION_KEY={backup_key}
HEALTH_TOKEN={health_token}

# Change: the platform's public address.
DJANGO_ALLOWED_HOSTS=inspir.example.org
DJANGO_CSRF_TRUSTED_ORIGINS=https://inspir.example.org
SITE_URL=https://inspir.example.org
# One reverse proxy (nginx or Caddy) in front of gunicorn.
TRUSTED_PROXY_COUNT=1

# Change: the database's password.
DATABASE_URL=postgres://inspir:change-this-password@127.0.0.1:5432/inspir
REDIS_URL=redis://127.0.0.1:6379/0
TASKS_BACKEND=database

# Change: the SMTP server that sends the platform's e-mail.
EMAIL_HOST=smtp.example.org
EMAIL_PORT=587
EMAIL_HOST_USER=inspir@example.org
EMAIL_HOST_PASSWORD=change-this-password
EMAIL_USE_TLS=1
# Change: the sender of the e-mails, and who receives the reports of server errors.
DEFAULT_FROM_EMAIL="INSP!R <no-reply@inspir.example.org>"
DJANGO_ADMINS=it@inspir.example.org

DJANGO_MEDIA_ROOT=/var/lib/inspir/media
BACKUP_DIR=/var/lib/inspir/backups

# Change: gunicorn's processes (about two per processor core), and its port if 8000 is taken
# (then in the proxy's configuration too).
GUNICORN_WORKERS=3
GUNICORN_BIND=127.0.0.1:8000
"""


def render() -> str:
    return TEMPLATE.format(
        secret_key=secrets.token_urlsafe(64),
        secrets_key=fernet_key(),
        backup_key=fernet_key(),
        health_token=secrets.token_urlsafe(32),
    )


if __name__ == "__main__":
    sys.stdout.write(render())
