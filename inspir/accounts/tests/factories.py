import factory

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


class NetworkRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkRole

    user = factory.SubFactory(UserFactory)
    network = factory.SubFactory(NetworkFactory)
    role = Role.MEMBER


def user_with_role(network, role: str = Role.MEMBER, **user_fields: object) -> User:
    user = UserFactory(**user_fields)
    NetworkRoleFactory(user=user, network=network, role=role)
    return user
