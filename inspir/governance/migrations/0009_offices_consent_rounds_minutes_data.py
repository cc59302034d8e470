from django.db import migrations


def forward(apps, schema_editor):
    """Existing decisions belong to their meeting's committee and keep their date; positions
    recorded as "disagree" become concerns; chairs' and facilitation seats become offices;
    an agenda published before circulation existed was circulated then too; published
    minutes were approved when they were published."""
    Decision = apps.get_model("governance", "Decision")
    ConsentRecord = apps.get_model("governance", "ConsentRecord")
    SeatRule = apps.get_model("governance", "SeatRule")
    Meeting = apps.get_model("governance", "Meeting")
    for decision in Decision.objects.select_related("meeting"):
        decision.committee_id = decision.meeting.committee_id
        decision.recorded_at = decision.decided_at
        decision.save(update_fields=["committee", "recorded_at"])
    ConsentRecord.objects.filter(position="disagree").update(position="concern")
    SeatRule.objects.filter(role="chair").update(office="chair")
    SeatRule.objects.filter(kind="facilitation").update(office="secretariat")
    for meeting in Meeting.objects.filter(agenda_published_at__isnull=False):
        meeting.agenda_circulated_at = meeting.agenda_published_at
        meeting.save(update_fields=["agenda_circulated_at"])
    for meeting in Meeting.objects.filter(minutes_published_at__isnull=False):
        meeting.minutes_status = "published"
        meeting.minutes_circulated_at = meeting.minutes_published_at
        meeting.minutes_approved_at = meeting.minutes_published_at
        meeting.save(
            update_fields=["minutes_status", "minutes_circulated_at", "minutes_approved_at"]
        )


def backward(apps, schema_editor):
    ConsentRecord = apps.get_model("governance", "ConsentRecord")
    Decision = apps.get_model("governance", "Decision")
    ConsentRecord.objects.filter(position="concern").update(position="disagree")
    # Open rounds and rounds between meetings have no place in the earlier schema.
    Decision.objects.filter(meeting__isnull=True).delete()
    Decision.objects.filter(outcome__in=["", "no_quorum"]).update(outcome="rejected")


class Migration(migrations.Migration):
    dependencies = [("governance", "0008_offices_consent_rounds_minutes")]

    operations = [migrations.RunPython(forward, backward)]
