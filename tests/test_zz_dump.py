import re, pytest
from scripts.paper import fill
def n(pdf): return len(re.findall(rb"/Type\s*/Page[^s]", pdf))
V = {"fs-block": "@media print { fieldset.ws-item-fieldset { display: block !important; } }",
     "no-avoid": "@media print { .ws-field, label, h2, legend { break-inside: auto !important; break-after: auto !important; } }",
     "ta-hidden": "@media print { .ws textarea { display: none !important; } }",
     "ta-block": "@media print { .ws textarea { field-sizing: fixed !important; height: 2em !important; } }"}
@pytest.mark.browser_context_args(bypass_csp=True)
def test_dump(page, a_site_server):
    for ws in ["find-your-why", "safety-plan"]:
        for name, css in V.items():
            page.goto(f"{a_site_server}worksheets/{ws}/")
            fill(page)
            a = [n(page.pdf(format=p)) for p in ("A4",)]
            page.add_style_tag(content=css)
            b = [n(page.pdf(format=p)) for p in ("A4",)]
            print("RES", ws, name, a, b)
