// The presentation runs in a window of its own, opened from the consult (app.js).
// Arrow keys, space and page keys browse the slides; F toggles full screen; Escape closes.
// Browsing replaces the page instead of adding to the history, so that "Sluiten" can
// close this window and the GP is back in the tab the presentation came from.
const fullscreenButton = document.getElementById("fullscreen");
function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen().catch(() => {});
}
if (fullscreenButton && document.fullscreenEnabled) {
  fullscreenButton.hidden = false;
  fullscreenButton.addEventListener("click", toggleFullscreen);
}

function closePresentation(event) {
  if (window.opener && !window.opener.closed) {
    if (event) event.preventDefault();
    window.opener.focus();
    window.close();
  }
  // Opened without a window of its own: the link goes back to the explanation step.
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a#previous, a#next");
  if (link) {
    event.preventDefault();
    window.location.replace(link.href);
  } else if (event.target.closest("a#close")) {
    closePresentation(event);
  }
});

document.addEventListener("keydown", (event) => {
  const go = (id) => { const link = document.getElementById(id); if (link) link.click(); };
  if (["ArrowRight", "PageDown", " "].includes(event.key)) { event.preventDefault(); go("next"); }
  if (["ArrowLeft", "PageUp"].includes(event.key)) { event.preventDefault(); go("previous"); }
  if (event.key === "f" || event.key === "F") toggleFullscreen();
  if (event.key === "Escape" && !document.fullscreenElement) go("close");
});
