// "Go back to the form" on the error pages: going back in history lets the browser restore
// what was typed; the link's own address (the form, reloaded empty) is the fallback.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-history-back]");
  if (!link || !document.referrer) {
    return;
  }
  if (new URL(document.referrer).origin === window.location.origin) {
    event.preventDefault();
    window.history.back();
  }
});
