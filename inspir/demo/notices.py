"""A few notices in the demo's notification lists, so that each persona finds in the header
what the platform would have told them: the focal point that Bénin was consulted and has a
decision to follow up, the coordinators that a meeting was planned. They are written as
notices already told in the app (no e-mail is asked for: the demo sends nothing at load),
keyed like the real events, so loading the demo again adds none."""

import datetime

from django.utils import timezone

from inspir.accounts.models import NetworkRole, Role, User
from inspir.demo import data
from inspir.governance.models import Consultation, FollowUp, Meeting
from inspir.governance.notices import (
    CONSULTATION_OPENED,
    FOLLOW_UP_OPENED,
    MEETING_SCHEDULED,
)
from inspir.network.models import Network
from inspir.notifications.models import Delivery, Notification


def _tell(user: User, kind: str, key: str, context: dict, network: Network, hours_ago: int) -> None:
    Notification.objects.get_or_create(
        user=user,
        kind=kind,
        key=key,
        defaults={
            "context": context,
            "network": network,
            "created_at": timezone.now() - datetime.timedelta(hours=hours_ago),
            "delivery": Delivery.IN_APP,
        },
    )


def load_notices() -> int:
    """Tell the demo's personas a few events of their networks; returns how many notices
    the demo holds."""
    users = {
        user.email: user for user in User.objects.filter(email__endswith=f"@{data.EMAIL_DOMAIN}")
    }
    focal_point = users.get(f"focal.point@{data.EMAIL_DOMAIN}")
    role = (
        NetworkRole.objects.filter(user=focal_point, role=Role.FOCAL_POINT)
        .select_related("network")
        .first()
    )
    if role is not None and focal_point is not None:
        benin = role.network
        for consultation in Consultation.objects.filter(network=benin):
            _tell(
                focal_point,
                CONSULTATION_OPENED,
                f"consultation:{consultation.pk}:opened",
                {"consultation": consultation.pk},
                benin,
                hours_ago=30,
            )
        for follow_up in FollowUp.objects.filter(network=benin):
            _tell(
                focal_point,
                FOLLOW_UP_OPENED,
                f"followup:{follow_up.pk}:opened",
                {"follow_up": follow_up.pk},
                benin,
                hours_ago=5,
            )
    coming = Meeting.objects.filter(starts_at__gt=timezone.now()).select_related(
        "committee__network"
    )
    for meeting in coming:
        for name in ("coordinator", "steering.member"):
            email = f"{name}@{data.EMAIL_DOMAIN}"
            if email in users:
                _tell(
                    users[email],
                    MEETING_SCHEDULED,
                    f"meeting:{meeting.pk}:scheduled",
                    {"meeting": meeting.pk, "previous_start": None},
                    meeting.committee.network,
                    hours_ago=50,
                )
    return Notification.objects.count()
