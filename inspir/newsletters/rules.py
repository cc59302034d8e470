"""The newsletter's rules, without the database: how long a confirmation link lasts, how
often a confirmation may be sent again, what may be sent and edited."""

import datetime

from django.utils.translation import gettext_lazy as _

from inspir.newsletters.models import IssueStatus, SubscriberStatus

# A confirmation link works this long after the consent it confirms was given; a pending
# subscription not confirmed by then is deleted (`purge_pending_subscribers`).
CONFIRM_VALID = datetime.timedelta(days=7)
# Asking again for a pending address sends a fresh confirmation at most this often.
CONFIRM_COOLDOWN = datetime.timedelta(minutes=5)
# Submissions of the form accepted from one network address per hour.
SUBSCRIBE_PER_HOUR = 20
# Deliveries handed to core.mail per batch of the sending task (progress is recorded and
# the next batch read after each).
HAND_OVER_BATCH = 50
# A sending task that has not moved on for this long has stopped: the periodic job queues
# it again (it continues where it stopped; nothing is handed over twice).
SENDING_STALLED = datetime.timedelta(minutes=5)
# How far back the composing form offers posts, positions and decisions.
RECENT = datetime.timedelta(days=365)
# At most this many candidates of each kind are offered.
CANDIDATES_PER_KIND = 30
# Where a subscription was asked from, as recorded with the consent.
SOURCE_FORM = "newsletter subscription form"

# The words shown next to the subscribe button, recorded with each consent as shown.
CONSENT_WORDING = _(
    "I agree to receive the INSP!R newsletter at this address, in the language and for "
    "the networks I chose. My address is used for nothing else. I can change my choices "
    "or unsubscribe at any time, from the links at the foot of every issue."
)


def is_editable(status: str) -> bool:
    """Only a draft is changed or sent; an issue being sent or sent stays as it went out."""
    return status == IssueStatus.DRAFT


def confirmation_valid(
    given_at: datetime.datetime, now: datetime.datetime, valid: datetime.timedelta = CONFIRM_VALID
) -> bool:
    return now - given_at <= valid


def may_send_confirmation_again(
    last_sent: datetime.datetime | None, now: datetime.datetime
) -> bool:
    return last_sent is None or now - last_sent >= CONFIRM_COOLDOWN


def receives(status: str) -> bool:
    return status == SubscriberStatus.ACTIVE
