"""One field template for every form (inspir/core/renderers.py, components/field.html)."""

import re
from pathlib import Path

from django import forms
from django.forms import renderers

from inspir.core.renderers import FormRenderer

INSPIR = Path(__file__).resolve().parents[2]


class Sample(forms.Form):
    title = forms.CharField(label="Title", help_text="Short and clear.")
    agreed = forms.BooleanField(label="I agree", required=False)
    languages = forms.MultipleChoiceField(
        label="Languages",
        choices=[("fr", "French"), ("en", "English")],
        widget=forms.CheckboxSelectMultiple,
        help_text="All that apply.",
    )
    token = forms.CharField(widget=forms.HiddenInput)


def test_the_project_renderer_draws_fields_with_the_shared_template(settings):
    assert settings.FORM_RENDERER == "inspir.core.renderers.FormRenderer"
    assert isinstance(renderers.get_default_renderer(), FormRenderer)


def test_a_field_in_error_names_its_help_and_error_for_assistive_technology():
    form = Sample(data={"languages": ["xx"]})
    assert not form.is_valid()
    html = form["title"].as_field_group()
    assert '<label for="id_title">' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_title_helptext id_title_error"' in html
    assert '<div class="helptext" id="id_title_helptext">Short and clear.</div>' in html
    assert '<ul class="errorlist" id="id_title_error">' in html
    assert " required " in html or " required>" in html


def test_choices_are_a_fieldset_and_a_check_box_comes_before_its_label():
    form = Sample(data={"languages": ["xx"]})
    form.is_valid()
    group = form["languages"].as_field_group()
    assert group.startswith('<fieldset class="field" aria-describedby="id_languages_helptext')
    assert "<legend>Languages</legend>" in group
    assert group.rstrip().endswith("</fieldset>")
    box = form["agreed"].as_field_group()
    assert box.index('<input type="checkbox"') < box.index('<label for="id_agreed">')
    assert 'class="field checkbox"' in box


def test_a_hidden_field_has_no_label_and_still_says_its_error():
    form = Sample(data={})
    form.is_valid()
    html = form["token"].as_field_group()
    assert "<label" not in html
    assert '<input type="hidden"' in html
    assert 'role="alert"' in html


HAND_DRAWN = re.compile(r"\.label_tag\b|\.help_text\b|_helptext\b|\bfield\.errors\b")


def test_no_template_draws_a_field_by_hand():
    """Labels, help texts and field errors are drawn by components/field.html only; a form
    whose fields cannot use it says why here."""
    exempt = {
        # One label per agenda item, naming the network and (for screen readers) the item.
        "governance/templates/governance/input_form.html",
    }
    found = []
    for path in sorted(INSPIR.glob("*/templates/**/*.html")):
        relative = path.relative_to(INSPIR).as_posix()
        if relative == "core/templates/components/field.html" or relative in exempt:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HAND_DRAWN.search(line):
                found.append(f"{relative}:{number}")
    assert not found, "Fields drawn by hand (use {{ field.as_field_group }}):\n" + "\n".join(found)
