"""The current code of the demo's shared authenticator, for `demo_code` and the browser tests."""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from inspir.demo.data import DEMO_TOTP_SECRET

PERIOD = 30


def demo_totp_code(at: float | None = None) -> str:
    counter = int((time.time() if at is None else at) // PERIOD)
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))
