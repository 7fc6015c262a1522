// Arrow keys, space and page keys browse the slides; F toggles full screen; Escape closes.
const fullscreenButton = document.getElementById("fullscreen");
function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen().catch(() => {});
}
if (fullscreenButton && document.fullscreenEnabled) {
  fullscreenButton.hidden = false;
  fullscreenButton.addEventListener("click", toggleFullscreen);
}
document.addEventListener("keydown", (event) => {
  const go = (id) => { const link = document.getElementById(id); if (link) link.click(); };
  if (["ArrowRight", "PageDown", " "].includes(event.key)) { event.preventDefault(); go("next"); }
  if (["ArrowLeft", "PageUp"].includes(event.key)) { event.preventDefault(); go("previous"); }
  if (event.key === "f" || event.key === "F") toggleFullscreen();
  if (event.key === "Escape" && !document.fullscreenElement) go("close");
});
