/*
 * Search page enhancements. The page works completely without this file (plain GET form);
 * this script only adds:
 *  - autocomplete on the search box as an ARIA 1.2 combobox (list autocomplete, keyboard:
 *    ArrowDown/ArrowUp, Home/End, Enter, Escape, Tab), fed by /api/search/suggest/;
 *  - applying a facet checkbox as soon as it is ticked, announced beforehand in a visible
 *    hint (WCAG 3.2.2), with focus restored (and visibly outlined) after the reload. Selects
 *    (town, radius, sort) are NOT applied on change: arrow keys and typed letters would
 *    reload the page on every step and trap keyboard users; they have their own buttons;
 *  - opening the filter disclosure on wide screens (on phones it stays a closed summary line
 *    above the results).
 * No external resources, no framework.
 */
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  if (!form) {
    return;
  }

  // requestSubmit fires the submit event (empty fields are dropped there); submit() does not.
  function submitForm() {
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  // ---------------------------------------------------------------- autocomplete combobox
  var input = document.getElementById("search-q");
  var suggestUrl = form.getAttribute("data-suggest-url");
  var MIN_CHARS = 2;
  var DEBOUNCE_MS = 150;

  function setupCombobox() {
    if (!input || !suggestUrl || !window.fetch) {
      return;
    }
    var wrapper = input.parentNode;
    wrapper.classList.add("combobox");

    var listbox = document.createElement("ul");
    listbox.id = "search-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Vorschläge");
    listbox.className = "suggestions";
    listbox.hidden = true;
    wrapper.appendChild(listbox);

    var hintId = "search-q-hint";
    var hint = document.getElementById(hintId);
    if (!hint) {
      hint = document.createElement("span");
      hint.id = hintId;
      hint.className = "visually-hidden";
      wrapper.appendChild(hint);
    }
    hint.textContent = "Während der Eingabe erscheinen Vorschläge; mit den Pfeiltasten auswählen, mit Eingabe übernehmen, mit Escape schließen.";

    var live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    wrapper.appendChild(live);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");
    var describedBy = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", describedBy ? describedBy + " " + hintId : hintId);

    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = null;

    function close() {
      listbox.hidden = true;
      listbox.innerHTML = "";
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.el.setAttribute("aria-selected", i === index ? "true" : "false");
        option.el.classList.toggle("is-active", i === index);
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].el.id);
        options[index].el.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var option = options[index];
      if (!option) {
        return;
      }
      close();
      if (option.url) {
        window.location.href = option.url;
        return;
      }
      input.value = option.label;
      submitForm();
    }

    function render(items) {
      listbox.innerHTML = "";
      options = [];
      active = -1;
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = "search-suggestion-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var text = document.createElement("span");
        text.textContent = item.label;
        li.appendChild(text);
        if (item.kind) {
          var kind = document.createElement("span");
          kind.className = "suggestion-kind";
          kind.textContent = " – " + item.kind;
          li.appendChild(kind);
        }
        // mousedown, not click: the input must not lose focus (and close the list) first.
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        listbox.appendChild(li);
        options.push({ el: li, label: item.label, url: item.url || null });
      });
      var open = options.length > 0;
      listbox.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      live.textContent = open
        ? options.length + (options.length === 1 ? " Vorschlag verfügbar." : " Vorschläge verfügbar.")
        : "";
    }

    // The API answers {"suggestions": [{"text"|"label"|"title", "url"?, "kind"|"type"?}]};
    // tolerate both spellings so a change on the server side degrades gracefully.
    function normalise(data) {
      var list = (data && (data.suggestions || data.results)) || [];
      return list
        .map(function (item) {
          if (typeof item === "string") {
            return { label: item };
          }
          return {
            label: item.label || item.text || item.title || item.name || "",
            url: item.url || null,
            kind: item.kind_label || item.type_label || null,
          };
        })
        .filter(function (item) {
          return item.label;
        })
        .slice(0, 8);
    }

    function fetchSuggestions(query) {
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      var url = suggestUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query && document.activeElement === input) {
            render(normalise(data));
          }
        })
        .catch(function () {
          /* aborted or offline: the plain form still works */
        });
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < MIN_CHARS) {
        lastQuery = null;
        close();
        return;
      }
      if (query === lastQuery) {
        return;
      }
      timer = window.setTimeout(function () {
        lastQuery = query;
        fetchSuggestions(query);
      }, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden && options.length > 0;
      switch (event.key) {
        case "ArrowDown":
          if (open) {
            event.preventDefault();
            highlight(active < options.length - 1 ? active + 1 : 0);
          } else if (input.value.trim().length >= MIN_CHARS) {
            event.preventDefault();
            lastQuery = null;
            fetchSuggestions(input.value.trim());
          }
          break;
        case "ArrowUp":
          if (open) {
            event.preventDefault();
            highlight(active > 0 ? active - 1 : options.length - 1);
          }
          break;
        case "Home":
        case "End":
          if (open && active >= 0) {
            event.preventDefault();
            highlight(event.key === "Home" ? 0 : options.length - 1);
          }
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault();
            choose(active);
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  // ------------------------------------------------------------ apply filters on change
  var FOCUS_KEY = "transferwiki-search-focus";

  function setupAutoApply() {
    var filters = form.querySelectorAll("[data-auto-apply] input[type=checkbox]");
    if (!filters.length) {
      return;
    }
    var hint = document.getElementById("auto-apply-hint");
    if (hint) {
      hint.hidden = false;
    }
    // The apply buttons stay reachable for keyboard users (they show on focus) but are no
    // longer needed visually.
    Array.prototype.forEach.call(form.querySelectorAll("[data-apply-button]"), function (button) {
      button.classList.add("visually-hidden-js");
    });
    Array.prototype.forEach.call(filters, function (control) {
      control.addEventListener("change", function () {
        try {
          window.sessionStorage.setItem(FOCUS_KEY, control.id);
        } catch (e) {
          /* storage disabled: focus simply starts at the top */
        }
        // A changed filter starts again at page 1; the hidden page field would keep the old one.
        var pageField = form.querySelector("input[name=page]");
        if (pageField) {
          pageField.disabled = true;
        }
        submitForm();
      });
    });

    var focusId = null;
    try {
      focusId = window.sessionStorage.getItem(FOCUS_KEY);
      window.sessionStorage.removeItem(FOCUS_KEY);
    } catch (e) {
      focusId = null;
    }
    if (focusId) {
      var target = document.getElementById(focusId);
      if (target) {
        // The option may sit in a closed "mehr anzeigen" or filter disclosure.
        for (var el = target.parentNode; el && el !== form; el = el.parentNode) {
          if (el.tagName === "DETAILS") {
            el.open = true;
          }
        }
        target.classList.add("focus-restored");
        target.addEventListener("blur", function () {
          target.classList.remove("focus-restored");
        });
        target.focus();
      }
    }
  }

  // The filter disclosure arrives closed, so phones see the results after one summary line
  // ("Filter (n aktiv)"); on wide screens it is a sidebar and opens at once.
  function setupFilterDisclosure() {
    var disclosure = form.querySelector("[data-filters]");
    if (!disclosure || !window.matchMedia) {
      return;
    }
    if (!window.matchMedia("(max-width: 48rem)").matches) {
      disclosure.open = true;
    }
  }

  // Empty fields would clutter the URL (…&near=&radius=); leave them out of the GET request.
  function setupCleanSubmit() {
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.querySelectorAll("select, input[type=hidden]"), function (field) {
        if (!field.value) {
          field.disabled = true;
        }
      });
    });
    // Back/forward cache restores the disabled state; undo it so the form stays usable.
    window.addEventListener("pageshow", function () {
      Array.prototype.forEach.call(form.querySelectorAll("[disabled]"), function (field) {
        field.disabled = false;
      });
    });
  }

  setupCombobox();
  setupFilterDisclosure();
  setupAutoApply();
  setupCleanSubmit();
})();
