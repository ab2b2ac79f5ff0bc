from tests.access import OK, Rule, everyone, staff_only

RULES = {
    # The public search: no login, shows only live public pages.
    "cms_search": Rule(expect=everyone(OK)),
    # The translation status is for people who edit pages (editors, superusers).
    "cms_translation_overview": Rule(expect=staff_only(editor=OK)),
}
