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


def wait_until_autosaved(page):
    """Pause, as an editor does, until no draft save is pending or on its way (two seconds).

    Wagtail notices a change within a second and saves the draft half a second later. A
    save still on its way when "Veröffentlichen" is pressed is answered after the
    publication and (Wagtail 8.0's edit view saves the page as it loaded it) writes the page
    back as not live: seen once in CI, when the test published right after its last
    keystroke. Changes made in the first two seconds after the page loaded count as the
    form's initial state and are not autosaved at all, hence "not saving" rather than
    "saved"."""
    page.evaluate("() => { window.mfsQuietSince = null; }")
    page.wait_for_function(
        """() => {
            const indicator = document.querySelector('#w-autosave-indicator');
            const state = indicator && indicator.getAttribute('data-w-autosave-state-value');
            if (state === 'saving') { window.mfsQuietSince = null; return false; }
            window.mfsQuietSince = window.mfsQuietSince || Date.now();
            return Date.now() - window.mfsQuietSince > 2000;
        }"""
    )
