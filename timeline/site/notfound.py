"""The error page (404.html), which a web server sends for any missing address.

It is served at whatever address was asked for (`/story/sources/gone.html`), so links
relative to its own place break, and mkdocs' links from the server's root (`/assets/...`)
break as soon as the site lives in a subfolder (`https://host/story/`). With `site_url`
the site's path is known and links start there. Without it, the page's links are written
relative to the site's top folder and a short script puts a `<base>` there before anything
loads: the site's top folder is the address up to the innermost of the site's own
folders (`sources`, `dates`, ...), else the folder of the missing page. Without scripts the
links still work for a missing page in the top folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, cast
from urllib.parse import urlsplit

from mkdocs.structure.files import File
from mkdocs.utils.templates import TemplateContext

ROOT_SCRIPT = """(function () {
  var folders = %s;
  var parts = window.location.pathname.split("/");
  parts.pop();
  for (var i = parts.length - 1; i > 0; i -= 1) {
    if (folders.indexOf(parts[i]) >= 0) {
      parts = parts.slice(0, i);
      break;
    }
  }
  var base = document.createElement("base");
  base.href = parts.join("/") + "/";
  document.head.insertBefore(base, document.head.firstChild);
  document.addEventListener("DOMContentLoaded", function () {
    var here = window.location.href.split("#")[0];
    document.querySelectorAll('a[href^="#"]').forEach(function (a) {
      a.href = here + a.getAttribute("href");
    });
  });
})();"""
"""Finds the site's top folder from the address; in-page links ("#main") keep pointing at
this page, which a `<base>` elsewhere would change."""


def top_folders(files: Iterable[File]) -> list[str]:
    """The folders at the top of the site (`assets`, `dates`, `sources`, ...), sorted."""
    return sorted({f.dest_uri.split("/", 1)[0] for f in files if "/" in f.dest_uri})


def error_page_context(
    template_context: TemplateContext, site_url: str | None, files: Iterable[File] | None
) -> None:
    """Make the error page's links work at any address (see the module's docstring)."""
    context = cast("dict[str, Any]", template_context)  # open to the theme's own keys
    if site_url and urlsplit(site_url).path:
        # the site's path ("/", "/story/"): the theme joins it with "/"
        context["base_url"] = str(context["base_url"]).rstrip("/")
        return
    old = str(context["base_url"])
    context["base_url"] = "."

    def relative(url: str) -> str:
        return "./" + url.removeprefix(old) if url.startswith(old) else url

    context["extra_css"] = [relative(str(u)) for u in context.get("extra_css", [])]
    context["extra_javascript"] = [relative(str(u)) for u in context.get("extra_javascript", [])]
    folders = json.dumps(top_folders(files or ())).replace("<", "\\u003c")
    context["timeline_root_script"] = ROOT_SCRIPT % folders
