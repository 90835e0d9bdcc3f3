/* timeline: progressive enhancement of the timeline page.
 * Without this file every event is still listed, in order, with its sources.
 * With it: filter by entity, source and date range; collapse dates; permalinks
 * always land on a visible event, also when the event has moved to another page. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  function words(value) {
    return value ? value.split(" ").filter(Boolean) : [];
  }

  function setupMonths(root) {
    var months = Array.prototype.slice.call(root.querySelectorAll("section.node")).filter(
      function (node) {
        return node.querySelector(":scope > ol.events");
      }
    );
    months.forEach(function (month, index) {
      var heading = month.querySelector(":scope > h2, :scope > h3, :scope > h4, :scope > h5");
      var list = month.querySelector(":scope > ol.events");
      if (!heading || !list) {
        return;
      }
      if (!list.id) {
        list.id = "events-" + (heading.id || index);
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "month-toggle";
      button.setAttribute("aria-expanded", "true");
      button.setAttribute("aria-controls", list.id);
      while (heading.firstChild) {
        button.appendChild(heading.firstChild);
      }
      heading.appendChild(button);
      button.addEventListener("click", function () {
        setMonth(month, month.classList.contains("collapsed"));
      });
    });
    return months;
  }

  function setMonth(month, open) {
    month.classList.toggle("collapsed", !open);
    var button = month.querySelector(".month-toggle");
    if (button) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
  }

  function setupFilters(form, root, months) {
    var events = Array.prototype.slice.call(root.querySelectorAll("li.event"));
    var status = form.querySelector(".filter-status");

    var names = {};  // entity label, lower case -> key
    var labels = {};  // key -> label
    form.querySelectorAll("datalist option").forEach(function (option) {
      names[option.value.toLowerCase()] = option.getAttribute("data-key");
      labels[option.getAttribute("data-key")] = option.value;
    });

    function apply() {
      var typed = form.elements.entity.value.trim();
      var entity = typed ? names[typed.toLowerCase()] || "" : "";
      var source = form.elements.source.value;
      var from = form.elements.from.value;
      var to = form.elements.to.value;
      var shown = 0;
      events.forEach(function (item) {
        var first = item.getAttribute("data-first");
        var last = item.getAttribute("data-last");
        var ok =
          (!entity || words(item.getAttribute("data-entities")).indexOf(entity) >= 0) &&
          (!source || words(item.getAttribute("data-sources")).indexOf(source) >= 0) &&
          (!from || (last && last >= from)) &&
          (!to || (first && first <= to));
        item.hidden = !ok;
        if (ok) {
          shown += 1;
        }
      });
      root.querySelectorAll("section.node").forEach(function (section) {
        section.hidden = !section.querySelector("li.event:not([hidden])");
      });
      var filtered = entity || source || from || to;
      status.textContent = filtered
        ? "Showing " + shown + " of " + events.length + " events on this page."
        : typed
          ? "No person, organisation or place named \u201c" + typed + "\u201d here."
          : "";
      remember({ entity: entity, source: source, from: from, to: to });
    }

    // The filters live in the query string, so a filtered view can be bookmarked and shared.
    function remember(values) {
      if (!window.history || !window.history.replaceState) {
        return;
      }
      var params = new URLSearchParams();
      Object.keys(values).forEach(function (key) {
        if (values[key]) {
          params.set(key, values[key]);
        }
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }

    function restore() {
      var params = new URLSearchParams(window.location.search);
      ["entity", "source", "from", "to"].forEach(function (key) {
        var field = form.elements[key];
        var value = params.get(key);
        if (!field || !value) {
          return;
        }
        if (key === "entity") {
          value = labels[value];
        } else if (field.tagName === "SELECT" &&
            !field.querySelector('option[value="' + CSS.escape(value) + '"]')) {
          value = "";
        }
        if (value) {
          field.value = value;
        }
      });
    }

    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    form.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-action");
      if (action) {
        months.forEach(function (month) {
          setMonth(month, action === "expand");
        });
      }
    });
    form.hidden = false;
    restore();
    apply();
    openPanel(form);
    return { apply: apply };
  }

  // The filters sit in a panel that is open on a wide screen and closed to one line on a
  // phone (the events come first there), and open wherever a filter is in use.
  function openPanel(form) {
    var panel = form.closest("details.filter-panel");
    if (!panel) {
      return;
    }
    var wide = !window.matchMedia || window.matchMedia("(min-width: 40rem)").matches;
    panel.open = wide || window.location.search.length > 1;
    panel.hidden = false;
  }

  // A link made when the event was listed elsewhere (index.html#id before the story
  // was split into pages) goes on to the page that lists it now.
  function follow() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || document.getElementById(id)) {
      return false;
    }
    var moved = document.querySelectorAll("ul.moved li");
    for (var i = 0; i < moved.length; i += 1) {
      if (words(moved[i].getAttribute("data-ids")).indexOf(id) >= 0) {
        window.location.replace(moved[i].getAttribute("data-target") + "#" + encodeURIComponent(id));
        return true;
      }
    }
    return false;
  }

  // Search results follow the page's heading outline: a level below the page title.
  if (typeof window.formatResult === "function" && typeof window.joinUrl === "function") {
    window.formatResult = function (location, title, summary) {
      var article = document.createElement("article");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      var text = document.createElement("p");
      link.href = window.joinUrl(window.base_url, location);
      link.textContent = title;
      text.textContent = summary;
      heading.appendChild(link);
      article.appendChild(heading);
      article.appendChild(text);
      return article.outerHTML;
    };
  }

  function reveal(form, filters) {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) {
      return;
    }
    var item = target.closest("li.event, section.node");
    if (item && item.closest("[hidden]") && form) {
      form.reset();
      filters.apply();
    }
    var month = target.closest("section.node");
    if (month) {
      setMonth(month, true);
    }
    target.scrollIntoView();
    // Move focus too, so keyboard users continue from the event (and the search panel closes).
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
  }

  function setupSearchPanel() {
    var input = document.getElementById("mkdocs-search-query");
    if (!input || !input.closest(".search")) {
      return;
    }
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        input.value = "";
      }
    });
  }

  ready(function () {
    setupSearchPanel();
    window.addEventListener("hashchange", follow);
    if (follow()) {
      return;
    }
    var form = document.getElementById("timeline-filters");
    if (!form) {
      return;  // not the timeline page
    }
    // Themes differ in their page structure; the timeline body is ours.
    var root = form.closest(".timeline-body") || document.body;
    var months = setupMonths(root);
    var filters = setupFilters(form, root, months);
    window.addEventListener("hashchange", function () {
      reveal(form, filters);
    });
    reveal(form, filters);
  });
})();
