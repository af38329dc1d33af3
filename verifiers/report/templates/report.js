(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-verdict]"));
  var choices = Array.prototype.slice.call(document.querySelectorAll("input[name=show]"));
  var status = document.getElementById("filter-status");

  function apply(value) {
    var parts = value.split("=");
    var kind = parts[0], wanted = parts[1] || "";
    var shown = 0;
    cards.forEach(function (card) {
      var flags = (card.getAttribute("data-flags") || "").split(" ");
      var visible = kind === "all" ||
        (kind === "verdict" && card.getAttribute("data-verdict") === wanted) ||
        (kind === "flag" && flags.indexOf(wanted) >= 0) ||
        (kind === "attention" && card.getAttribute("data-attention") === "yes");
      card.hidden = !visible;
      if (visible) { shown += 1; }
    });
    choices.forEach(function (choice) { choice.checked = choice.value === value; });
    if (status) {
      status.textContent = "Showing " + shown + " of " + cards.length + " findings.";
    }
  }

  function fromHash() {
    var value = decodeURIComponent(window.location.hash.replace(/^#show:/, ""));
    var known = choices.some(function (choice) { return choice.value === value; });
    apply(known ? value : "all");
  }

  choices.forEach(function (choice) {
    choice.addEventListener("change", function () {
      history.replaceState(null, "", "#show:" + encodeURIComponent(choice.value));
      apply(choice.value);
    });
  });
  window.addEventListener("hashchange", fromHash);
  document.documentElement.classList.add("scripted");
  fromHash();
})();
