// Copy buttons: copy the text of the element named in data-copy and confirm on the button.
const t = (text) => (window.gettext ? window.gettext(text) : text);
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  const text = source.value ?? source.textContent;
  const done = () => {
    const label = button.textContent;
    button.textContent = t("Gekopieerd");
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

// The presentation opens in a window of its own, which its "Sluiten" closes again.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-presentation]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const opened = window.open(link.href, "alk-presentatie");
  if (opened) {
    event.preventDefault();
    opened.focus();
  }
});

// Explanation step: choosing a model opens its script and fades the metaphors that do
// not fit it. The server drops metaphors that do not fit when it saves.
function showModel(modelSlug) {
  document.querySelectorAll("details.model-script").forEach((details) => {
    details.open = details.dataset.model === modelSlug;
  });
  document.querySelectorAll(".metaphor-choice").forEach((card) => {
    const fits = card.dataset.models.split(" ").includes(modelSlug);
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
