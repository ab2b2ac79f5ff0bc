"""The report as files: the funder's CSV (the ``esf_report`` contract), the XLSX workbook,
and the "für Veröffentlichungen" tables with small numbers suppressed.

No export ever holds a row per person: only counts.

Every text cell that could start a spreadsheet formula (``= + - @``, tab, carriage return)
is prefixed with an apostrophe (``core.exports.neutralise``, the rule every admin export
follows). Our cells are codes, labels and numbers, but a district name is typed by staff.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.exports import neutralise
from monitoring import suppression
from monitoring.indicators import GROUP_LABELS, LONGER_TERM, OUTPUT, RESULT

CSV_HEADER = ["indicator", "women", "men", "non_binary", "total"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def esf_csv(rows) -> str:
    """The contract: header ``indicator,women,men,non_binary,total``, one row per code."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow([row.code, *row.values()])
    return out.getvalue()


def _columns():
    return [_("Code"), _("Indicator"), _("Women"), _("Men"), _("Non-binary"), _("Total")]


def _period_lines(report, user) -> list[tuple[str, str]]:
    period = report.period
    return [
        (_("Period"), f"{period.start:%d.%m.%Y} – {period.end:%d.%m.%Y}"),
        (_("District"), period.district_name or _("all districts")),
        (_("Created"), f"{timezone.localtime():%d.%m.%Y %H:%M}"),
        (_("Created by"), user.get_full_name() or user.get_username()),
    ]


def _sheet(workbook, title, header, rows, widths):
    sheet = workbook.create_sheet(title[:31])
    sheet.append([neutralise(cell) for cell in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise(cell) for cell in row])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    return sheet


SHEET_TITLES = {
    OUTPUT: "Outputs (EECO)",
    RESULT: "Ergebnisse (EECR01-04)",
    LONGER_TERM: "Nach 6 Monaten (EECR05-06)",
}


def report_xlsx(report, user) -> bytes:
    """One sheet per group (German labels and the codes), programme figures, chart data."""
    workbook = Workbook()
    about = workbook.active
    about.title = _("Overview")[:31]
    about.append([_("ESF Plus monitoring report")])
    about["A1"].font = Font(bold=True, size=14)
    for label, value in _period_lines(report, user):
        about.append([neutralise(label), neutralise(value)])
    about.append([])
    about.append([_("Participants with incomplete entry data count only in EECO01 (total).")])
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 40
    for group in (OUTPUT, RESULT, LONGER_TERM):
        sheet = _sheet(
            workbook,
            SHEET_TITLES[group],
            _columns(),
            [[row.code, row.label, *row.values()] for row in report.group(group)],
            [10, 60, 10, 10, 12, 10],
        )
        sheet.insert_rows(1)
        sheet["A1"] = str(GROUP_LABELS[group])
        sheet["A1"].font = Font(bold=True)
        sheet.freeze_panes = "A3"
    _sheet(
        workbook,
        _("Programme figures"),
        [_("Figure"), _("Value"), _("Unit"), _("Details"), _("Definition")],
        [
            [str(c.figure.label), c.value.number, c.figure.unit, c.value.text, c.figure.definition]
            for c in report.figures
        ],
        [44, 10, 6, 30, 80],
    )
    series = [(_("Entries"), m, n) for m, n in report.entries_per_month]
    series += [(_("Exits"), m, n) for m, n in report.exits_per_month]
    _sheet(
        workbook,
        _("Per month"),
        [_("Series"), _("Month"), _("Count")],
        [[label, f"{month:%m/%Y}", n] for label, month, n in series],
        [12, 10, 10],
    )
    _sheet(
        workbook,
        _("Certificates per quarter"),
        [_("Quarter"), _("Certificates issued")],
        [[quarter, n] for quarter, n in report.certificates_per_quarter],
        [12, 20],
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- "für Veröffentlichungen" -------------------------------------------------------------------

COLUMNS = ("women", "men", "non_binary", "total")
STATUS_PARTITION = ("EECO02", "EECO04", "EECO05")  # each complete record in exactly one
EDUCATION_PARTITION = ("EECO09", "EECO10", "EECO11")


def publication_cells(rows):
    """The table as cells, its relations and its unpublished slack cells."""
    values = {}
    for row in rows:
        for column, value in zip(COLUMNS, row.values(), strict=True):
            values[(row.code, column)] = value
    codes = {row.code for row in rows}
    relations = []
    slack = []
    for row in rows:
        parts = [(row.code, c) for c in COLUMNS[:3]]
        if row.code == "EECO01":
            # People whose gender is not recorded count in EECO01's total only.
            unknown = ("EECO01", "unknown_gender")
            values[unknown] = row.total - row.women - row.men - row.non_binary
            slack.append(unknown)
            parts.append(unknown)
        relations.append(suppression.Relation.total((row.code, "total"), parts))
    if set(STATUS_PARTITION + EDUCATION_PARTITION) <= codes:
        for column in COLUMNS:
            # Both groups add up to the participants with complete entry data.
            relations.append(
                suppression.Relation(
                    tuple(((code, column), 1) for code in STATUS_PARTITION)
                    + tuple(((code, column), -1) for code in EDUCATION_PARTITION)
                )
            )
            # EECO01 holds at least as many: complete plus incomplete records.
            rest = ("EECO01", f"incomplete_{column}")
            values[rest] = values[("EECO01", column)] - sum(
                values[(code, column)] for code in STATUS_PARTITION
            )
            slack.append(rest)
            relations.append(
                suppression.Relation.total(
                    ("EECO01", column), [*((code, column) for code in STATUS_PARTITION), rest]
                )
            )
            # Long-term unemployed are some of the unemployed.
            short = ("EECO02", f"short_term_{column}")
            values[short] = values[("EECO02", column)] - values[("EECO03", column)]
            slack.append(short)
            relations.append(
                suppression.Relation.total(("EECO02", column), [("EECO03", column), short])
            )
    return values, relations, slack


def publication_table(rows) -> list[list]:
    """[code, label, women, men, non_binary, total] with "<5" and "x" where hidden."""
    values, relations, slack = publication_cells(rows)
    hidden = suppression.suppress(values, relations, slack)
    table = []
    for row in rows:
        cells = []
        for column in COLUMNS:
            cells.append(hidden.get((row.code, column), values[(row.code, column)]))
        table.append([row.code, row.label, *cells])
    return table


def _legend() -> list[str]:
    return [
        _("<5: a number from 1 to 4, not shown to protect the people counted."),
        _("x: not shown, so that no number below 5 can be worked out from the totals."),
    ]


def publication_csv(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for code, _label, *cells in publication_table(rows):
        writer.writerow([code, *cells])
    return out.getvalue()


def publication_xlsx(report, user) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("For publication")[:31]
    sheet.append([_("ESF Plus monitoring – for publication")])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in _period_lines(report, user)[:2]:
        sheet.append([neutralise(label), neutralise(value)])
    for line in _legend():
        sheet.append([line])
    sheet.append([])
    sheet.append(_columns())
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in publication_table(report.rows):
        sheet.append([neutralise(cell) for cell in row])
    for index, width in enumerate([10, 60, 10, 10, 12, 10], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
