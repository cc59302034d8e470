import os

from django.core.wsgi import get_wsgi_application

from config.environment import load_environment

# The same environment file as every command (docs/deployment.md); the app server always
# runs the production settings unless the environment names others.
load_environment()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
