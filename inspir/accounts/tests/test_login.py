import pytest

from inspir.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_people_log_in_with_their_email_address(client):
    UserFactory(email="focal.point@example.org")

    response = client.post(
        "/en/accounts/login/", {"login": "Focal.Point@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200


def test_a_wrong_password_is_refused_with_a_translated_message(client):
    UserFactory(email="focal.point@example.org")

    response = client.post(
        "/fr/accounts/login/", {"login": "focal.point@example.org", "password": "wrong"}
    )

    assert response.status_code == 200
    assert "incorrect" in response.content.decode()
    assert 'value="focal.point@example.org"' in response.content.decode()


def test_nobody_can_sign_up_on_their_own(client):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert "new@example.org" not in [u.email for u in UserFactory._meta.model.objects.all()]
    assert response.status_code in {200, 403}


def test_the_account_page_requires_logging_in(client):
    response = client.get("/en/accounts/profile/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
