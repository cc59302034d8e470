from django.db import migrations, models


class Migration(migrations.Migration):
    """What a meeting is in the network's life; every meeting recorded so far was one of its
    committee's (the column's default)."""

    dependencies = [
        ("governance", "0015_remove_committee_description_columns"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="kind",
            field=models.CharField(
                choices=[
                    ("committee", "committee meeting"),
                    ("general_assembly", "general assembly"),
                    ("founding", "founding meeting"),
                ],
                default="committee",
                max_length=20,
                verbose_name="kind of meeting",
            ),
        ),
    ]
