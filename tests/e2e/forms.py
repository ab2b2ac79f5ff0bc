"""What browser walks do on the admin's forms the way a person does."""

import contextlib

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect


def pick_date(page, field_name, value):
    """Type the date and leave the field, which closes Wagtail's date picker.

    The picker opens a moment after the field gets focus and stays open on Escape; left
    open, the calendar can lie over the next button (a save that then timed out). It
    closes when the field loses focus, as when a person goes on to the next field.
    """
    field = page.locator(f"#id_{field_name}")
    field.fill(value)
    picker = page.locator(".xdsoft_datetimepicker:visible")
    with contextlib.suppress(PlaywrightTimeoutError):
        picker.first.wait_for(state="visible", timeout=2_000)
    field.blur()
    expect(picker).to_have_count(0)
