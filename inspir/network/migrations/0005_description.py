from django.db import migrations, models


class Migration(migrations.Migration):
    """One `description` beside the three columns per language, which 0006 moves into it and
    into the texts' translations (decision 0027) and 0007 removes."""

    dependencies = [
        ("network", "0004_network_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="network",
            name="description",
            field=models.TextField(blank=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="description",
            field=models.TextField(blank=True, verbose_name="description"),
        ),
    ]
