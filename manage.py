#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # The deployment's environment file selects the settings (docs/deployment.md); without
    # one, the development settings, which `check --deploy` reports as not fit to deploy.
    from config.environment import load_environment

    load_environment()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
