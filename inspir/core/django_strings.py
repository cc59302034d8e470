"""Interface strings of Django itself that its own catalogues leave untranslated in one of the
platform's languages (Django 6.1's Spanish lacks the empty choice of a drop-down). Listed here
so that extraction keeps them in our catalogues, which take precedence over Django's."""

from django.utils.translation import gettext_noop

FILLED_IN = [
    gettext_noop("- Select an option -"),
]
