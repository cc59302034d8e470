import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def first_versions(apps, schema_editor):
    """Minutes published before versions existed become their version 1, approved and
    published when they were, so that a later correction keeps them readable."""
    Meeting = apps.get_model("governance", "Meeting")
    MinutesVersion = apps.get_model("governance", "MinutesVersion")
    published = Meeting.objects.filter(minutes_published_at__isnull=False).exclude(
        pk__in=MinutesVersion.objects.values("meeting_id")
    )
    MinutesVersion.objects.bulk_create(
        MinutesVersion(
            meeting_id=meeting.pk,
            number=1,
            text=meeting.minutes,
            approved_at=meeting.minutes_approved_at or meeting.minutes_published_at,
            published_at=meeting.minutes_published_at,
        )
        for meeting in published.only(
            "pk", "minutes", "minutes_approved_at", "minutes_published_at"
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0010_decision_committee_required"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="MinutesComment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(verbose_name="comment")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "author",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="minutes_comments",
                        to="governance.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "comment on the minutes",
                "verbose_name_plural": "comments on the minutes",
                "ordering": ["meeting", "created_at", "pk"],
            },
        ),
        migrations.RunPython(first_versions, migrations.RunPython.noop),
    ]
