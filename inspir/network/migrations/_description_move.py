"""How descriptions move from a column per language to one original and its translations
(decision 0027): shared by `network.0006_descriptions_to_texts` (networks, organisations) and
`governance.0014_committee_description_to_texts` (committees). Django's loader skips a module
whose name starts with "_", so this is no migration of its own.

Forward, for each record: the original is the first non-empty of its three columns in the
order of the record's languages, then French, English, Spanish. It goes into `description`
with a `TextOriginal` (revision 1, in that language); every other non-empty column becomes a
`TextTranslation` of it, made by a person ("translated") from revision 1. The saved states
of the history (`core.Revision`) keep one `description` too: the text in the language of the
record's original, else the first there is.

Backward, the original goes back into its language's column and each translation (but a
machine draft nobody took up) into its own; a history state gets its text back in the
original's column (the current state with its translations); the texts' records are removed.

The code is a copy, frozen as it was, of `inspir/network/texts.py`'s rule: a migration must
read the same tomorrow."""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from babel.languages import get_official_languages, get_territory_language_info
from django.utils import timezone

LANGUAGES = ("fr", "en", "es")
COLUMNS = tuple(f"description_{language}" for language in LANGUAGES)
BATCH_SIZE = 500


# --- The languages a record works in ---------------------------------------------------------


def country_languages(code):
    """The platform's languages spoken in a country, the likeliest first: its official
    languages (Unicode CLDR), then the others by their share of speakers."""
    official = list(get_official_languages(code, de_facto=True))
    spoken = get_territory_language_info(code)
    others = sorted(
        (language for language in spoken if language not in official),
        key=lambda language: -float(spoken[language].get("population_percent") or 0),
    )
    return [language for language in [*official, *others] if language in LANGUAGES]


def countries_languages(codes):
    """Across several countries: the language most of them speak first, then the others by
    how many countries speak them."""
    first, anywhere = Counter(), Counter()
    for code in codes:
        spoken = country_languages(code)
        first.update(spoken[:1])
        anywhere.update(spoken)
    return sorted(
        anywhere,
        key=lambda language: (-first[language], -anywhere[language], LANGUAGES.index(language)),
    )


def network_languages(apps):
    """Each network's languages (its countries'), by id."""
    Network = apps.get_model("network", "Network")
    # Its id alone: another app's migration reads it, whose state may not know the
    # network's columns as they are then.
    return {
        network.pk: countries_languages(country.code for country in network.countries.all())
        for network in Network.objects.only("pk").prefetch_related("countries")
    }


def language_order(preferred):
    return list(dict.fromkeys([*(code for code in preferred if code in LANGUAGES), *LANGUAGES]))


def first_written(texts, order):
    return next((language for language in order if (texts.get(language) or "").strip()), None)


# --- Moving ----------------------------------------------------------------------------------


@dataclass
class Kind:
    """One model whose description moves: the languages each of its records works in and
    the network its texts belong to, by record id."""

    app_label: str
    model_name: str
    languages: dict = field(default_factory=dict)
    networks: dict = field(default_factory=dict)

    def model(self, apps):
        return apps.get_model(self.app_label, self.model_name)

    def content_type(self, apps):
        content_types = apps.get_model("contenttypes", "ContentType")
        return content_types.objects.get_or_create(
            app_label=self.app_label, model=self.model_name.lower()
        )[0]

    def order(self, pk, first=None):
        return language_order(
            [first, *self.languages.get(pk, [])] if first else self.languages.get(pk, [])
        )


def forward(apps, kind):
    TextOriginal = apps.get_model("core", "TextOriginal")
    TextTranslation = apps.get_model("core", "TextTranslation")
    Revision = apps.get_model("core", "Revision")
    model, content_type, now = kind.model(apps), kind.content_type(apps), timezone.now()
    originals = {}  # record id → the language of its original
    changed = []
    for record in model.objects.only("pk", *COLUMNS).iterator(chunk_size=BATCH_SIZE):
        texts = {
            language: getattr(record, f"description_{language}") or "" for language in LANGUAGES
        }
        language = first_written(texts, kind.order(record.pk))
        if language is None:
            continue
        original = TextOriginal.objects.create(
            content_type=content_type,
            object_id=record.pk,
            field="description",
            language=language,
            revision=1,
            digest=hashlib.sha256(texts[language].encode()).hexdigest(),
            changed_at=now,
            network_id=kind.networks.get(record.pk),
        )
        TextTranslation.objects.bulk_create(
            [
                TextTranslation(
                    original=original,
                    language=other,
                    text=text,
                    status="translated",
                    machine=False,
                    source_revision=1,
                    source_text=texts[language],
                    translated_by=None,
                )
                for other, text in texts.items()
                if other != language and text.strip()
            ]
        )
        record.description = texts[language]
        changed.append(record)
        originals[record.pk] = language
    model.objects.bulk_update(changed, ["description"], batch_size=BATCH_SIZE)

    # The history's saved states (an organisation's profile, a network's page).
    for revision in Revision.objects.filter(content_type=content_type):
        snapshot = dict(revision.snapshot or {})
        if not any(column in snapshot for column in COLUMNS):
            continue
        texts = {
            language: snapshot.pop(f"description_{language}", "") or "" for language in LANGUAGES
        }
        language = first_written(
            texts, kind.order(revision.object_id, originals.get(revision.object_id))
        )
        snapshot["description"] = texts[language] if language else ""
        revision.snapshot = snapshot
        revision.save(update_fields=["snapshot"])


def backward(apps, schema_editor, kind):
    TextOriginal = apps.get_model("core", "TextOriginal")
    Revision = apps.get_model("core", "Revision")
    model, content_type = kind.model(apps), kind.content_type(apps)
    originals = {
        original.object_id: original
        for original in TextOriginal.objects.filter(
            content_type=content_type, field="description"
        ).prefetch_related("translations")
    }

    def language_of(pk):
        original = originals.get(pk)
        if original is not None and original.language in LANGUAGES:
            return original.language
        return kind.order(pk)[0]  # a text never tracked (written without signals)

    current = {}  # record id → (its description, its columns as put back)
    changed = []
    for record in model.objects.only("pk", "description", *COLUMNS).iterator(chunk_size=BATCH_SIZE):
        columns = dict.fromkeys(COLUMNS, "")
        if record.description:
            language = language_of(record.pk)
            columns[f"description_{language}"] = record.description
            original = originals.get(record.pk)
            for translation in original.translations.all() if original is not None else []:
                if (
                    translation.language in LANGUAGES
                    and translation.language != language
                    and translation.status != "draft"
                    and translation.text.strip()
                ):
                    columns[f"description_{translation.language}"] = translation.text
        for column, text in columns.items():
            setattr(record, column, text)
        changed.append(record)
        current[record.pk] = (record.description, columns)
    model.objects.bulk_update(changed, list(COLUMNS), batch_size=BATCH_SIZE)

    for revision in Revision.objects.filter(content_type=content_type):
        snapshot = dict(revision.snapshot or {})
        if "description" not in snapshot:
            continue
        text = snapshot.pop("description") or ""
        description, columns = current.get(revision.object_id, (None, None))
        if columns is not None and text == description:
            snapshot.update(columns)  # the current state: with its translations
        else:
            snapshot.update(dict.fromkeys(COLUMNS, ""))
            snapshot[f"description_{language_of(revision.object_id)}"] = text
        revision.snapshot = snapshot
        revision.save(update_fields=["snapshot"])

    removed = TextOriginal.objects.filter(content_type=content_type, field="description")
    _forget_references(schema_editor, TextOriginal, list(removed.values_list("pk", flat=True)))
    removed.delete()  # with their translations


def _forget_references(schema_editor, TextOriginal, ids):
    """Rows of apps above that point at the texts removed (a request for a translation) go
    with them, as the cascade would: their models are not this migration's to name
    (decision 0020), so they are found by the database's foreign keys."""
    connection = schema_editor.connection
    target = TextOriginal._meta.db_table
    own = {TextOriginal._meta.get_field("translations").related_model._meta.db_table}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in own:
                continue
            relations = connection.introspection.get_relations(cursor, table)
            for column, relation in relations.items():
                if relation[1] != target:  # (column there, table there, …)
                    continue
                for start in range(0, len(ids), BATCH_SIZE):
                    batch = ids[start : start + BATCH_SIZE]
                    # Names from the database's own catalogue, quoted; the ids are parameters.
                    cursor.execute(
                        "DELETE FROM {} WHERE {} IN ({})".format(  # noqa: S608
                            schema_editor.quote_name(table),
                            schema_editor.quote_name(column),
                            ", ".join(["%s"] * len(batch)),
                        ),
                        batch,
                    )
