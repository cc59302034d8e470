"""Composing a network's issue, previewing it in each language, testing it on oneself; who
may; and the public archive, which shows sent issues and nobody's address."""

import pytest
from django.urls import reverse
from django.utils import timezone

from inspir.core.models import AuditEntry
from inspir.newsletters.models import Issue, IssueItem, IssueStatus
from inspir.newsletters.selectors.issues import recipients
from inspir.newsletters.tests.conftest import with_token
from inspir.newsletters.tests.factories import IssueFactory, SubscriberFactory


def _create(client, w, **data):
    url = reverse("newsletters:issue_create")
    page = client.get(url + f"?network={data.get('network', w.world.pk)}").content.decode()
    return client.post(url, with_token(page, {"network": w.world.pk, **data}))


def test_an_editor_composes_an_issue_with_items_in_the_order_given(client, w):
    client.force_login(w.editor)
    page = client.get(reverse("newsletters:issue_create") + f"?network={w.world.pk}")
    html = page.content.decode()
    assert "Pour un socle de protection sociale" in html  # Africa's, below the network
    assert "Support a Global Fund for Social Protection" in html

    response = _create(
        client,
        w,
        title="Newsletter 1",
        introduction="Hello.",
        **{f"item-position-{w.position.pk}": "2", f"item-decision-{w.decision.pk}": "1"},
    )

    issue = Issue.objects.get()
    assert response["Location"] == issue.get_absolute_url()
    assert issue.status == IssueStatus.DRAFT
    assert list(IssueItem.objects.values_list("kind", flat=True)) == ["decision", "position"]
    assert AuditEntry.objects.filter(action="newsletters.issue.created").count() == 1


def test_an_issue_of_benin_offers_nothing_of_africa_above_it(client, w):
    client.force_login(w.benin_editor)
    html = client.get(reverse("newsletters:issue_create")).content.decode()
    assert "Pour un socle de protection sociale" not in html


def test_only_the_networks_editors_compose_and_send(client, w):
    issue = IssueFactory(network=w.world)
    create = reverse("newsletters:issue_create")
    detail = reverse("newsletters:issue_detail", kwargs={"pk": issue.pk})
    send = reverse("newsletters:issue_send", kwargs={"pk": issue.pk})

    assert client.get(create).status_code == 302  # to log in
    client.force_login(w.member)
    assert client.get(reverse("newsletters:issue_list")).status_code == 404
    assert client.get(create).status_code == 404
    assert client.post(send, {"version": 1}).status_code == 404
    client.force_login(w.benin_editor)  # edits Bénin's, not the intercontinental network's
    assert client.get(detail).status_code == 404
    assert client.post(send, {"version": 1}).status_code == 404
    assert Issue.objects.get().status == IssueStatus.DRAFT
    client.force_login(w.editor)
    assert client.get(detail).status_code == 200


def test_an_editor_edits_a_draft_and_a_stale_form_is_refused(client, w):
    issue = IssueFactory(network=w.world, title="Before")
    client.force_login(w.editor)
    url = reverse("newsletters:issue_edit", kwargs={"pk": issue.pk})
    page = client.get(url).content.decode()
    data = with_token(page, {"title": "After", "introduction": "", "version": issue.version})
    assert client.post(url, data).status_code == 302
    assert Issue.objects.get().title == "After"

    stale = with_token(client.get(url).content.decode(), {"title": "Other", "version": 1})
    response = client.post(url, stale)
    assert response.status_code == 200
    assert Issue.objects.get().title == "After"


def test_the_preview_shows_the_issue_in_each_language(client, w):
    issue = IssueFactory(network=w.world)
    IssueItem.objects.create(issue=issue, kind="position", object_id=w.position.pk)
    client.force_login(w.editor)
    url = reverse("newsletters:issue_preview", kwargs={"pk": issue.pk})
    spanish = client.get(url + "?language=es").content.decode()
    assert "Posicionamientos" in spanish
    assert "Original en francés: aún sin traducir." in spanish
    assert "Original in" not in client.get(url + "?language=fr").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_test_goes_to_the_editor_alone_marked_as_a_test(client, w, mailbox):
    SubscriberFactory(email="reader@example.org")
    issue = IssueFactory(network=w.world, title="Newsletter 1")
    client.force_login(w.editor)
    detail = reverse("newsletters:issue_detail", kwargs={"pk": issue.pk})
    data = with_token(client.get(detail).content.decode(), {"language": "en"})
    client.post(reverse("newsletters:issue_test", kwargs={"pk": issue.pk}), data)

    [message] = mailbox.messages
    assert message["To"] == "editor@example.org"
    assert message["Subject"] == "[Test] INSP!R — Newsletter 1"
    assert message["List-Unsubscribe"] is None
    assert Issue.objects.get().status == IssueStatus.DRAFT


def test_recipients_are_those_who_chose_the_network_or_below_or_nothing(w):
    everything = SubscriberFactory()
    benin = SubscriberFactory()
    benin.networks.set([w.benin])
    latin = SubscriberFactory()
    latin.networks.set([w.latin])
    pending = SubscriberFactory(status="pending")

    africa_issue = IssueFactory(network=w.africa)
    assert set(recipients(africa_issue)) == {everything, benin}
    assert set(recipients(IssueFactory(network=w.world))) == {everything, benin, latin}
    assert pending not in set(recipients(IssueFactory(network=w.world)))


def test_the_archive_shows_sent_issues_only_and_no_subscriber(client, w):
    reader = SubscriberFactory(email="secret-reader@example.org")
    sent = IssueFactory(
        network=w.africa, title="Sent issue", status=IssueStatus.SENT, sent_at=timezone.now()
    )
    IssueItem.objects.create(issue=sent, kind="position", object_id=w.position.pk)
    sent.deliveries.create(subscriber=reader)
    draft = IssueFactory(network=w.africa, title="Draft issue")

    archive = client.get(reverse("newsletters:archive")).content.decode()
    assert "Sent issue" in archive and "Draft issue" not in archive
    africa = client.get(reverse("newsletters:network_archive", kwargs={"slug": "afrique"}))
    assert "Sent issue" in africa.content.decode()
    latin = client.get(reverse("newsletters:network_archive", kwargs={"slug": "latina"}))
    assert "Sent issue" not in latin.content.decode()

    page = client.get(reverse("newsletters:public_issue", kwargs={"pk": sent.pk})).content.decode()
    assert "Pour un socle de protection sociale" in page
    assert "secret-reader" not in page
    assert (
        client.get(reverse("newsletters:public_issue", kwargs={"pk": draft.pk})).status_code == 404
    )


def test_the_home_page_invites_to_subscribe_and_links_the_latest_issue(client, w):
    IssueFactory(
        network=w.world, title="Latest sent", status=IssueStatus.SENT, sent_at=timezone.now()
    )
    home = client.get(reverse("core:home")).content.decode()
    assert reverse("newsletters:subscribe") in home
    assert "Latest sent" in home


def test_the_home_section_shows_the_latest_title_in_the_readers_language(client, w):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import translation

    from inspir.core.models import TextOriginal, TextStatus, TextTranslation

    with translation.override("en"):
        issue = IssueFactory(
            network=w.world, title="Latest sent", status=IssueStatus.SENT, sent_at=timezone.now()
        )
    original = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(Issue), object_id=issue.pk, field="title"
    )
    TextTranslation.objects.create(
        original=original,
        language="es",
        text="Último boletín",
        status=TextStatus.REVIEWED,
        source_revision=original.revision,
        source_text=issue.title,
    )
    assert "Último boletín" in client.get("/es/").content.decode()
    french = client.get("/fr/").content.decode()
    assert "Latest sent" in french and "Último boletín" not in french
