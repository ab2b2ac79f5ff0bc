"""Who reaches the certificate screens. Trainers issue for their own courses and
read those certificates; only coordinators revoke and re-issue; companions and
editors get nothing. Out-of-scope records answer 404."""

from certificates import services
from tests.access import DENIED, NOT_FOUND, OK, Rule, staff_only
from tests.certificates.factories import course_with_exam, fake_rendered, passed_enrolment

_BOTH = staff_only(coordinator=OK, trainer=OK)
_BOTH_OUTSIDE = staff_only(coordinator=OK, trainer=NOT_FOUND)
_COORDINATOR = staff_only(coordinator=OK, trainer=DENIED)


def extend_world(world, users):
    own = course_with_exam(trainers=[users["trainer"]])
    other = course_with_exam()
    coordinator = users["coordinator"]
    world["course"] = own
    world["other_course"] = other
    world["certificate"] = fake_rendered(
        services.issue_certificate(passed_enrolment(own), coordinator)
    )
    world["other_certificate"] = fake_rendered(
        services.issue_certificate(passed_enrolment(other), coordinator)
    )


def _scoped(inside_key, outside_key, inside, outside):
    return {
        "in scope": (lambda w: [w[inside_key].pk], inside),
        "out of scope": (lambda w: [w[outside_key].pk], outside),
    }


def _certificate(inside, outside):
    return Rule(cases=_scoped("certificate", "other_certificate", inside, outside))


def _public():
    return dict.fromkeys(("anonymous", "coordinator", "trainer", "companion", "editor"), OK)


def _public_not_found():
    return dict.fromkeys(("anonymous", "coordinator", "trainer", "companion", "editor"), NOT_FOUND)


RULES = {
    # Public verification: the same for everybody, logged in or not.
    "certificates_verify_form": Rule(expect=_public()),
    "certificates_verify": Rule(
        cases={
            "known token": (lambda w: [w["certificate"].token], _public()),
            "unknown token": (lambda w: ["A" * 32], _public_not_found()),
        }
    ),
    # The list and detail (read only; add/edit/delete are denied to everybody).
    "certificates:index": Rule(expect=_BOTH),
    "certificates:index_results": Rule(expect=_BOTH),
    "certificates:inspect": _certificate(_BOTH, _BOTH_OUTSIDE),
    "certificates:history": _certificate(_BOTH, _BOTH_OUTSIDE),
    "certificates:history_results": _certificate(_BOTH, _BOTH_OUTSIDE),
    "certificates:usage": _certificate(staff_only(), staff_only(trainer=NOT_FOUND)),
    "certificates:add": Rule(expect=staff_only()),
    "certificates:edit": _certificate(staff_only(), staff_only(trainer=NOT_FOUND)),
    "certificates:delete": _certificate(staff_only(), staff_only(trainer=NOT_FOUND)),
    # Task screens.
    "certificates_courses": Rule(expect=_BOTH),
    "certificates_course": Rule(cases=_scoped("course", "other_course", _BOTH, _BOTH_OUTSIDE)),
    # The confirmation before issuing for the whole course (GET; POST issues).
    "certificates_course_issue_all": Rule(
        cases=_scoped("course", "other_course", _BOTH, _BOTH_OUTSIDE)
    ),
    "certificates_download": _certificate(_BOTH, _BOTH_OUTSIDE),
    "certificates_course_pdf": Rule(cases=_scoped("course", "other_course", _BOTH, _BOTH_OUTSIDE)),
    "certificates_revoke": _certificate(_COORDINATOR, staff_only(coordinator=OK)),
    "certificates_reissue": _certificate(_COORDINATOR, staff_only(coordinator=OK)),
    # GET asks for confirmation; the retry itself needs POST.
    "certificates_retry": _certificate(_BOTH, _BOTH_OUTSIDE),
}
