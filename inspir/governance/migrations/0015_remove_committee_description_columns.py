from django.db import migrations


class Migration(migrations.Migration):
    """The columns per language are gone: 0014 moved their texts (decision 0027)."""

    dependencies = [
        ("governance", "0014_committee_description_to_texts"),
    ]

    operations = [
        migrations.RemoveField(model_name="committee", name=f"description_{language}")
        for language in ("fr", "en", "es")
    ]
