// Enhances the pickers of lsip/core/widgets.py with GOV.UK's accessible-autocomplete
// (docs/decisions/0040-pickers.md). Without JavaScript each stays a plain <select>.
//
// - <select data-module="lsip-picker">: a search box in place of the select
//   (accessibleAutocomplete.enhanceSelectElement); emptying the box empties the choice.
// - <select multiple data-module="lsip-picker-multiple">: a search box that adds each
//   chosen item to a list of checkboxes below it. The select, hidden, still carries the
//   choices when the form is sent; ticking or unticking a checkbox changes it.
// - <input|textarea data-module="lsip-code-search" data-source="API URL">: a labelled search
//   box after the field, over the public SOC/SIC API; choosing a result writes its code into
//   the input, or adds it to the list in a text area. The field itself stays as it was.
//
// accessible-autocomplete is copied into static/dist by frontend/build.mjs and loaded only on
// pages with a picker.
(function () {
  "use strict";
  var script = document.currentScript;
  var dist = (script && script.getAttribute("data-dist")) || "/static/dist/";

  function optionText(option) {
    return (option.textContent || "").trim();
  }

  // The field's hint and error message describe the search box too (alongside the library's
  // own instructions, which it drops once something is typed).
  function describe(id, describedBy) {
    var input = document.getElementById(id);
    if (input && describedBy) {
      input.setAttribute("aria-describedby", describedBy + " " + id + "__assistiveHint");
    }
  }

  function enhanceOne(select) {
    var id = select.id;
    var describedBy = select.getAttribute("aria-describedby");
    select.required = false; // hidden, it cannot take the focus to say so; the server does
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: "",
      showAllValues: false,
      inputClasses: select.classList.contains("govuk-select--error") ? "govuk-input--error" : "",
      onConfirm: function (chosen) {
        var input = document.getElementById(id);
        if (chosen === undefined) {
          if (input && !input.value.trim()) select.value = "";
          return;
        }
        Array.prototype.forEach.call(select.options, function (option) {
          if (optionText(option) === chosen) option.selected = true;
        });
      },
    });
    describe(id, describedBy);
  }

  function checkboxFor(select, option, list, index) {
    var id = select.id + "-chosen-" + index;
    var item = document.createElement("div");
    item.className = "govuk-checkboxes__item";
    var box = document.createElement("input");
    box.className = "govuk-checkboxes__input";
    box.type = "checkbox";
    box.id = id;
    box.checked = true;
    box.addEventListener("change", function () {
      option.selected = box.checked;
    });
    var label = document.createElement("label");
    label.className = "govuk-label govuk-checkboxes__label";
    label.htmlFor = id;
    label.textContent = optionText(option);
    item.appendChild(box);
    item.appendChild(label);
    list.appendChild(item);
    return box;
  }

  function enhanceMultiple(select) {
    var id = select.id;
    var options = Array.prototype.filter.call(select.options, function (o) { return o.value; });
    var boxes = {}; // option value: its checkbox, once chosen

    var hint = document.getElementById(id + "_helptext");
    if (hint && select.getAttribute("data-hint")) hint.textContent = select.getAttribute("data-hint");

    var search = document.createElement("div");
    var chosen = document.createElement("fieldset");
    chosen.className = "govuk-fieldset lsip-picker__chosen";
    var legend = document.createElement("legend");
    legend.className = "govuk-fieldset__legend govuk-fieldset__legend--s";
    legend.textContent = select.getAttribute("data-chosen-label") || "Chosen";
    var empty = document.createElement("p");
    empty.className = "govuk-body govuk-hint";
    empty.textContent = "None yet.";
    var list = document.createElement("div");
    list.className = "govuk-checkboxes govuk-checkboxes--small";
    var status = document.createElement("div");
    status.className = "govuk-visually-hidden";
    status.setAttribute("role", "status");
    chosen.appendChild(legend);
    chosen.appendChild(empty);
    chosen.appendChild(list);
    chosen.appendChild(status);
    select.parentNode.insertBefore(search, select);
    select.parentNode.insertBefore(chosen, select);

    function add(option) {
      var box = boxes[option.value];
      if (!box) box = boxes[option.value] = checkboxFor(select, option, list, options.indexOf(option));
      box.checked = true;
      option.selected = true;
      empty.hidden = true;
    }

    options.forEach(function (option) { if (option.selected) add(option); });
    empty.hidden = options.some(function (o) { return o.selected; });

    select.hidden = true;
    select.id = id + "-select";
    var describedBy = select.getAttribute("aria-describedby");
    window.accessibleAutocomplete({
      element: search,
      id: id,
      name: "",
      minLength: 1,
      confirmOnBlur: false,
      inputClasses: select.classList.contains("govuk-select--error") ? "govuk-input--error" : "",
      source: function (query, populate) {
        var words = query.toLowerCase();
        populate(options.filter(function (option) {
          return !option.selected && optionText(option).toLowerCase().indexOf(words) !== -1;
        }).map(optionText));
      },
      // After a choice the box empties, ready for the next.
      templates: {
        inputValue: function () { return ""; },
        suggestion: function (text) { return text || ""; },
      },
      onConfirm: function (text) {
        var option = options.filter(function (o) { return optionText(o) === text; })[0];
        if (!option) return;
        add(option);
        var count = options.filter(function (o) { return o.selected; }).length;
        status.textContent = "Added " + text + ". " + count + " chosen.";
      },
    });
    describe(id, describedBy);
  }

  function addCode(field, code) {
    var value = field.value.replace(/\s+$/, "");
    if (field.tagName !== "TEXTAREA") {
      field.value = code;
      return;
    }
    var codes = value.split(/[\s,;]+/).filter(Boolean);
    if (codes.indexOf(code) !== -1) return;
    field.value = !value ? code : value + (value.indexOf("\n") !== -1 ? "\n" : ", ") + code;
  }

  function enhanceCodeSearch(field) {
    var id = field.id + "-search";
    var url = field.getAttribute("data-source");
    var level = field.getAttribute("data-level");
    var codes = {}; // suggestion text: its code
    var group = document.createElement("div");
    group.className = "lsip-code-search";
    var label = document.createElement("label");
    label.className = "govuk-label";
    label.htmlFor = id;
    label.textContent = field.getAttribute("data-search-label");
    var box = document.createElement("div");
    var status = document.createElement("div");
    status.className = "govuk-visually-hidden";
    status.setAttribute("role", "status");
    group.appendChild(label);
    group.appendChild(box);
    group.appendChild(status);
    field.parentNode.insertBefore(group, field.nextSibling);
    window.accessibleAutocomplete({
      element: box,
      id: id,
      name: "",
      minLength: 2,
      confirmOnBlur: false,
      source: function (query, populate) {
        var address = url + "?q=" + encodeURIComponent(query) + (level ? "&level=" + level : "");
        fetch(address, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            populate((data.results || []).map(function (result) {
              var text = result.code + " " + result.title;
              codes[text] = result.code;
              return text;
            }));
          })
          .catch(function () { populate([]); });
      },
      templates: {
        inputValue: function () { return ""; },
        suggestion: function (text) { return text || ""; },
      },
      onConfirm: function (text) {
        if (!codes[text]) return;
        addCode(field, codes[text]);
        status.textContent = (field.tagName === "TEXTAREA" ? "Added " : "Chose ") + text + ".";
      },
    });
  }

  function enhanceAll() {
    document.querySelectorAll('select[data-module="lsip-picker"]').forEach(enhanceOne);
    document.querySelectorAll('select[data-module="lsip-picker-multiple"]').forEach(enhanceMultiple);
    document.querySelectorAll('[data-module="lsip-code-search"]').forEach(enhanceCodeSearch);
  }

  if (!document.querySelector('[data-module^="lsip-picker"], [data-module="lsip-code-search"]')) {
    return;
  }
  var library = document.createElement("script");
  library.src = dist + "accessible-autocomplete.min.js";
  library.onload = enhanceAll;
  library.onerror = function () {
    window.console && console.error("lsip pickers: cannot load " + library.src);
  };
  document.head.appendChild(library);
})();
