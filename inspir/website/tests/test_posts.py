"""Each network's editors write its news: drafts, previews, schedules and publications, with
edit conflicts refused, pictures checked and resized, every change in the activity log."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from inspir.core.models import AuditEntry
from inspir.website.models import Post, PostStatus
from inspir.website.tests.factories import PostFactory

pytestmark = pytest.mark.django_db

NEW = "/en/newsroom/new/"


def form_data(world, **changes):
    data = {
        "network": world.benin.pk,
        "language": "fr",
        "title": "Les mutuelles de santé du Bénin se réunissent",
        "summary": "Trois jours d'échanges à Cotonou.",
        "body": (
            "## Programme\n\nDes ateliers <script>alert(1)</script> "
            "et [le rapport](javascript:alert(1))."
        ),
        "image_alt": "",
        "publish_at": "",
        "action": "draft",
    }
    data.update(changes)
    return data


def picture(width=2400, height=1600, fmt="JPEG", exif=True):
    image = Image.new("RGB", (width, height), (200, 40, 40))
    out = io.BytesIO()
    extra = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "CameraMaker"  # Make
        data[0x8825] = {2: (6.0, 22.0, 0.0)}  # GPS latitude
        extra["exif"] = data.tobytes()
    image.save(out, fmt, **extra)
    return SimpleUploadedFile(f"photo.{fmt.lower()}", out.getvalue(), content_type="image/jpeg")


def test_a_focal_point_saves_a_draft_that_nobody_else_sees(client, world):
    client.force_login(world.focal_point)

    response = client.post(NEW, form_data(world))

    assert response.status_code == 302
    post = Post.objects.get()
    assert post.status == PostStatus.DRAFT and post.publish_at is None
    assert post.author == world.focal_point and post.language == "fr"
    assert client.get("/en/newsroom/").content.decode().count(post.title) == 1
    client.logout()
    assert client.get(f"/en/news/benin/{post.pk}/").status_code == 404
    assert post.title not in client.get("/en/news/").content.decode()


def test_publish_now_puts_the_post_on_the_site_sanitised(client, world):
    client.force_login(world.focal_point)

    client.post(NEW, form_data(world, action="publish"))

    post = Post.objects.get()
    assert post.status == PostStatus.PUBLISHED
    assert post.publish_at <= timezone.now()
    client.logout()
    page = client.get(f"/fr/news/benin/{post.pk}/").content.decode()
    assert "<h2>Programme</h2>" in page
    assert "alert(1)" not in page
    assert 'href="javascript' not in page
    codes = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert codes == ["website.post.created", "website.post.published"]


def test_preview_shows_the_rendered_text_and_saves_nothing(client, world):
    client.force_login(world.focal_point)

    response = client.post(NEW, form_data(world, action="preview"))

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    preview = page.select_one(".post-preview")
    assert preview.h3 is None and preview.select_one("h2 + .post-text h2").get_text() == "Programme"
    assert "alert" not in str(preview)
    # What was typed stays in the form.
    assert page.select_one("#id_title")["value"] == "Les mutuelles de santé du Bénin se réunissent"
    assert not Post.objects.exists()


def test_a_schedule_needs_a_moment_to_come(client, world):
    client.force_login(world.focal_point)

    response = client.post(NEW, form_data(world, action="schedule", publish_at="2001-01-01T10:00"))

    assert response.status_code == 200
    assert "Choose a moment to come" in response.content.decode()
    assert not Post.objects.exists()


def test_scheduling_in_the_editors_zone(client, world):
    client.force_login(world.focal_point)
    later = (timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")

    client.post(NEW, form_data(world, action="schedule", publish_at=later))

    post = Post.objects.get()
    assert post.status == PostStatus.SCHEDULED
    assert post.publish_at > timezone.now()
    assert AuditEntry.objects.filter(action="website.post.scheduled").exists()


def test_a_member_and_another_networks_coordinator_cannot_write_benins_news(client, world):
    post = PostFactory(network=world.benin, status=PostStatus.DRAFT, publish_at=None)
    client.force_login(world.member)
    assert client.get("/en/newsroom/").status_code == 404
    assert client.post(NEW, form_data(world)).status_code == 404

    client.force_login(world.togo_coordinator)
    assert client.get(f"/en/newsroom/{post.pk}/edit/").status_code == 404
    response = client.post(NEW, form_data(world))  # Bénin is not among the choices
    assert response.status_code == 200
    assert Post.objects.count() == 1


def test_an_edit_made_over_someone_elses_is_refused_with_what_was_typed(client, world):
    post = PostFactory(
        network=world.benin, title="Before", status=PostStatus.DRAFT, publish_at=None
    )
    client.force_login(world.focal_point)
    url = reverse("website:post_edit", kwargs={"pk": post.pk})
    Post.objects.filter(pk=post.pk).update(version=post.version + 1, title="Changed meanwhile")

    data = form_data(world, title="Mine", version=post.version)
    del data["network"], data["language"]
    response = client.post(url, data)

    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    assert 'value="Mine"' in response.content.decode()
    assert Post.objects.get().title == "Changed meanwhile"


def test_editing_a_published_post_keeps_its_date(client, world):
    post = PostFactory(network=world.benin)
    client.force_login(world.focal_point)
    data = form_data(world, title="Corrected title", action="publish", version=post.version)
    del data["network"], data["language"]

    client.post(reverse("website:post_edit", kwargs={"pk": post.pk}), data)

    post.refresh_from_db()
    assert post.title == "Corrected title"
    assert post.publish_at == PostFactory._meta.declarations["publish_at"]
    assert AuditEntry.objects.filter(action="website.post.updated").count() == 1


def test_a_file_that_is_not_a_picture_is_refused_and_the_text_kept(client, world):
    client.force_login(world.focal_point)
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not a picture", content_type="image/jpeg")

    response = client.post(NEW, {**form_data(world), "image": fake})

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "This file is not a picture" in page.get_text()
    assert page.select_one("#id_title")["value"].startswith("Les mutuelles")
    assert not Post.objects.exists()


def test_a_picture_is_resized_stripped_and_served_only_as_large_as_needed(client, world):
    client.force_login(world.focal_point)

    client.post(
        NEW, {**form_data(world, action="publish", image_alt="Delegates"), "image": picture()}
    )

    post = Post.objects.get()
    sizes = {}
    for name in ("small", "medium", "large"):
        with getattr(post, f"image_{name}").open("rb") as handle:
            stored = Image.open(io.BytesIO(handle.read()))
        sizes[name] = stored.size
        assert not stored.getexif()  # no camera, no place
    assert sizes == {"small": (480, 320), "medium": (960, 640), "large": (1600, 1067)}
    client.logout()
    served = client.get(post.image_small_url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'alt="Delegates"' in page and "480w" in page


def test_a_small_picture_is_never_enlarged(client, world):
    client.force_login(world.focal_point)

    client.post(NEW, {**form_data(world), "image": picture(300, 200, "PNG", exif=False)})

    post = Post.objects.get()
    for name in ("small", "medium", "large"):
        with getattr(post, f"image_{name}").open("rb") as handle:
            assert Image.open(io.BytesIO(handle.read())).size == (300, 200)


def test_a_drafts_picture_is_for_its_editors_only(client, world):
    client.force_login(world.focal_point)
    client.post(NEW, {**form_data(world), "image": picture(600, 400)})
    post = Post.objects.get()

    assert client.get(post.image_small_url).status_code == 200
    client.logout()
    assert client.get(post.image_small_url).status_code == 404
