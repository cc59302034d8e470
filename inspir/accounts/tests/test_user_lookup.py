"""The user every logged-in request loads by its id comes from SQL compiled once
(accounts/models.py's UserManager.get): the same user, the same errors, one query."""

import pytest

from inspir.accounts.models import User
from inspir.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_user_is_the_same_as_the_orms(django_assert_num_queries):
    user = UserFactory(email="awa@example.org", first_name="Awa", is_staff=True)
    expected = User.objects.filter(pk=user.pk).get()

    with django_assert_num_queries(1):
        found = User.objects.get(pk=user.pk)

    assert found == expected
    fields = [field.attname for field in User._meta.concrete_fields]
    assert [getattr(found, name) for name in fields] == [getattr(expected, name) for name in fields]
    assert found._state.adding is False and found._state.db == "default"


def test_a_missing_user_is_not_found():
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=987_654)


def test_other_lookups_go_through_the_orm():
    user = UserFactory(email="awa@example.org")

    assert User.objects.get(email="awa@example.org") == user
    assert User.objects.get(pk=str(user.pk)) == user
    with pytest.raises(ValueError):
        User.objects.get(pk="not a number")
