// The one-tap answers in a check-in mail open the page with the answer chosen: a browser sends it at once,
// a mail scanner that only fetches the link changes nothing.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-autosubmit]");
  if (form) form.requestSubmit();
});
