"""A figure shown smaller than it was drawn opens full size: on a tap or with the keyboard, in a
dialog that zooms, and closes with its button or Esc, giving focus back."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
SHRUNK = "img.bp-output__image[data-zoomable]"


def test_a_shrunk_figure_opens_full_size_and_closes(chromium, site_url):
    context = chromium.new_context(viewport=PHONE, service_workers="block", has_touch=True)
    page = context.new_page()
    page.goto(site_url + "gradient-descent/")
    figure = page.locator(SHRUNK).first
    figure.scroll_into_view_if_needed()
    shown = figure.bounding_box()["width"]
    assert figure.get_attribute("role") == "button" and figure.get_attribute("tabindex") == "0"

    figure.tap()
    dialog = page.get_by_role("dialog", name="Figure, full size")
    dialog.wait_for()
    full = dialog.locator("img")
    full.evaluate("img => img.decode()")
    opened = full.bounding_box()["width"]
    assert opened > shown * 1.2, f"shown {shown:.0f} px, opened at {opened:.0f} px"
    dialog.get_by_role("button", name="Zoom in").click()
    assert full.bounding_box()["width"] > opened * 1.4
    dialog.get_by_role("button", name="Close").click()
    assert dialog.is_hidden()

    figure.focus()
    page.keyboard.press("Enter")
    dialog.wait_for()
    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    assert page.evaluate("document.activeElement.matches('img.bp-output__image')")
    context.close()


def test_a_figure_that_fits_is_left_alone(chromium, site_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    page.goto(site_url + "derivatives/")
    page.wait_for_load_state("load")
    figure = page.locator("img.bp-output__image").first
    figure.scroll_into_view_if_needed()
    page.wait_for_timeout(100)
    assert figure.get_attribute("tabindex") is None, "a figure at full size is not a button"
    context.close()
