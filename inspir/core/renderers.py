"""How every form field is drawn: one template for the whole platform.

`settings.FORM_RENDERER` names `FormRenderer`, whose `field_template_name` is
`components/field.html`; templates write `{{ field.as_field_group }}` (or `{{ form }}`), never
a label, widget, help text and errors by hand. Django links the help text and the errors to
the widget (`aria-describedby`) and marks a field in error (`aria-invalid`)."""

from django.forms.renderers import DjangoTemplates


class FormRenderer(DjangoTemplates):
    field_template_name = "components/field.html"
