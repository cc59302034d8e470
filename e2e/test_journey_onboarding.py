"""A new member joins INSP!R Perú, in Spanish: the network coordinator (Brussels) invites her,
she opens the link from the e-mail on a 360 px phone in Lima, creates her account, completes
her profile (her organisation chosen among Perú's members, her time zone suggested from its
country), lands on "Mi trabajo", and the coordinator finds her among the network's people."""

import re

import pytest
from playwright.sync_api import expect

from e2e.test_journeys import COORDINATOR, Person, assert_no_console_errors

pytestmark = pytest.mark.browser

INVITEE = "ana.quispe@example.org"
NAME = "Ana Quispe Mamani"
ORGANISATION = "Sindicato de Trabajadoras del Hogar de Lima (example)"
PASSWORD = "derecho a la protección social"


def test_an_invited_member_completes_her_profile_and_appears_among_her_networks_people(
    browsing, mailbox
):
    # Brussels invites her into INSP!R Perú, the invitation in Spanish.
    helene = Person(browsing, "js", locale="es")
    helene.log_in(COORDINATOR, language="es")
    helene.goto("/es/accounts/invitations/")
    helene.page.fill("input[name=email]", INVITEE)
    helene.page.select_option("select[name=network]", label="INSP!R Perú")
    helene.page.select_option("select[name=language]", "es")
    helene.follow(helene.page.get_by_role("button", name="Enviar la invitación"))
    expect(helene.page.locator(".messages")).to_contain_text(INVITEE)

    # The e-mail arrives in Spanish; she opens its link on her phone.
    [message] = mailbox.to(INVITEE)
    assert "INSP!R Perú" in message["Subject"]
    found = re.search(r"https?://[^/\s]+(/es/accounts/invitation/\S+)", mailbox.body(message))
    assert found, mailbox.body(message)
    ana = Person(browsing, "phone", locale="es-PE")
    ana.goto(found.group(1))
    expect(ana.page.get_by_role("heading", level=1)).to_contain_text("INSP!R Perú")
    ana.page.fill("input[name=first_name]", "Ana")
    ana.page.fill("input[name=last_name]", "Quispe")
    ana.page.fill("input[name=password1]", PASSWORD)
    ana.page.fill("input[name=password2]", PASSWORD)
    ana.follow(ana.page.locator("main form button[type=submit]"))

    # A short profile, straight away: a member needs no second factor.
    expect(ana.page).to_have_url(re.compile(r"/es/accounts/profile/edit/$"))
    expect(ana.page.get_by_role("heading", level=1)).to_have_text("Complete su perfil")
    expect(ana.page.get_by_role("status")).to_contain_text("Bienvenida/o a INSP!R Perú.")
    ana.page.locator("input[name=name]").fill(NAME)
    organisations = ana.page.locator("select[name=organisation] option").all_inner_texts()
    # Perú's members, each with its country, and nothing from another network.
    assert organisations == [
        "Otra organización, o ninguna",
        "Central de Jóvenes Trabajadores de Arequipa (example) — Perú",
        "Centro de Estudios sobre Protección Social de Lima (example) — Perú",
        f"{ORGANISATION} — Perú",
    ]
    ana.page.locator("select[name=organisation]").select_option(label=f"{ORGANISATION} — Perú")
    # The time zone is suggested: Perú's zone comes first, and left as suggested.
    zone = ana.page.locator("select[name=time_zone]")
    expect(zone.locator("option:checked")).to_have_text(
        "Como se sugiere: la zona horaria principal de su país"
    )
    first_group = zone.locator("optgroup").first
    expect(first_group).to_have_attribute("label", re.compile("Perú"))
    expect(first_group.locator("option").first).to_have_attribute("value", "America/Lima")
    ana.page.locator("input[name=languages][value=es]").check()
    ana.page.locator("input[name=languages][value=qu]").check()
    ana.follow(ana.page.get_by_role("button", name="Guardar mi perfil"))

    # The profile's last step: the hours at which she accepts to meet, then "Mi trabajo".
    expect(ana.page).to_have_url(re.compile(r"/es/governance/my-hours/\?then=profile$"))
    expect(ana.page.get_by_role("heading", level=1)).to_have_text(
        "Su horario aceptable para reuniones"
    )
    expect(ana.page.get_by_role("status").first).to_contain_text("Su perfil está guardado.")
    ana.page.get_by_label("Desde", exact=False).first.fill("08:00")
    ana.follow(ana.page.get_by_role("button", name="Guardar"))
    expect(ana.page).to_have_url(re.compile(r"/es/my-work/$"))
    expect(ana.page.get_by_role("heading", level=1)).to_have_text("Mi trabajo")
    expect(ana.link("Indicar mi horario de reuniones")).to_have_count(0)
    # Her profile: the organisation's country and its zone, as suggested.
    ana.goto("/es/accounts/profile/")
    main = ana.page.locator("main")
    expect(main).to_contain_text(NAME)
    expect(main).to_contain_text(ORGANISATION)
    expect(main).to_contain_text("America/Lima")

    # The coordinator finds her among the people of the network, and of her organisation.
    helene.goto("/es/people/")
    expect(helene.page.locator("main")).to_contain_text(NAME)
    helene.goto("/es/organisations/sindicato-de-trabajadoras-del-hogar-de-lima-example/")
    expect(helene.page.locator("main")).to_contain_text(NAME)
    assert_no_console_errors(browsing)
