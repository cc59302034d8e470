"""Accounts' rules as plain data: what the invitation e-mails are about, and the order in
which roles grant more. Below services and selectors, which both read them here."""

from inspir.accounts.models import Role

# What the invitation e-mails are about (`OutgoingEmail.topic`), to show whether they arrived.
INVITATION_TOPIC = "accounts.invitation"

# The order in which roles grant more: accepting an invitation never lowers a role.
ROLE_STRENGTH = {Role.MEMBER: 1, Role.FOCAL_POINT: 2, Role.COORDINATOR: 3}
