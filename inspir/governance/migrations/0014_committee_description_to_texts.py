"""Committees' descriptions move from a column per language to one original and its
translations (decision 0027), as networks' do (`network/migrations/_description_move.py`):
a committee works in its network's languages, and its texts belong to its network."""

from django.db import migrations

from inspir.network.migrations._description_move import (
    Kind,
    backward,
    forward,
    network_languages,
)


def kind(apps):
    Committee = apps.get_model("governance", "Committee")
    networks = dict(Committee.objects.values_list("pk", "network_id"))
    languages = network_languages(apps)
    return Kind(
        "governance",
        "Committee",
        {pk: languages.get(network_id, []) for pk, network_id in networks.items()},
        networks,
    )


def descriptions_to_texts(apps, schema_editor):
    forward(apps, kind(apps))


def texts_to_descriptions(apps, schema_editor):
    backward(apps, schema_editor, kind(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0011_text_context"),
        ("governance", "0013_committee_description"),
    ]

    operations = [migrations.RunPython(descriptions_to_texts, texts_to_descriptions)]
