"""The explorables as a reader uses them: they come alive in place of the build's figure, answer
the keyboard, show backprop's own numbers, stay legible on a phone, and say what they show.
(No request leaves the site: the `context` fixture fails any test that makes one.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from explorables import contour_gradient, neuron, secant
from explorables.backward_pass import trace
from explorables.graph import explore
from explorables.settings import EXPERIMENTS, settings_for
from tests.browser.test_accessibility import add_axe

pytestmark = pytest.mark.browser
PAGES = {
    "secant": "derivatives/",
    "contour-gradient": "partial-derivatives/",
    "gradient-descent": "gradient-descent/",
    "neuron": "forward-propagation/",
    "graph": "chain-rule/",
    "backward-pass": "backpropagation/",
    "playground": "training/",
}
NEW = ["secant", "contour-gradient", "neuron", "backward-pass"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Issue 18: no figure text below 9 CSS px at 390 px wide, nor below 11 px on a desktop column.
SMALLEST_TEXT = {"phone": 9.0, "desktop": 11.0}


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
        "([el, f, s]) => Number(el.dataset.frame) > f && (!s || el.dataset.state === s)",
        arg=[root.element_handle(), after, state],
    )


def serious_violations_in(page, root) -> list[str]:
    add_axe(page)
    return root.evaluate(
        """async (el) => (await axe.run(el, {resultTypes: ['violations']})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => `${v.id}: ${v.nodes.map(n => n.target).join(', ')}`)"""
    )


def smallest_text(root) -> list:
    """The smallest rendered SVG text in the explorable's charts: [text, CSS px], smallest first."""
    return root.evaluate(
        """(el) => [...el.querySelectorAll('svg.bp-chart text')]
             .filter((t) => t.textContent.trim() && t.getClientRects().length)
             .map((t) => {
               const svg = t.ownerSVGElement;
               const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
               return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale];
             })
             .sort((a, b) => a[1] - b[1])"""
    )


# A control of each kind that the keyboard moves, and the keys pressed.
KEYBOARD = {
    "secant": ("Step h", ["ArrowLeft"] * 3),
    "contour-gradient": ("Direction of u (degrees)", ["ArrowRight"] * 5),
    "neuron": ("Weight w₁", ["ArrowRight"] * 4),
    "backward-pass": ("Step forward", ["Enter"]),
}


def assert_legible(root, kind: str, name: str) -> None:
    """No chart text below SMALLEST_TEXT[name], and the figure no wider than its box."""
    sizes = smallest_text(root)
    width = root.evaluate("(el) => [el.scrollWidth, el.clientWidth]")
    assert sizes and sizes[0][1] >= SMALLEST_TEXT[name], f"{kind}, {name}: {sizes[:3]}"
    assert width[0] <= width[1], f"{kind}, {name}: the figure is wider than its box {width}"


@pytest.mark.parametrize("kind", list(PAGES))
def test_each_explorable_comes_alive_in_place_of_its_static_figure(page, site_url, kind):
    """On a desktop: it replaces the build's figure, every control is labelled, axe finds nothing
    serious, its chart text is legible (the graph's picture is backprop.draw's own SVG, laid out
    by issue 18's draw() work) and the keyboard changes what it shows; then its chart text is
    legible on a phone too. One page for all of these: each live explorable starts its own
    Python."""
    page.set_viewport_size(DESKTOP)
    root = live_explorable(page, site_url, kind)
    assert frame(root) >= 1
    assert root.locator("img.bp-explorable__static").is_hidden()
    assert root.locator(".bp-explorable__live").is_visible()
    # Its caption spoke of the build's settings: once live, a live caption takes its place.
    assert root.locator("[data-static-caption]").is_hidden()
    expect(root.locator(".bp-explorable__live-caption")).to_contain_text("Live")
    for control in root.locator("input, select").all():
        label = control.evaluate("el => el.labels && el.labels[0] && el.labels[0].textContent")
        assert label, f"an unlabelled control in {kind}"
    assert not serious_violations_in(page, root)
    if kind != "graph":
        assert_legible(root, kind, "desktop")
    if kind in KEYBOARD:
        control, keys = KEYBOARD[kind]
        before = frame(root)
        target = root.get_by_role("button", name=control, exact=True)
        if not target.count():
            target = root.get_by_label(control, exact=True)
        target.focus()
        for key in keys:
            page.keyboard.press(key)
        wait_for_redraw(page, root, before, state=None)
    if kind != "graph":
        # A chart is an SVG scaled to its column by CSS alone (nothing in runtime/page/explorables
        # reads the window's width), so the phone sees what this page shows at a phone's width.
        page.set_viewport_size(PHONE)
        assert_legible(root, kind, "phone")


@pytest.fixture(scope="module")
def explorable_tab(reader, site_url):
    """`explorable_tab(kind)`: the module's one reader tab with that kind's explorable live. The
    tests of one kind follow each other below, and each goes on from where the one before left
    the explorable: one Python per kind, not one per test (each live page starts its own)."""

    def live(kind):
        if reader.url != site_url + PAGES[kind]:
            return live_explorable(reader, site_url, kind)
        return reader.locator(f'[data-explorable="{kind}"]')

    return live


def test_the_backward_pass_shows_network_backwards_numbers_and_mazurs_at_their_steps(
    explorable_tab,
):
    """Step forward and Step backward by keyboard; every δ and ∂L/∂W shown is Network.backward's
    to the 9 decimals printed; Mazur's ∂L/∂w5, ∂L/∂w1, new w5 and cost appear at their steps."""
    root = explorable_tab("backward-pass")
    page = root.page
    expected = trace(settings_for("backward-pass"))
    readout = root.locator(".bp-explorable__readout")
    forward = root.get_by_role("button", name="Step forward")
    backward = root.get_by_role("button", name="Step backward")

    def press(button):
        before = frame(root)
        button.focus()
        page.keyboard.press("Enter")
        wait_for_redraw(page, root, before, state=None)
        return readout.inner_text()

    hidden, output = expected["layers"]
    assert "0.593269992" in press(forward)  # out_h1, forward layer 1
    assert "0.751365070" in press(forward)  # out_o1
    assert "0.298371109" in press(forward)  # E_total
    expect(backward).to_be_focused()  # the forward pass is done: focus moves on
    for layer in (output, hidden):
        shown = press(backward)  # BP1, then BP2
        assert all(f"{delta:.9f}".replace("-", "−") in shown for delta in layer["delta"][0]), shown
        shown = press(backward)  # BP3, BP4
        for row in layer["dW"]:
            assert all(f"{gradient:.9f}".replace("-", "−") in shown for gradient in row), shown
    assert "0.000438568" in shown  # ∂E/∂w1
    root.get_by_label("Chain rule for").select_option(label="w5, h1 → o1: W[2] row 1, column 1")
    expect(root.locator(".bp-explorable__chain-rule")).to_contain_text(
        "0.593269992 × 0.138498562 = 0.082167041"
    )
    update = root.get_by_role("button", name="Update")
    expect(update).to_be_focused()
    before = frame(root)
    page.keyboard.press("Enter")
    wait_for_redraw(page, root, before)
    shown = readout.inner_text()
    assert "0.358916480" in shown and "0.298371109 → 0.280471447 (fell)" in shown
    weights = root.locator("line.bp-chart__weight").count()
    assert weights == 8


def test_the_backward_pass_takes_other_sizes(explorable_tab):
    root = explorable_tab("backward-pass")
    page = root.page
    before = frame(root)
    root.get_by_label("Hidden layers").select_option("2")
    wait_for_redraw(page, root, before)
    expect(root.get_by_label("Network")).to_have_value("random")
    sizes = [2, 2, 2, 2]
    assert root.locator("line.bp-chart__weight").count() == sum(
        a * b for a, b in zip(sizes, sizes[1:], strict=False)
    )
    expected = trace(settings_for("backward-pass", {"weights": "random", "sizes": sizes}))
    root.get_by_label("Chain rule for").select_option(index=1)
    for _ in range(4):
        root.get_by_role("button", name="Step forward").click()
    for _ in range(6):
        root.get_by_role("button", name="Step backward").click()
    gradient = expected["layers"][0]["dW"][0][0]
    expect(root.locator(".bp-explorable__chain-rule")).to_contain_text(
        f"= {gradient:.9f}".replace("-", "−")
    )


def test_a_learning_rate_above_two_over_lambda_max_diverges_and_says_so(explorable_tab):
    root = explorable_tab("gradient-descent")
    page = root.page
    status = root.locator(".bp-explorable__status")
    assert status.inner_text().startswith("After 40 steps")
    before = frame(root)
    slider = root.get_by_label("Learning rate")
    slider.focus()
    page.keyboard.press("End")  # 10, fifty times the stable limit 2/10 of the valley
    wait_for_redraw(page, root, before)
    assert re.match(r"Diverged after \d+ steps", status.inner_text()), status.inner_text()
    notes = root.locator("svg text.bp-chart__note").all_text_contents()
    assert any(note.startswith("diverged after") for note in notes), notes
    before = frame(root)
    for _ in range(40):  # back down two decades, a twentieth of a decade per key: 0.1
        page.keyboard.press("ArrowLeft")
    assert float(root.locator("output").first.inner_text()) < 0.2
    # Python computes the latest setting only, after any round already under way: until the
    # figure is done at a rate that converges.
    page.wait_for_function(
        "(el) => el.dataset.state === 'done' && el.querySelector('.bp-explorable__status')"
        ".textContent.startsWith('After 40 steps')",
        arg=root.element_handle(),
    )


def test_the_start_moves_by_typing_and_a_run_can_be_pinned(explorable_tab):
    root = explorable_tab("gradient-descent")
    page = root.page
    root.get_by_role("button", name="Pin this run").click()
    assert root.get_by_role("button", name="Unpin the run").get_attribute("aria-pressed") == "true"
    before = frame(root)
    start_x = root.get_by_label("Start x")
    start_x.fill("-2")
    start_x.press("Enter")
    wait_for_redraw(page, root, before)
    assert root.locator("path.bp-chart__pinned").first.get_attribute("d")
    assert "from (-2, 1.8)" in root.locator("svg desc").first.text_content()


def test_switching_the_descent_surface_starts_inside_it(explorable_tab):
    """Issue 21: "two minima" kept a start outside the plot: "Diverged after 3 steps", no path."""
    root = explorable_tab("gradient-descent")
    page = root.page
    before = frame(root)
    root.get_by_label("Surface").select_option("two-minima")
    wait_for_redraw(page, root, before)
    page.wait_for_timeout(300)
    expect(root.get_by_label("Start x")).to_have_value("0.1")
    expect(root.locator(".bp-explorable__status")).to_contain_text("After 40 steps")
    assert root.locator("path.bp-chart__path").first.get_attribute("d")


def test_the_step_through_visits_backwards_order_and_shows_where_each_number_comes_from(
    explorable_tab,
):
    root = explorable_tab("graph")
    page = root.page
    expected = explore(settings_for("graph"))
    explanation = root.locator(".bp-explorable__explanation")
    texts = []
    for number, step in enumerate(expected["steps"], start=1):
        before = frame(root)
        root.get_by_role("button", name="Step backward", exact=True).click()
        wait_for_redraw(page, root, before, state=None)
        texts.append(explanation.inner_text())
        assert texts[-1].startswith(f"Step {number} of {len(expected['steps'])}: the backward "
                                    f"rule of {step['node']}")  # fmt: skip
        for shown in step["inputs"]:
            assert f"to {shown['label']}: local derivative {shown['rule']['formula']}" in texts[-1]
    # tanh(0.5): where its local derivative comes from, and a product that multiplies out.
    assert "local derivative 1 − out², with out = 0.462117, is 0.786448" in texts[0]
    assert "upstream × local = 0.786448 × (−0.5) = −0.393224" in texts[-1]
    assert root.locator(".bp-explorable__status").inner_text().startswith("The last step")


def test_the_graph_takes_a_new_expression_and_explains_bad_input(explorable_tab):
    root = explorable_tab("graph")
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
    expect(root.locator(".bp-explorable__explanation")).to_contain_text("∂out/∂w = 2")
    status = root.locator(".bp-explorable__status")
    expect(status).to_contain_text("out = ")
    box.fill("2*3")  # numbers alone make no graph: the reader is told to use a leaf
    box.press("Enter")
    expect(error).to_contain_text("use at least one leaf")
    expect(status).not_to_contain_text("out = ")  # no stale value under the error


def test_the_graph_shows_the_sum_a_reused_value_receives(explorable_tab):
    root = explorable_tab("graph")
    box = root.get_by_role("textbox", name="Expression")
    box.fill("w * x + w")
    box.press("Enter")
    expect(root.get_by_label("Value of x")).to_be_visible()
    root.get_by_label("Value of x").fill("-3")
    root.get_by_label("Value of x").press("Enter")
    expect(root.locator(".bp-explorable__explanation")).to_contain_text("∂out/∂w = −2")
    for _ in range(2):
        root.get_by_role("button", name="Step backward", exact=True).click()
    expect(root.locator(".bp-explorable__explanation")).to_contain_text(
        "its grad is now 1 + (−3) = −2"
    )


def test_an_overflowing_expression_is_shown_as_infinity(explorable_tab):
    """Issue 23 §2: `a * 1e308 * 10` answered Infinity, which is not JSON, and broke the page."""
    root = explorable_tab("graph")
    box = root.get_by_role("textbox", name="Expression")
    box.fill("a * 1e308 * 10")
    box.press("Enter")
    expect(root.locator(".bp-explorable__status")).to_have_text("out = ∞")


def test_the_secant_shows_backprops_slopes_and_when_rounding_takes_over(page, site_url):
    root = live_explorable(page, site_url, "secant")
    expected = secant.explore(settings_for("secant"))
    readout = root.locator(".bp-explorable__readout")
    expect(readout).to_contain_text(f"(f(x + h) − f(x))/h = {expected['secant']:g}")
    expect(readout).to_contain_text("f′(3) = 6")
    slider = root.get_by_label("Step h")
    slider.focus()
    before = frame(root)
    for _ in range(130):  # 13 decades down: h = 5e-14
        page.keyboard.press("ArrowLeft")
    wait_for_redraw(page, root, before)
    page.wait_for_timeout(500)
    expect(root.locator(".bp-explorable__status")).to_contain_text("rounding error takes over")


def test_the_contour_map_shows_the_gradient_and_the_slope_along_u(page, site_url):
    root = live_explorable(page, site_url, "contour-gradient")
    expected = contour_gradient.explore(settings_for("contour-gradient"))
    readout = root.locator(".bp-explorable__readout")
    expect(readout).to_contain_text(f"‖∇f‖ = {expected['length']:.4g}")
    expect(readout).to_contain_text(f"φ = {expected['phi']:.1f}°")
    point_x = root.get_by_label("Point x")
    point_x.fill("1")
    before = frame(root)
    point_x.press("Enter")
    wait_for_redraw(page, root, before)
    moved = contour_gradient.explore(settings_for("contour-gradient", {"point": [1.0, -1.2]}))
    expect(readout).to_contain_text(f"measured along u with backprop.derivative: "
                                    f"{moved['measured']:.4g}".replace("-", "−"))  # fmt: skip


def test_the_neuron_is_the_chapters_and_becomes_a_layer(page, site_url):
    root = live_explorable(page, site_url, "neuron")
    readout = root.locator(".bp-explorable__readout")
    expect(readout).to_contain_text("z = 0.4·2 + (−0.3)·3 + 0.5 = 0.4, a = σ(0.4) = 0.5987")
    units = root.get_by_label("Units", exact=True)
    units.focus()
    before = frame(root)
    page.keyboard.press("End")
    wait_for_redraw(page, root, before)
    expected = neuron.explore(settings_for("neuron", {"units": 3}))
    for value in expected["a"]:
        expect(readout).to_contain_text(f"{value:.4g}")
    assert root.locator("[marker-end]").count() == 3, "one arrow per unit's line"


def test_the_playground_trains_the_moons_stops_mid_run_and_continues(page, site_url):
    root = live_explorable(page, site_url, "playground")
    status = root.locator(".bp-explorable__status")
    train = root.locator("button", has_text=re.compile("^(Train|Continue|Restart)$"))
    expect(train).to_have_text("Train")
    train.click()
    expect(root).to_have_attribute("data-state", "done")
    held_out = float(re.search(r"held-out accuracy ([\d.]+)%", status.inner_text()).group(1))
    assert held_out >= 95.0, status.inner_text()
    expect(train).to_have_text("Restart")
    assert root.locator("path.bp-chart__layer").count() == 3, "one gradient line per layer"
    expect(root.locator(".bp-explorable__what-happened")).to_contain_text("It learned")
    root.get_by_role("button", name="Reset", exact=True).click()
    expect(status).to_contain_text("Epoch 0 of 100")
    expect(root).to_have_attribute("data-state", "ready")
    train.click()
    page.wait_for_function("(el) => el.dataset.state === 'running' && Number(el.dataset.frame) > 3",
                           arg=root.element_handle())  # fmt: skip
    root.get_by_role("button", name="Stop", exact=True).click()  # how fast: bench/browser
    expect(root).to_have_attribute("data-state", "stopped")
    epoch = int(re.search(r"Epoch (\d+) of 100", status.inner_text()).group(1))
    assert 0 < epoch < 100, status.inner_text()
    expect(train).to_have_text("Continue")
    assert root.locator("path.bp-chart__path").first.get_attribute("d"), "the curve so far stays"


def test_leaving_the_page_pauses_the_playground(page, site_url):
    """Issue 23 §7: training went on in the worker after the reader left the page."""
    root = live_explorable(page, site_url, "playground")
    epochs = root.get_by_label("Epochs")
    epochs.fill("1000")
    epochs.press("Tab")
    expect(root.locator(".bp-explorable__status")).to_contain_text("Epoch 0 of 1000")
    page.evaluate("""() => { const runtime = window.__backpropRuntime; runtime.explored = 0;
        const explore = runtime.explore.bind(runtime);
        runtime.explore = (request) => { runtime.explored += 1; return explore(request); }; }""")
    root.get_by_role("button", name="Train", exact=True).click()
    page.wait_for_function("(el) => el.dataset.state === 'running' && Number(el.dataset.frame) > 2",
                           arg=root.element_handle())  # fmt: skip
    page.locator("a.md-footer__link--next").click()  # instant navigation: the same window
    page.wait_for_function("() => !document.querySelector('[data-explorable=\"playground\"]')")
    left = page.evaluate("window.__backpropRuntime.explored")
    page.wait_for_timeout(1_500)
    # At most the request already under way when the figure left the document.
    assert page.evaluate("window.__backpropRuntime.explored") <= left + 1


def test_train_waits_for_python_and_an_experiment_is_one_click(page, site_url):
    page.goto(site_url + PAGES["playground"])
    root = page.locator('[data-explorable="playground"]')
    root.scroll_into_view_if_needed()
    train = root.get_by_role("button", name="Train", exact=True)
    # Its code loads on first interest; then, while Python starts, Train is disabled (it was
    # silently ignored), and the status says why.
    expect(train).to_be_disabled(timeout=60_000)
    expect(root.locator(".bp-explorable__status")).to_have_text("Starting Python…")
    expect(root).to_have_attribute("data-state", "ready", timeout=120_000)
    expect(train).to_be_enabled()
    root.get_by_role("button", name=EXPERIMENTS[0]["label"]).click()
    expect(root.get_by_label("Activation")).to_have_value("sigmoid")
    expect(root.get_by_label("Hidden layers")).to_have_value("4")
    expect(root).to_have_attribute("data-state", "done", timeout=180_000)
    happened = root.locator(".bp-explorable__what-happened")
    expect(happened).to_contain_text("near chance")
    expect(happened.get_by_role("link", name="What goes wrong")).to_have_attribute(
        "href", "#vanishing-gradients"
    )
    assert page.locator("#vanishing-gradients").count() == 1
    held_out = root.locator("path.bp-chart__held-out").first
    assert held_out.evaluate("(el) => getComputedStyle(el).stroke") != root.locator(
        "path.bp-chart__path"
    ).first.evaluate("(el) => getComputedStyle(el).stroke"), "the two loss curves differ in colour"
