"""MkDocs hook: accessibility fixes to Material's own markup where no template block reaches.

- Material's search is a `role="dialog"` without a name (axe: aria-dialog-name, serious): it gets
  one. The build fails if Material's markup changes, so an upgrade cannot drop the fix silently.

Colour contrast and target sizes are fixed in docs/assets/css/site.css.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


def _name_the_search_dialog(html: str, where: str) -> str:
    if html.count(_SEARCH_DIALOG) != 1:
        raise PluginError(f"{where}: Material's search dialog markup changed; update worksheets/accessibility_hook.py")
    return html.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _name_the_search_dialog(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # Static templates such as 404.html; sitemap.xml and others have no search.
    return _name_the_search_dialog(output_content, template_name) if _SEARCH_DIALOG in output_content else output_content
