from inspir.translations.tests.libretranslate import (  # noqa: F401
    libretranslate,
    libretranslate_server,
)
