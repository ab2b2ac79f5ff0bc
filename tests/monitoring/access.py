"""Monitoring is the coordinators' alone: every other role gets 404 on every URL, as if
the screens did not exist; anonymous visitors are sent to the login page."""

from tests.access import LOGIN, NOT_FOUND, OK, Rule

COORDINATORS_ONLY = {
    "anonymous": LOGIN,
    "coordinator": OK,
    "trainer": NOT_FOUND,
    "companion": NOT_FOUND,
    "editor": NOT_FOUND,
}


def extend_world(world, users):
    from tests.monitoring.factories import (
        EntryRecordFactory,
        ExitRecordFactory,
        SixMonthFollowUpFactory,
    )

    entry = EntryRecordFactory(participant=world["participant"], recorded_by=users["coordinator"])
    exit_record = ExitRecordFactory(entry=entry)
    world["monitoring_entry"] = entry
    world["monitoring_follow_up"] = SixMonthFollowUpFactory(exit=exit_record)


RULES = {
    "monitoring_report": Rule(expect=COORDINATORS_ONLY),
    "monitoring_export_report_xlsx": Rule(expect=COORDINATORS_ONLY),
    "monitoring_export_report_csv": Rule(expect=COORDINATORS_ONLY),
    "monitoring_export_publication_xlsx": Rule(expect=COORDINATORS_ONLY),
    "monitoring_export_publication_csv": Rule(expect=COORDINATORS_ONLY),
    "monitoring_downloads": Rule(expect=COORDINATORS_ONLY),
    "monitoring_participants": Rule(expect=COORDINATORS_ONLY),
    "monitoring_entry_add": Rule(args=lambda w: [w["participant"].pk], expect=COORDINATORS_ONLY),
    "monitoring_entry": Rule(args=lambda w: [w["monitoring_entry"].pk], expect=COORDINATORS_ONLY),
    "monitoring_exit": Rule(args=lambda w: [w["monitoring_entry"].pk], expect=COORDINATORS_ONLY),
    "monitoring_follow_ups": Rule(expect=COORDINATORS_ONLY),
    "monitoring_follow_up": Rule(
        args=lambda w: [w["monitoring_follow_up"].pk], expect=COORDINATORS_ONLY
    ),
}
