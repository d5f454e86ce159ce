"""The explorables as a reader uses them: they come alive, answer the keyboard, compute with
backprop in the page's Python, and say what they show."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from explorables.graph import explore
from explorables.settings import settings_for
from tests.browser.test_accessibility import serious_violations

pytestmark = pytest.mark.browser
PAGES = {"gradient-descent": "gradient-descent/", "graph": "chain-rule/", "playground": "training/"}


def live_explorable(page, site_url, kind):
    page.goto(site_url + PAGES[kind])
    root = page.locator(f'[data-explorable="{kind}"]')
    assert root.get_attribute("data-state") == "static"
    assert root.locator("img.bp-explorable__static").is_visible(), "the build's figure first"
    root.scroll_into_view_if_needed()
    expect(root).to_have_attribute("data-state", "ready")
    return root


def frame(root) -> int:
    return int(root.get_attribute("data-frame"))


def wait_for_redraw(page, root, after: int, state="done"):
    page.wait_for_function(
        "([el, f, s]) => Number(el.dataset.frame) > f && el.dataset.state === s",
        arg=[root.element_handle(), after, state],
    )


@pytest.mark.parametrize("kind", list(PAGES))
def test_each_explorable_comes_alive_in_place_of_its_static_figure(page, site_url, kind):
    root = live_explorable(page, site_url, kind)
    assert frame(root) >= 1
    assert root.locator("img.bp-explorable__static").is_hidden()
    assert root.locator(".bp-explorable__live").is_visible()
    for control in root.locator("input, select").all():
        label = control.evaluate("el => el.labels && el.labels[0] && el.labels[0].textContent")
        assert label, f"an unlabelled control in {kind}"
    assert not serious_violations(page)


def test_a_learning_rate_above_two_over_lambda_max_diverges_and_says_so(page, site_url):
    root = live_explorable(page, site_url, "gradient-descent")
    status = root.locator(".bp-explorable__status")
    assert status.inner_text().startswith("After 40 steps")
    before = frame(root)
    slider = root.get_by_label("Learning rate")
    slider.focus()
    page.keyboard.press("End")  # 1.0, five times the stable limit 2/10 of the valley
    wait_for_redraw(page, root, before)
    assert re.match(r"Diverged after \d+ steps", status.inner_text()), status.inner_text()
    notes = root.locator("svg text.bp-chart__note").all_text_contents()
    assert any(note.startswith("diverged after") for note in notes), notes
    before = frame(root)
    for _ in range(90):  # back down, one keyboard step (a hundredth of a decade) at a time
        page.keyboard.press("ArrowLeft")
    assert float(root.locator("output").first.inner_text()) < 0.2
    # Python computes the latest setting only, after any round already under way: until the
    # figure is done at a rate that converges.
    page.wait_for_function(
        "(el) => el.dataset.state === 'done' && el.querySelector('.bp-explorable__status')"
        ".textContent.startsWith('After 40 steps')",
        arg=root.element_handle(),
    )


def test_the_start_moves_by_typing_and_a_run_can_be_pinned(page, site_url):
    root = live_explorable(page, site_url, "gradient-descent")
    root.get_by_role("button", name="Pin this run").click()
    assert root.get_by_role("button", name="Unpin the run").get_attribute("aria-pressed") == "true"
    before = frame(root)
    start_x = root.get_by_label("Start x")
    start_x.fill("-2")
    start_x.press("Enter")
    wait_for_redraw(page, root, before)
    assert root.locator("path.bp-chart__pinned").first.get_attribute("d")
    assert "from (-2, 1.8)" in root.locator("svg desc").first.text_content()


def test_the_step_through_visits_backwards_order_with_backwards_gradients(page, site_url):
    root = live_explorable(page, site_url, "graph")
    expected = explore(settings_for("graph"))
    explanation = root.locator(".bp-explorable__explanation")
    for number, step in enumerate(expected["steps"], start=1):
        before = frame(root)
        root.get_by_role("button", name="Step", exact=True).click()
        page.wait_for_function("([el, f]) => Number(el.dataset.frame) > f",
                               arg=[root.element_handle(), before])  # fmt: skip
        text = explanation.inner_text()
        assert text.startswith(f"Step {number} of {len(expected['steps'])}: the backward rule "
                               f"of {step['node']}")  # fmt: skip
        for shown in step["inputs"]:
            assert f"to {shown['label']}: " in text and f"{shown['adds']:.4f}" in text
    assert root.locator(".bp-explorable__status").inner_text().startswith("The last step")


def test_the_graph_takes_a_new_expression_and_explains_bad_input(page, site_url):
    root = live_explorable(page, site_url, "graph")
    box = root.get_by_role("textbox", name="Expression")
    box.fill("(a * b +")
    box.press("Enter")
    error = root.locator(".bp-explorable__error")
    expect(error).to_contain_text("This is not a Python expression")
    box.fill("w * x + w")
    box.press("Enter")
    expect(root.get_by_label("Value of w")).to_be_visible()
    expect(root.get_by_label("Value of x")).to_be_visible()
    expect(error).to_be_hidden()
    expect(root.locator(".bp-explorable__explanation")).to_contain_text("∂out/∂w = 2.0000")


def test_the_playground_trains_the_moons_stops_mid_run_and_resets(page, site_url):
    root = live_explorable(page, site_url, "playground")
    status = root.locator(".bp-explorable__status")
    root.get_by_role("button", name="Train", exact=True).click()
    expect(root).to_have_attribute("data-state", "done")
    held_out = float(re.search(r"held-out accuracy ([\d.]+)%", status.inner_text()).group(1))
    assert held_out >= 95.0, status.inner_text()
    root.get_by_role("button", name="Reset", exact=True).click()
    expect(status).to_contain_text("Epoch 0 of 100")
    expect(root).to_have_attribute("data-state", "ready")
    root.get_by_role("button", name="Train", exact=True).click()
    page.wait_for_function("(el) => el.dataset.state === 'running' && Number(el.dataset.frame) > 3",
                           arg=root.element_handle())  # fmt: skip
    root.get_by_role("button", name="Stop", exact=True).click()  # how fast: bench/browser
    expect(root).to_have_attribute("data-state", "stopped")
    epoch = int(re.search(r"Epoch (\d+) of 100", status.inner_text()).group(1))
    assert 0 < epoch < 100, status.inner_text()
    assert root.locator("path.bp-chart__path").first.get_attribute("d"), "the curve so far stays"
