// Copy buttons: copy the text of the element named in data-copy and confirm on the button.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  const text = source.value ?? source.textContent;
  const done = () => {
    const label = button.textContent;
    button.textContent = "Gekopieerd";
    setTimeout(() => { button.textContent = label; }, 2000);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => { source.select(); document.execCommand("copy"); done(); });
  } else {
    source.select();
    document.execCommand("copy");
    done();
  }
});

// When an autosave fails, say so where the GP looks; the form keeps what was typed.
function showSaveProblem(message) {
  const status = document.getElementById("save-status");
  if (!status) return;
  status.innerHTML = "";
  const span = document.createElement("span");
  span.className = "text-danger fw-semibold";
  span.textContent = message;
  status.appendChild(span);
}
document.addEventListener("htmx:responseError", (event) => {
  const code = event.detail.xhr.status;
  if (code === 401) {
    showSaveProblem("Niet opgeslagen: uw sessie is verlopen. Kopieer uw tekst, log opnieuw in en plak hem terug.");
  } else if (code === 403) {
    showSaveProblem("Niet opgeslagen: de pagina is verlopen. Kopieer uw tekst en laad de pagina opnieuw.");
  } else if (code === 413 || code === 400) {
    showSaveProblem("Niet opgeslagen: de tekst is te groot om te versturen. Maak hem korter.");
  } else {
    showSaveProblem("Niet opgeslagen: er ging iets mis op de server. Uw tekst staat nog in het formulier; probeer het zo opnieuw.");
  }
});
document.addEventListener("htmx:sendError", () => {
  showSaveProblem("Niet opgeslagen: geen verbinding. Uw tekst staat nog in het formulier; het wordt opnieuw geprobeerd als u verder typt.");
});

// Explanation step: choosing a model opens its script and fades the metaphors that do
// not fit it. The server checks the fit as well; this only guides the eye.
function showModel(modelId) {
  document.querySelectorAll("details.model-script").forEach((details) => {
    details.open = details.dataset.model === modelId;
  });
  document.querySelectorAll(".metaphor-choice").forEach((card) => {
    const fits = card.dataset.models.split(" ").includes(modelId);
    card.classList.toggle("does-not-fit", !fits);
  });
}
document.addEventListener("change", (event) => {
  if (event.target.name === "explanation_model") showModel(event.target.value);
});
document.addEventListener("DOMContentLoaded", () => {
  const chosen = document.querySelector('input[name="explanation_model"]:checked');
  if (chosen) showModel(chosen.value);
});
