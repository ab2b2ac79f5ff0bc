from tests.access import OK, Rule, everyone

RULES = {
    "health": Rule(expect=everyone(OK)),
}
