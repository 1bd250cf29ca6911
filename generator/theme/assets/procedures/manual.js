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

  fillPrintNotice();
  keyboardButtons();
  keyboardMenuPanels();
  foldedSearchOutOfTabOrder();
  glossaryTooltips();
  forgivingSearch(document.currentScript);
  window.addEventListener("beforeprint", fillPrintNotice);
})();
