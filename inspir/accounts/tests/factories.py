import time

import factory
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib.sessions.backends.base import SessionBase

from inspir.accounts.middleware import SECOND_FACTOR_METHOD
from inspir.accounts.models import NetworkRole, Role, User
from inspir.network.tests.factories import NetworkFactory

PASSWORD = "a long test password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()
            # Staff must use two-factor authentication; give them an authenticator.
            if self.is_staff:
                add_second_factor(self)


class NetworkRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkRole

    user = factory.SubFactory(UserFactory)
    network = factory.SubFactory(NetworkFactory)
    role = Role.MEMBER


def record_completed_login(session: SessionBase, user: User) -> None:
    """Write into `session` what allauth records after a log-in with the password and the
    second factor (the two-factor middleware reads it)."""
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": SECOND_FACTOR_METHOD, "at": now, "type": Authenticator.Type.TOTP},
    ]
    session["account_authentication_methods_user"] = str(user.pk)


def add_second_factor(user: User) -> str:
    """Give `user` an authenticator app; returns its secret."""
    secret = generate_totp_secret()
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)
    return secret


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now for `secret`."""
    return format_hotp_value(hotp_value(secret, int(time.time() // 30)))


def user_with_role(
    network, role: str = Role.MEMBER, second_factor: bool | None = None, **user_fields: object
) -> User:
    """A user holding `role` in `network`. Coordinators get a second factor, as the platform
    requires, unless `second_factor=False`."""
    user = UserFactory(**user_fields)
    NetworkRoleFactory(user=user, network=network, role=role)
    if second_factor if second_factor is not None else role == Role.COORDINATOR:
        add_second_factor(user)
    return user
