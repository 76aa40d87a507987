"""Paper: how many sheets each worksheet prints on, blank and with a typical entry, A4 and Letter.

Builds the site, serves it on loopback, prints every worksheet page with Debian's Chromium
(`page.pdf`, as the tests do) and prints one table row per worksheet: sheets for blank A4, blank
Letter, filled A4 and filled Letter, and how much of the last sheet is used (the share of pixel rows
between the margins with any ink, from `pdftoppm`), so a mostly blank last sheet shows.

    .venv/bin/python scripts/paper.py [--keep DIR] [--only ID,ID]   (needs poppler-utils for pdftoppm)

"Filled" types a sentence of typical length into every box of the first item, a date into date
fields and picks the middle of every 0-10 scale: the first goal, not six of them.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from worksheets import pages  # noqa: E402
from worksheets.devserver import CHROMIUM, CHROMIUM_ARGS, bound_server, serving  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Walk to the park with my sister after dinner on Tuesdays and Thursdays this month"
NOTE = "I felt tense before work most days, but the walks helped and I slept better on those evenings."
PAPERS = ("A4", "Letter")
#: Pixel rows of the footer margin (12 mm, site.css's @page) at 20 dpi, left out of the ink count.
FOOTER_ROWS = 10


def sheets(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def last_sheet_used(pdf_path: Path) -> float:
    """Share of the last sheet's pixel rows (above the footer) with any ink, at 20 dpi in grey."""
    count = sheets(pdf_path.read_bytes())
    out = subprocess.run(["pdftoppm", "-gray", "-r", "20", "-f", str(count), "-l", str(count), str(pdf_path)],
                         capture_output=True, check=True).stdout
    header, _, rest = out.partition(b"\n")
    dims, _, rest = rest.partition(b"\n")
    _, _, pixels = rest.partition(b"\n")  # after the maximum value line
    width, height = (int(v) for v in dims.split())
    rows = [pixels[y * width:(y + 1) * width] for y in range(height - FOOTER_ROWS)]
    inked = [y for y, row in enumerate(rows) if min(row) < 200]
    return (max(inked) + 1) / len(rows) if inked else 0.0


def fill(page: Page) -> None:
    """A typical entry: the first item's boxes, dates and scales."""
    for box in page.locator("form.ws textarea:visible").all()[:8]:
        box.fill(NOTE if box.get_attribute("rows") not in (None, "2") else SENTENCE)
    for box in page.locator("form.ws input[type=text]:visible").all()[:8]:
        box.fill(SENTENCE[:40])
    for box in page.locator("form.ws input[type=date]:visible").all()[:2]:
        box.fill("2026-03-31")
    for group in page.locator("form.ws [role=radiogroup]:visible, form.ws fieldset.ws-scale:visible").all()[:4]:
        middle = group.locator("input[type=radio]")
        if middle.count():
            middle.nth(middle.count() // 2).check(force=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    parser.add_argument("--only", default="", help="comma-separated worksheet ids (default: all)")
    options = parser.parse_args()
    ids = [worksheet.id for worksheet in pages.load_worksheets()
           if not options.only or worksheet.id in options.only.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        site, pdfs = Path(tmp) / "site", options.keep or Path(tmp) / "pdf"
        pdfs.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "worksheets.build", "--engine", "mkdocs", "--site-dir", str(site)],
                       cwd=ROOT, check=True, capture_output=True)
        with serving(bound_server(site)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            print(f"{'worksheet':18} {'blank A4':>9} {'blank Letter':>13} {'filled A4':>10} {'filled Letter':>14}"
                  "   (sheets, last sheet used)")
            for worksheet_id in ids:
                cells = []
                for filled in (False, True):
                    page = browser.new_page()
                    page.goto(f"{base}worksheets/{worksheet_id}/")
                    if filled:
                        fill(page)
                    for paper in PAPERS:
                        path = pdfs / f"{worksheet_id}-{'filled' if filled else 'blank'}-{paper}.pdf"
                        path.write_bytes(page.pdf(format=paper))
                        cells.append(f"{sheets(path.read_bytes())} ({last_sheet_used(path):.0%})")
                    page.close()
                print(f"{worksheet_id:18} {cells[0]:>9} {cells[1]:>13} {cells[2]:>10} {cells[3]:>14}")
            browser.close()


if __name__ == "__main__":
    main()
