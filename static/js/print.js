// The handout's print button, and printing straight away when the outputs page sent the
// GP here to print (#afdrukken). The print stylesheet hides the toolbar.
(() => {
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) {
      event.preventDefault();
      window.print();
    }
  });
  window.addEventListener("load", () => {
    if (window.location.hash === "#afdrukken") window.print();
  });
})();
