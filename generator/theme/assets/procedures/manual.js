/* procedures-manual: small enhancements on top of Material. No inline scripts, no requests.
 *
 * 1. The print-only notice: today's date ("Date printed") and, when the site has no site_url,
 *    the page's address.
 * 2. Material's menu and search buttons in the header are <label>s, which a keyboard cannot reach:
 *    make them focusable buttons that open with Enter or Space (WCAG 2.1.1). Escape closes the menu.
 * 3. On small screens the closed search box is off the screen but still a Tab stop: take it out of
 *    the Tab order there (WCAG 2.4.7). Material's "/" shortcut and the search button still open it.
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
  }

  var NAMES = { __drawer: "Menu", __search: "Search" };

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
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") {
          return;
        }
        event.preventDefault();
        label.click();
        expanded();
        if (!toggle.checked) {
          return;
        }
        // Opening moves focus into what opened: the search box, or the menu's first link.
        var target = label.htmlFor === "__search"
          ? document.querySelector(".md-search__input")
          : document.querySelector(".md-sidebar--primary a[href]");
        if (target) {
          target.focus();
        }
      });
    });

    var drawer = document.getElementById("__drawer");
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer && drawer.checked) {
        drawer.click();
        var button = document.querySelector('.md-header label[for="__drawer"]');
        if (button && button.offsetParent !== null) {
          button.setAttribute("aria-expanded", "false");
          button.focus();
        }
      }
    });
  }

  function foldedSearchOutOfTabOrder() {
    var input = document.querySelector(".md-search__input");
    if (!input || !window.matchMedia) {
      return;
    }
    // Material's breakpoint below which the search is a full-screen panel.
    var small = window.matchMedia("(max-width: 59.984375em)");
    var update = function () {
      if (small.matches) {
        input.setAttribute("tabindex", "-1");
      } else {
        input.removeAttribute("tabindex");
      }
    };
    update();
    if (small.addEventListener) {
      small.addEventListener("change", update);
    }
  }

  fillPrintNotice();
  keyboardButtons();
  foldedSearchOutOfTabOrder();
  window.addEventListener("beforeprint", fillPrintNotice);
})();
