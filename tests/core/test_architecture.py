"""No rule decided twice: each rule's tell-tale code may appear only in its one home.

A grep over the project's source and templates (not tests, migrations or benchmarks).
Each rule names the expressions that *decide* it and the files allowed to contain
them; anything else fails with the file and line, so a second copy of a rule cannot
slip in unnoticed. A few places hold such an expression for another reason: they are
listed with how often and why, and an entry that no longer matches fails too, so the
list cannot rot. The README's checklist ("One home for every rule") points here.

Adding a rule: a regular expression for the computation (not for mere display of its
result), the home(s), and run this test to see every other place that decides it.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "config",
    "core",
    "housing",
    "courses",
    "certificates",
    "cms",
    "monitoring",
    "placement",
    "privacy",
    "templates",
)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    homes: tuple[str, ...]
    # {path: (number of matches, why they are not a second copy of the rule)}
    elsewhere: dict[str, tuple[int, str]] = field(default_factory=dict)
    suffixes: tuple[str, ...] = (".py",)
    # False when the home decides the rule in another form than the copies look like.
    home_matches: bool = True


RULES = [
    Rule(
        "exam admission and the attendance figure",
        # The minimum compared or multiplied, attendance turned into a share, or the
        # sessions summed up by hand.
        r"min_attendance_percent\"?\)?\s*[*<>]|F\(\"course__min_attendance_percent\"\)"
        r"|sessions_attended\"?\)?\s*\*\s*100|sum\(\s*\w+\.sessions_(?:held|attended)"
        r"|AdmissionState\.\w+\s+if\b",
        homes=("courses/models.py", "courses/models/*.py"),
    ),
    Rule(
        "which certificates are valid, held or revoked",
        r"(?:filter|exclude|Q)\([^)]*status(?:__in)?\s*=\s*[^)]*CertificateStatus\.(?:ISSUED|REVOKED)",
        homes=("certificates/models.py", "certificates/services.py", "certificates/tasks.py"),
        elsewhere={
            "certificates/demo.py": (1, "the demo revokes one certificate once (idempotence)"),
        },
    ),
    Rule(
        "overdue follow-ups",
        r"due_on__lte?\b|due_on\s*[<>]",
        homes=("housing/models/visits.py", "monitoring/models.py"),
        elsewhere={
            "monitoring/demo.py": (1, "the demo answers the follow-ups already due"),
        },
    ),
    Rule(
        "consent in force",
        r"consents__status|consent_status\s*=|(?:filter|exclude|Q)\([^)]*status\s*=\s*ConsentStatus",
        homes=("housing/models/people.py",),
    ),
    Rule(
        "who can be named a Klartext companion",
        r"groups__name\s*=\s*Role\.COMPANION|has_role\(\s*(?:c|companion)\b",
        homes=("housing/models/people.py",),
    ),
    Rule(
        "an agreement in force (the landlord cooperates)",
        r"signed_on__isnull=False",
        homes=("housing/models/landlords.py",),
    ),
    Rule(
        "permission, then scope (403, then 404)",
        # A hand-written permission gate, or a record looked up in scope by hand.
        r"raise[^\n]*\bPermissionDenied\b"
        r"|if not [\w.]+\.has_perm\([^)]*\):\s*\n\s*raise (?:PermissionDenied|Http404)\b"
        r"|get_object_or_404\(\s*\w+\.objects\.visible_to",
        homes=("core/permissions.py",),
        elsewhere={
            "core/account_views.py": (2, "one's own account and 2FA resets, not programme records"),
            "cms/admin_views.py": (1, "Wagtail's page permissions; pages have no visible_to"),
            "certificates/admin_views.py": (
                1,
                "after permission and scope: revoking is the service's can_revoke decision",
            ),
            "courses/admin_views/enrolment.py": (
                1,
                "after permission and scope: the service's can_override_admission decision",
            ),
        },
    ),
    Rule(
        "a refused service call becomes a form error",
        r"except\s+[\w.]*Error\s+as\s+\w+:\s*\n(?:[^\n]*\n)?\s*form\.add_error\(",
        homes=("core/forms.py",),
        home_matches=False,  # core.forms.add_domain_error, used by call_service
    ),
    Rule(
        "templates display states; they compare no rule's numbers or dates",
        r"\{%\s*(?:el)?if\b[^%]*(?:<|>|==|!=)[^%]*"
        r"(?:percent|min_attendance|sessions_|due_on|valid_until|today|points|pass_mark)",
        homes=(),
        suffixes=(".html", ".txt"),
    ),
]


def _sources(suffixes):
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            if path.suffix in suffixes and "/migrations/" not in relative:
                yield relative, path.read_text(encoding="utf-8")


def _is_home(path, homes):
    return any(Path(path).match(home) for home in homes)


def _matches(rule):
    found = {}
    for path, text in _sources(rule.suffixes):
        if _is_home(path, rule.homes):
            continue
        for match in re.finditer(rule.pattern, text):
            line = text.count("\n", 0, match.start()) + 1
            found.setdefault(path, []).append(f"{path}:{line}: {match.group(0).strip()}")
    return found


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_no_rule_is_decided_outside_its_home(rule):
    found = _matches(rule)
    problems = []
    for path, hits in found.items():
        allowed = rule.elsewhere.get(path)
        if allowed is None or allowed[0] != len(hits):
            problems.extend(hits)
    stale = [
        f"{path}: listed with {count} match(es), found {len(found.get(path, []))}"
        for path, (count, _why) in rule.elsewhere.items()
        if len(found.get(path, [])) != count
    ]
    assert not problems, (
        f"'{rule.name}' is decided outside {rule.homes or 'the querysets'}:\n" + "\n".join(problems)
    )
    assert not stale, "update the rule's list of other places:\n" + "\n".join(stale)


def test_every_rule_finds_its_home():
    """A pattern that matches nothing at home has drifted from the code it guards."""
    for rule in RULES:
        if not rule.homes or not rule.home_matches:
            continue
        at_home = [
            path
            for path, text in _sources(rule.suffixes)
            if _is_home(path, rule.homes) and re.search(rule.pattern, text)
        ]
        assert at_home, f"'{rule.name}': no match in its home {rule.homes}"


def test_the_checks_catch_a_second_copy(tmp_path, monkeypatch):
    """The patterns are not vacuous: typical second copies of each rule are caught."""
    copies = {
        "exam admission and the attendance figure": (
            "rate = round(e.sessions_attended * 100 / e.sessions_held)\n"
        ),
        "which certificates are valid, held or revoked": (
            "Certificate.objects.filter(status=CertificateStatus.ISSUED)\n"
        ),
        "overdue follow-ups": "late = follow_up.due_on < today\n",
        "consent in force": "Participant.objects.filter(consents__status='given')\n",
        "who can be named a Klartext companion": (
            "User.objects.filter(groups__name=Role.COMPANION, is_active=True)\n"
        ),
        "an agreement in force (the landlord cooperates)": (
            "CooperationAgreement.objects.filter(signed_on__isnull=False)\n"
        ),
        "permission, then scope (403, then 404)": (
            "if not request.user.has_perm('x.y'):\n    raise PermissionDenied\n"
        ),
        "a refused service call becomes a form error": (
            "try:\n    f()\nexcept services.HousingError as error:\n"
            "    form.add_error(None, error.message)\n"
        ),
        "templates display states; they compare no rule's numbers or dates": (
            "{% if e.attendance_percent < course.min_attendance_percent %}x{% endif %}\n"
        ),
    }
    assert set(copies) == {rule.name for rule in RULES}
    for rule in RULES:
        assert re.search(rule.pattern, copies[rule.name]), rule.name
