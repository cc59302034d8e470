from django.db import migrations


class Migration(migrations.Migration):
    """The columns per language are gone: 0006 moved their texts (decision 0027)."""

    dependencies = [
        ("network", "0006_descriptions_to_texts"),
    ]

    operations = [
        migrations.RemoveField(model_name=model, name=f"description_{language}")
        for model in ("network", "organisation")
        for language in ("fr", "en", "es")
    ]
