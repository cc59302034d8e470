from django.db import migrations, models


class Migration(migrations.Migration):
    """One `description` beside the three columns per language, which 0014 moves into it and
    into the texts' translations (decision 0027) and 0015 removes."""

    dependencies = [
        ("governance", "0012_decision_proposal_standing"),
    ]

    operations = [
        migrations.AddField(
            model_name="committee",
            name="description",
            field=models.TextField(blank=True, verbose_name="description"),
        ),
    ]
