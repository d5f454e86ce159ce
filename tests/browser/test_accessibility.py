"""axe-core finds no serious or critical accessibility violation on any page, cells included."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def test_no_serious_or_critical_violations_on_any_page(page, site_url, built_site):
    problems = []
    for html_page in built_site.pages():
        relative = html_page.relative_to(built_site.directory).as_posix()
        if relative.startswith("assets/") or relative == "print_page/index.html":
            continue
        page.goto(site_url + relative.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. `
                           + `${v.nodes[0].target}: ${v.nodes[0].failureSummary}`)"""
        )
        problems += [f"{relative}: {violation}" for violation in violations]
    assert not problems, "\n".join(problems)
