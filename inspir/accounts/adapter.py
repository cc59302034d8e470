from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: coordinators create accounts (invitations come later)."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False
