/*
 * The menu on narrow screens (Material's drawer, opened by the #__drawer checkbox) for the
 * keyboard. Its button in the header is a label, which the keyboard reaches through its
 * tabindex (overrides/partials/header.html); Material's script opens it with Enter, and
 * this one with Space too, says whether it is open (aria-expanded), takes the focus to the
 * menu's first link when it opens, and closes it with Escape, giving the focus back to the
 * button, or when the focus leaves it. While closed, the menu's links are out of the Tab
 * order (stylesheets/extra.css hides the closed drawer), so the focus never goes to links
 * off the screen.
 */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector("[data-lg-menu]");
  if (!drawer || !button) return;

  function sync() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  button.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") return;
    if (e.key === " ") {
      e.preventDefault();  // not a scroll of the page
      drawer.click();  // as a tap would: Material's script hears the change
    }
    setTimeout(function () {  // once Material has opened it (Enter)
      sync();
      var first = drawer.checked && document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    }, 50);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && drawer.checked) {
      drawer.click();
      sync();
      button.focus();
    }
  });
  /* Tab past the menu's last link went on to the page's links under the menu and its dimmed
     overlay, where the focus could not be seen: the focus leaving the open menu (for
     anything but its button) closes it, as Escape does, and the page is there to see. */
  document.addEventListener("focusin", function (e) {
    if (!drawer.checked || e.target === button) return;
    if (e.target.closest && e.target.closest(".md-sidebar--primary")) return;
    drawer.click();
    sync();
  });
  drawer.addEventListener("change", sync);
  /* Material's script also closes the menu itself (when a link within the page is followed),
     which fires no change: the state is read again then, and whenever the button is reached. */
  window.addEventListener("hashchange", function () { setTimeout(sync, 0); });
  button.addEventListener("focus", sync);
  sync();
})();
