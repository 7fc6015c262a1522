// Autosave for forms marked data-autosave; htmx posts them while the user types.
// Nothing typed is lost: a failed save keeps the page and says why, a text that is too
// long is held back (and named) while the other fields still save, and leaving the
// page with unsaved text asks first.
(() => {
  const t = (text) => (window.gettext ? window.gettext(text) : text);
  const form = () => document.querySelector("form[data-autosave]");
  const controls = (f) => Array.from(f.elements).filter(
    (el) => el.name && !el.name.startsWith("base-") && !el.name.startsWith("_") && el.name !== "csrfmiddlewaretoken" && el.type !== "submit"
  );

  // A field's value as the page holds it now or, with `served`, as the server wrote it
  // into the page: someone may type before this script has run, and that is a change too.
  function valueOf(f, name, served = false) {
    const els = controls(f).filter((el) => el.name === name);
    if (!els.length) return "";
    const checked = (el) => (served ? el.defaultChecked : el.checked);
    if (els[0].type === "checkbox" || els[0].type === "radio") {
      if (els.length === 1 && els[0].type === "checkbox") return checked(els[0]) ? "on" : "";
      return els.filter(checked).map((el) => el.value).sort().join(",");
    }
    if (!served) return els[0].value;
    if (els[0].tagName === "SELECT") {
      const option = Array.from(els[0].options).find((o) => o.defaultSelected) || els[0].options[0];
      return option ? option.value : "";
    }
    return els[0].defaultValue;
  }

  function setValue(f, name, value) {
    const els = controls(f).filter((el) => el.name === name);
    const list = Array.isArray(value) ? value.map(String) : [value === null || value === undefined ? "" : String(value)];
    for (const el of els) {
      if (el.type === "checkbox" && els.length === 1 && !Array.isArray(value)) el.checked = Boolean(value);
      else if (el.type === "checkbox" || el.type === "radio") el.checked = list.includes(el.value);
      else el.value = list[0];
    }
  }

  const names = (f) => Array.from(new Set(controls(f).map((el) => el.name)));
  const snapshot = (f) => Object.fromEntries(names(f).map((name) => [name, valueOf(f, name)]));

  let saved = {};      // the value of each field as the server last stored it
  let sent = null;     // the values sent with the request in flight
  let refresh = [];    // fields whose feedback the next request asks to draw again
  let leaving = false; // the page is going somewhere on purpose

  function say(message, state) {
    const status = document.getElementById("save-status");
    if (!status) return;
    status.dataset.state = state || "error";
    status.textContent = "";
    const span = document.createElement("span");
    span.className = "text-danger fw-semibold";
    span.textContent = message;
    status.appendChild(span);
  }

  const dirty = (f) => names(f).some((name) => valueOf(f, name) !== saved[name]);

  document.addEventListener("DOMContentLoaded", () => {
    const f = form();
    if (f) saved = Object.fromEntries(names(f).map((name) => [name, valueOf(f, name, true)]));
  });

  // A save sends only the fields that changed since they were last stored, each with
  // its base; the server leaves the others as they are and does not check them again.
  // A field in parts (a question per recipient) stays out when none of its parts changed.
  function sendOnlyChanges(f, params, keep) {
    for (const key of ["_keep_mine", "_take_theirs"]) for (const name of params.getAll(key)) keep.add(name);
    const all = names(f);
    const unchanged = new Set(all.filter((name) => sent[name] === saved[name] && !keep.has(name)));
    for (const name of unchanged) {
      params.delete(name);
      params.delete(`base-${name}`);
    }
    for (const key of Array.from(params.keys())) {
      const name = key.startsWith("base-") ? key.slice(5) : null;
      if (!name || all.includes(name) || keep.has(name)) continue;
      const parts = all.filter((n) => n.startsWith(`${name}-`));
      if (parts.length && parts.every((n) => unchanged.has(n))) params.delete(key);
    }
  }

  document.addEventListener("htmx:configRequest", (event) => {
    const f = event.detail.elt;
    if (!f.matches || !f.matches("form[data-autosave]")) return;
    sent = snapshot(f);
    // A text far too long to send is held back, so that the other fields still save;
    // the server names it beside the field.
    for (const el of f.querySelectorAll("[data-max-chars]")) {
      const max = Number(el.dataset.maxChars);
      if (max && el.value.length > max) {
        event.detail.parameters.delete(el.name);
        event.detail.parameters.delete(`base-${el.name}`);
        event.detail.parameters.append("_held_back", `${el.name}:${el.value.length}`);
      }
    }
    for (const name of refresh) event.detail.parameters.append("_refresh", name);
    sendOnlyChanges(f, event.detail.parameters, new Set(refresh));
    refresh = [];
  });

  // An error answer never replaces the page (django-htmx does that in DEBUG).
  document.addEventListener("htmx:beforeOnLoad", (event) => {
    const xhr = event.detail.xhr;
    if (xhr.status >= 400) event.stopPropagation();
    if (xhr.getResponseHeader("HX-Redirect")) leaving = true;
  }, true);

  document.addEventListener("autosaved", (event) => {
    const f = form();
    if (!f || !sent) return;
    const pending = new Set(event.detail.pending || []);
    for (const [name, value] of Object.entries(sent)) {
      if (!pending.has(name)) saved[name] = value;
    }
    for (const [name, value] of Object.entries(event.detail.values || {})) {
      setValue(f, name, value);
      saved[name] = valueOf(f, name);
    }
  });

  document.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.elt.matches && event.detail.elt.matches("form[data-autosave]")) sent = null;
  });

  document.addEventListener("htmx:responseError", (event) => {
    const code = event.detail.xhr.status;
    if (code === 401) {
      say(t("Niet opgeslagen: uw sessie is verlopen. Uw tekst staat nog op de pagina. Kopieer hem, log opnieuw in en plak hem terug."));
    } else if (code === 403) {
      say(t("Niet opgeslagen: de pagina is verlopen of u mag dit niet wijzigen. Uw tekst staat nog op de pagina; kopieer hem en laad de pagina opnieuw."));
    } else if (code === 413 || code === 400) {
      say(t("Niet opgeslagen: wat u verstuurde is te groot. Uw tekst staat nog op de pagina; maak de langste tekst korter."));
    } else {
      say(t("Niet opgeslagen: er ging iets mis op de server. Uw tekst staat nog op de pagina; het wordt opnieuw geprobeerd als u verder typt."));
    }
  });

  document.addEventListener("htmx:sendError", () => {
    say(t("Niet opgeslagen: geen verbinding. Uw tekst staat nog op de pagina; het wordt opnieuw geprobeerd als u verder typt."));
  });

  // A conflict is settled in the page: "mine" saves the user's text over theirs, "theirs"
  // puts their text in the field. (Without JavaScript the buttons post the same choice.)
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-resolve]");
    const f = button && button.form;
    if (!f || !f.matches("form[data-autosave]")) return;
    event.preventDefault();
    const name = button.value;
    const block = button.closest(".conflict");
    const base = document.getElementById(`base-${name}`);
    if (base) base.value = block.dataset.currentBase;
    if (button.dataset.resolve === "theirs") setValue(f, name, JSON.parse(block.dataset.theirValue));
    block.remove();
    refresh.push(name);
    htmx.trigger(f, "change");
  });

  window.addEventListener("beforeunload", (event) => {
    const f = form();
    if (f && !leaving && dirty(f)) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // A form that posts without htmx (no JavaScript path) is leaving on purpose.
  document.addEventListener("submit", (event) => {
    if (event.target.matches("form:not([data-autosave])")) leaving = true;
  });

  // A field whose feedback shows an error is marked invalid, so a screen reader says so
  // on the field itself (its aria-describedby already points at the feedback).
  function markInvalid(root) {
    const f = form();
    if (!f) return;
    f.querySelectorAll(".field-feedback[id^='feedback-']").forEach((feedback) => {
      const name = feedback.id.slice("feedback-".length);
      const invalid = feedback.querySelector(".text-danger") !== null;
      controls(f).filter((el) => el.name === name).forEach((el) => {
        if (invalid) el.setAttribute("aria-invalid", "true");
        else el.removeAttribute("aria-invalid");
      });
    });
  }
  document.addEventListener("DOMContentLoaded", markInvalid);
  document.addEventListener("htmx:afterSettle", markInvalid);
})();
