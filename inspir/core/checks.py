"""System checks of the platform's own."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register


@register(Tags.security, deploy=True)
def production_profile_selected(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """`check --deploy` on the development settings would list a few warnings and could be
    taken for a check of the deployment: say plainly that the wrong settings are in use."""
    if getattr(settings, "PRODUCTION_PROFILE", False):
        return []
    return [
        Error(
            f"These are not the production settings ({settings.SETTINGS_MODULE}): this "
            "process would run with development defaults.",
            hint=(
                "Put DJANGO_SETTINGS_MODULE=config.settings.production in the environment "
                "file (/etc/inspir/inspir.env, or the file named by INSPIR_ENV_FILE); see "
                "docs/deployment.md."
            ),
            id="inspir.E001",
        )
    ]
