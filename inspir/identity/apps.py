from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspir.identity"
    label = "identity"
    verbose_name = _("Visual identity")

    # Nothing to register: the brand kit reads only the networks, whose writes already make
    # the public pages stale (inspir.network.apps), and holds no personal data, no member
    # text and nothing to search. Its files are kept under a fingerprint of what they show
    # (variants.py), so they need no invalidation.
