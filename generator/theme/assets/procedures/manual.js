/* procedures-manual: small enhancements on top of Material. No inline scripts, no requests.
 *
 * 1. The print-only notice: today's date ("Date printed") and, when the site has no site_url,
 *    the page's address (and in a print edition each procedure's).
 * 2. Material's menu and search buttons in the header are <label>s, which a keyboard cannot reach:
 *    make them focusable buttons that open with Enter or Space (WCAG 2.1.1). Escape closes the menu.
 * 3. On small screens the closed search box is off the screen but still a Tab stop: take it out of
 *    the Tab order there (WCAG 2.4.7). Material's "/" shortcut and the search button still open it.
 * 4. In the menu on small screens, sections open as panels through <label>s too (a section's name
 *    opens it, the panel's title goes back): make those operable by keyboard, and move focus into
 *    the panel that opens.
 * 5. Glossary tooltips (WCAG 1.4.13; glossary.css shows them on hover and focus): Escape hides the
 *    open one without moving focus, until the pointer and focus have left its term; and a tooltip
 *    that would run off the right edge of the screen is moved left to fit.
 * 6. Search for people in a hurry: a word of five letters or more that starts no word of the
 *    manual ("neglet", "safegaurding", "radicalization") is searched one letter away too, so the
 *    page is still found. The manual's words are in search-words.json beside this script (written
 *    by the plugin: generator/core/searchwords.py). Material 9 has no hook for changing a query,
 *    so the query is changed on its way to Material's search worker (a {type, data} message whose
 *    data is the query text); if that ever changes, the search simply works as Material's own.
 * 7. "Updated since you last looked", for readers who turn it on (the contents page offers it:
 *    partials/procedures/updates.html). Their choice and the version of each page they have seen
 *    are kept in the browser's local storage only, under one key for this site: no cookie, nothing
 *    sent. Only then is versions.json (beside this script, written by the plugin from the site plan:
 *    generator/site/updates.py) fetched from this site, to mark the pages whose version is newer
 *    than the one last seen, in the menu, on the contents page and on the page itself, each with
 *    a link to what changed. Turning it off deletes what was kept.
 */
(function () {
  "use strict";

  function today() {
    return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function fillPrintNotice() {
    document.querySelectorAll("[data-pm-print-date]").forEach(function (element) {
      element.textContent = today();
    });
    document.querySelectorAll("[data-pm-print-url]").forEach(function (element) {
      if (!element.textContent.trim()) {
        element.textContent = location.href.split("#")[0];
      }
    });
    // Each procedure of a print edition, when the site has no site_url: its full address.
    document.querySelectorAll("a[data-pm-print-href]").forEach(function (link) {
      link.textContent = link.href;
    });
  }

  var NAMES = { __drawer: "Menu", __search: "Search" };
  // Material's breakpoints: below SMALL the search is a full-screen panel, below MENU the
  // navigation is a drawer of sliding panels.
  var SMALL = "(max-width: 59.984375em)";
  var MENU = "(max-width: 76.234375em)";

  // Panels fade in, so opacity is not a test of being shown: visibility is (see manual.css).
  function shown(element) {
    return element.offsetParent !== null && getComputedStyle(element).visibility !== "hidden";
  }

  // Focus the first item of the menu panel now shown in root (not its "Back" title), else the
  // first control there is. Without scrolling: the panel is still sliding in, and scrolling to
  // where the item is now would leave the menu scrolled sideways once it arrives.
  function focusFirst(root) {
    var candidates = root.querySelectorAll("a[href], label[tabindex='0']");
    var fallback = null;
    for (var i = 0; i < candidates.length; i++) {
      if (!shown(candidates[i])) {
        continue;
      }
      if (candidates[i].closest(".md-nav__list") && !candidates[i].classList.contains("md-nav__title")) {
        candidates[i].focus({ preventScroll: true });
        return;
      }
      fallback = fallback || candidates[i];
    }
    if (fallback) {
      fallback.focus({ preventScroll: true });
    }
  }

  // Enter or Space. The event stops here: Material's own Enter handler clicks whatever label has
  // focus once the event reaches the document, which after a focus move is the wrong one.
  function onActivate(element, handler) {
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();
        handler(event);
      }
    });
  }

  function whenMedia(query, apply) {
    if (!window.matchMedia) {
      return;
    }
    var media = window.matchMedia(query);
    var update = function () {
      apply(media.matches);
    };
    update();
    if (media.addEventListener) {
      media.addEventListener("change", update);
    }
  }

  function keyboardButtons() {
    document.querySelectorAll(".md-header label.md-header__button[for]").forEach(function (label) {
      var toggle = document.getElementById(label.htmlFor);
      if (!toggle || !NAMES[label.htmlFor]) {
        return;
      }
      var expanded = function () {
        label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      };
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      label.setAttribute("aria-label", NAMES[label.htmlFor]);
      expanded();
      toggle.addEventListener("change", expanded);
      onActivate(label, function () {
        label.click();
        expanded();
        if (!toggle.checked) {
          return;
        }
        // Opening moves focus into what opened: the search box, or the menu's first link.
        if (label.htmlFor === "__search") {
          var input = document.querySelector(".md-search__input");
          if (input) {
            input.focus();
          }
        } else {
          var sidebar = document.querySelector(".md-sidebar--primary");
          if (sidebar) {
            focusFirst(sidebar);
          }
        }
      });
    });

    // The open menu covers the page: Escape closes it, and so does moving focus out of it.
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    var menuButton = document.querySelector('.md-header label[for="__drawer"]');
    var close = function () {
      drawer.click();
      if (menuButton) {
        menuButton.setAttribute("aria-expanded", "false");
      }
    };
    if (!drawer || !sidebar) {
      return;
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        close();
        if (menuButton && shown(menuButton)) {
          menuButton.focus();
        }
      }
    });
    document.addEventListener("focusin", function (event) {
      if (drawer.checked && !sidebar.contains(event.target) && event.target !== menuButton) {
        close();
      }
    });
  }

  function keyboardMenuPanels() {
    var labels = document.querySelectorAll(".md-nav--primary label[for^='__nav'], .md-nav--primary label[for='__toc']");
    labels.forEach(function (label) {
      var toggle = document.getElementById(label.htmlFor);
      if (!toggle) {
        return;
      }
      var back = label.classList.contains("md-nav__title");
      onActivate(label, function () {
        if (label.getAttribute("tabindex") !== "0") {
          return;
        }
        label.click();
        if (back) {
          // Back in the parent panel, on the section this panel belongs to.
          var opener = document.querySelector(".md-nav--primary label.md-nav__link[for='" + label.htmlFor + "']");
          if (opener) {
            opener.focus({ preventScroll: true });
          }
        } else if (toggle.checked) {
          var panel = toggle.parentElement.querySelector(":scope > .md-nav");
          if (panel) {
            focusFirst(panel);
          }
        }
      });
    });
    whenMedia(MENU, function (small) {
      labels.forEach(function (label) {
        if (small) {
          label.setAttribute("tabindex", "0");
          label.setAttribute("role", "button");
          if (label.classList.contains("md-nav__title")) {
            label.setAttribute("aria-label", "Back: " + label.textContent.trim());
          }
        } else {
          label.removeAttribute("tabindex");
          label.removeAttribute("role");
          label.removeAttribute("aria-label");
        }
      });
    });
  }

  function foldedSearchOutOfTabOrder() {
    var input = document.querySelector(".md-search__input");
    if (!input) {
      return;
    }
    whenMedia(SMALL, function (small) {
      if (small) {
        input.setAttribute("tabindex", "-1");
      } else {
        input.removeAttribute("tabindex");
      }
    });
  }

  var TIP_MARGIN = 8; // px kept between a tooltip and the edge of the screen
  var DISMISSED = "pm-term--dismissed";

  // Within the screen: shifted left by what would overflow, never past the left edge.
  function placeTip(term) {
    var tip = term.querySelector(".pm-term__tip");
    if (!tip) {
      return;
    }
    tip.style.removeProperty("--pm-tip-shift");
    var box = tip.getBoundingClientRect();
    if (!box.width) {
      return; // not shown (dismissed, or printing)
    }
    var right = document.documentElement.clientWidth - TIP_MARGIN;
    var shift = Math.max(Math.min(0, right - box.right), TIP_MARGIN - box.left);
    if (shift) {
      tip.style.setProperty("--pm-tip-shift", shift + "px");
    }
  }

  function glossaryTooltips() {
    var terms = document.querySelectorAll(".md-typeset .pm-term");
    if (!terms.length) {
      return;
    }
    terms.forEach(function (term) {
      var show = function () {
        placeTip(term);
      };
      // Dismissed stays dismissed while the term is still hovered or focused.
      var reset = function (event) {
        var focused = event.type === "focusout" ? term.contains(event.relatedTarget) : term.contains(document.activeElement);
        if (!focused && !term.matches(":hover")) {
          term.classList.remove(DISMISSED);
        }
      };
      term.addEventListener("mouseenter", show);
      term.addEventListener("focusin", show);
      term.addEventListener("mouseleave", reset);
      term.addEventListener("focusout", reset);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") {
        return;
      }
      document.querySelectorAll(".md-typeset .pm-term:hover, .md-typeset .pm-term:focus-within").forEach(function (term) {
        term.classList.add(DISMISSED);
      });
    });
  }

  var NEAR_MIN = 5; // letters: one letter away from a shorter word is almost any word

  // Whether a word of the manual starts with `word`: `words` is sorted, so bisect.
  function startsAWord(word, words) {
    var low = 0;
    var high = words.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (words[middle] < word) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low < words.length && words[low].lastIndexOf(word, 0) === 0;
  }

  // The query with lunr's "~1" (one letter away) on each word that would find nothing. Words with
  // anything but letters (search syntax, numbers, "children's") are left as they were typed.
  function nearSpellings(query, words) {
    return query.split(/(\s+)/).map(function (part) {
      var word = part.toLowerCase();
      if (!/^\p{L}+$/u.test(word) || word.length < NEAR_MIN || startsAWord(word, words)) {
        return part;
      }
      return word + "~1";
    }).join("");
  }

  function forgivingSearch(script) {
    var input = document.querySelector(".md-search__input");
    if (!input || !script || !window.Worker || !window.fetch) {
      return;
    }
    var words = null;
    var loading = false;
    // Loaded when the search box is first used, not with every page.
    var load = function () {
      if (loading) {
        return;
      }
      loading = true;
      fetch(new URL("search-words.json", script.src).href)
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (list) {
          words = Array.isArray(list) ? list : null;
        })
        .catch(function () {});
    };
    input.addEventListener("focus", load);
    if (document.activeElement === input) {
      load(); // a ?q= link has already opened the search
    }
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (words && message && typeof message === "object" && typeof message.data === "string") {
        args[0] = { type: message.type, data: nearSpellings(message.data, words) };
      }
      return post.apply(this, args);
    };
  }

  var UPDATES_KEY = "pm-seen:"; // + the site's path: two manuals on one host keep apart

  function storage() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null; // storage turned off in the browser: the offer is not shown
    }
  }

  function updatesSinceLastLooked(script) {
    var store = storage();
    if (!document.querySelector('meta[name="pm-updates"]') || !script || !store || !window.fetch) {
      return;
    }
    var root = new URL("../../", script.src);
    var key = UPDATES_KEY + root.pathname;
    var panel = document.querySelector("[data-pm-updates]");
    var toggle = panel && panel.querySelector("[data-pm-updates-toggle]");
    var summary = panel && panel.querySelector("[data-pm-updates-summary]");
    var whenOn = panel && panel.querySelector("[data-pm-updates-when-on]");
    var live = document.createElement("div");
    live.className = "pm-visually-hidden";
    live.setAttribute("role", "status");
    document.body.appendChild(live);

    function announce(text) {
      live.textContent = "";
      setTimeout(function () {
        live.textContent = text;
      }, 300);
    }

    function load() {
      try {
        var state = JSON.parse(store.getItem(key) || "null");
        return state && state.on && state.pages ? state : null;
      } catch (error) {
        return null;
      }
    }

    function save(pages) {
      try {
        store.setItem(key, JSON.stringify({ on: true, pages: pages }));
      } catch (error) {}
    }

    // A link's page, as versions.json names it (its address from the site's root), or null.
    function pageOf(href) {
      var url = new URL(href, location.href);
      if (url.origin !== root.origin || url.pathname.indexOf(root.pathname) !== 0) {
        return null;
      }
      return url.pathname.slice(root.pathname.length);
    }

    function versions() {
      return fetch(new URL("versions.json", script.src).href, { cache: "no-cache" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          return data && data.pages ? data.pages : null;
        })
        .catch(function () {
          return null;
        });
    }

    function current(pages) {
      var seen = {};
      Object.keys(pages).forEach(function (page) {
        seen[page] = pages[page].v;
      });
      return seen;
    }

    function unmark() {
      document.querySelectorAll(".pm-seen-mark, .pm-seen-link").forEach(function (element) {
        element.remove();
      });
      var banner = document.querySelector("[data-pm-seen]");
      if (banner) {
        banner.hidden = true;
      }
    }

    function badge(tag, text, hiddenText) {
      var mark = document.createElement(tag);
      mark.className = "pm-seen-mark";
      mark.textContent = text;
      if (hiddenText) {
        var more = document.createElement("span");
        more.className = "pm-visually-hidden";
        more.textContent = hiddenText;
        mark.appendChild(more);
      }
      return mark;
    }

    // The pages newer than this browser last saw: the menu, the contents page's table, this page.
    function mark(pages, seen) {
      var changed = {};
      Object.keys(pages).forEach(function (page) {
        if (!(page in seen) || seen[page] < pages[page].v) {
          changed[page] = page in seen ? "Changed" : "New";
        }
      });
      // Pages in the menu (a closed chapter's link leads to its first page: it is not marked).
      document.querySelectorAll(".md-nav--primary .md-nav__item:not(.md-nav__item--nested) > a.md-nav__link[href]").forEach(function (link) {
        var what = changed[pageOf(link.href)];
        if (what) {
          (link.querySelector(".md-ellipsis") || link).appendChild(badge("span", what, " since you last looked"));
        }
      });
      if (panel) {
        document.querySelectorAll(".md-content .md-typeset table a[href]").forEach(function (link) {
          var page = pageOf(link.href);
          if (!changed[page] || link.closest(".pm-seen-link")) {
            return;
          }
          var cell = link.parentNode;
          cell.appendChild(document.createTextNode(" "));
          cell.appendChild(badge("strong", changed[page] + " since you last looked"));
          if (pages[page].changed) {
            var what = document.createElement("a");
            what.className = "pm-seen-link";
            what.href = new URL(pages[page].changed, root).href;
            what.textContent = "See what changed";
            cell.appendChild(document.createTextNode(" "));
            cell.appendChild(what);
          }
        });
      }
      var here = pageOf(location.href);
      var banner = document.querySelector("[data-pm-seen]");
      if (banner && changed[here] === "Changed") {
        banner.querySelector("[data-pm-seen-version]").textContent = String(seen[here]);
        banner.hidden = false;
        announce("This page has changed since you last read it: you read version " + seen[here] + ", this is version " + pages[here].v + ".");
      }
      return Object.keys(changed).filter(function (page) {
        return page !== here;
      }).length;
    }

    function describe(count) {
      if (!summary) {
        return;
      }
      summary.textContent = count === 0 ? "No page has changed since you last looked."
        : (count === 1 ? "1 page has" : count + " pages have") + " changed since you last looked: they are marked below and in the menu.";
      if (panel) {
        announce(summary.textContent);
      }
    }

    function show(on) {
      if (!panel) {
        return;
      }
      toggle.checked = on;
      whenOn.hidden = !on;
      if (!on) {
        summary.textContent = "";
      }
    }

    var state = load();
    if (panel) {
      panel.hidden = false;
      show(!!state);
      toggle.addEventListener("change", function () {
        if (!toggle.checked) {
          store.removeItem(key);
          unmark();
          show(false);
          announce("Turned off. What this website had kept on this device has been deleted.");
          return;
        }
        versions().then(function (pages) {
          if (!pages) {
            show(false);
            announce("This could not be turned on: the list of pages could not be loaded. Try again later.");
            return;
          }
          save(current(pages));
          show(true);
          summary.textContent = "From now on, pages that change will be marked here and in the menu.";
          announce("Turned on. " + summary.textContent);
        });
      });
      panel.querySelector("[data-pm-updates-clear]").addEventListener("click", function () {
        versions().then(function (pages) {
          if (pages) {
            save(current(pages));
            unmark();
            describe(0);
          }
        });
      });
    }
    if (!state) {
      return;
    }
    versions().then(function (pages) {
      if (!pages) {
        return;
      }
      var count = mark(pages, state.pages);
      describe(count);
      // This page has now been seen, at its current version; pages no longer listed are dropped.
      var here = pageOf(location.href);
      var kept = {};
      Object.keys(pages).forEach(function (page) {
        if (page in state.pages || page === here) {
          kept[page] = page === here ? pages[page].v : state.pages[page];
        }
      });
      save(kept);
    });
  }

  fillPrintNotice();
  keyboardButtons();
  keyboardMenuPanels();
  foldedSearchOutOfTabOrder();
  glossaryTooltips();
  forgivingSearch(document.currentScript);
  updatesSinceLastLooked(document.currentScript);
  window.addEventListener("beforeprint", fillPrintNotice);
})();
