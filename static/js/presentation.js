// Arrow keys, space and page keys browse the slides; Escape closes.
document.addEventListener("keydown", (event) => {
  const go = (id) => { const link = document.getElementById(id); if (link) link.click(); };
  if (["ArrowRight", "PageDown", " "].includes(event.key)) { event.preventDefault(); go("next"); }
  if (["ArrowLeft", "PageUp"].includes(event.key)) { event.preventDefault(); go("previous"); }
  if (event.key === "Escape") go("close");
});
