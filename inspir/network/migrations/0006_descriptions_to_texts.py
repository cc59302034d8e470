"""Networks' and organisations' descriptions move from a column per language to one original
and its translations (decision 0027): `_description_move.py` says how. A network works in its
countries' languages; an organisation in its working languages, then its country's. An
organisation's texts belong to its first membership's network."""

from django.db import migrations

from inspir.network.migrations._description_move import (
    Kind,
    backward,
    country_languages,
    forward,
    network_languages,
)


def kinds(apps):
    Organisation = apps.get_model("network", "Organisation")
    Membership = apps.get_model("network", "Membership")
    networks = network_languages(apps)
    first_network = {}
    for organisation_id, network_id in Membership.objects.order_by("pk").values_list(
        "organisation_id", "network_id"
    ):
        first_network.setdefault(organisation_id, network_id)
    organisations = {
        organisation.pk: [
            *(code for code in organisation.languages or [] if isinstance(code, str)),
            *country_languages(organisation.country.code),
        ]
        for organisation in Organisation.objects.only("pk", "languages", "country__code")
    }
    return [
        Kind("network", "Network", networks, {pk: pk for pk in networks}),
        Kind("network", "Organisation", organisations, first_network),
    ]


def descriptions_to_texts(apps, schema_editor):
    for kind in kinds(apps):
        forward(apps, kind)


def texts_to_descriptions(apps, schema_editor):
    for kind in kinds(apps):
        backward(apps, schema_editor, kind)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0011_text_context"),
        ("network", "0005_description"),
    ]

    operations = [migrations.RunPython(descriptions_to_texts, texts_to_descriptions)]
