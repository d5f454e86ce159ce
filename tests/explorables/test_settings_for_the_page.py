"""Settings in one place: the page's controls take their ranges from explorables.settings, through
the JSON the runtime step writes into the bundle."""

from __future__ import annotations

import json

from bookbuild.site.assets.runtime_bundle import EXPLORABLE_SETTINGS, write_explorable_settings
from explorables.settings import EXPERIMENTS, SETTINGS, for_the_page, settings_for


def test_every_setting_reaches_the_page_with_its_default_and_range():
    page = for_the_page()["kinds"]
    assert set(page) == set(SETTINGS)
    for kind, known in SETTINGS.items():
        for name, (default, check) in known.items():
            assert page[kind][name]["default"] == default
            assert {key: page[kind][name][key] for key in check.describe()} == check.describe()


def test_the_gradient_descent_ranges_are_pythons():
    """Issue 21: the controls allowed 0.001–1 and 200 steps while Python allowed 1e-4–10 and 500."""
    rate = for_the_page()["kinds"]["gradient-descent"]["learning_rate"]
    steps = for_the_page()["kinds"]["gradient-descent"]["steps"]
    assert (rate["min"], rate["max"], rate["log"]) == (1e-4, 10.0, True)
    assert (steps["min"], steps["max"], steps["whole"]) == (1, 500, True)


def test_each_surfaces_start_lies_inside_its_window_and_is_valid():
    from explorables.contour_gradient import SURFACES as CONTOURS
    from explorables.gradient_descent import SURFACES as DESCENTS

    for kind, surfaces, name in (
        ("gradient-descent", DESCENTS, "start"),
        ("contour-gradient", CONTOURS, "point"),
    ):
        for surface, (x, y) in for_the_page()["starts"][kind].items():
            window = surfaces[surface]()
            assert window.x_range[0] < x < window.x_range[1], (kind, surface)
            assert window.y_range[0] < y < window.y_range[1], (kind, surface)
            settings_for(kind, {"surface": surface, name: [x, y]})


def test_the_experiments_are_valid_playground_settings():
    assert [e["label"] for e in for_the_page()["experiments"]] == [e["label"] for e in EXPERIMENTS]


def test_the_bundles_json_is_for_the_page():
    write_explorable_settings()
    assert json.loads(EXPLORABLE_SETTINGS.read_text()) == json.loads(json.dumps(for_the_page()))
