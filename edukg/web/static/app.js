// edukg serve: small helpers of our own; every page works without them.
"use strict";
document.addEventListener("keydown", function (event) {
  // Ctrl+Enter (Cmd+Enter) in the SPARQL editor runs the query.
  if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && event.target.tagName === "TEXTAREA") {
    event.preventDefault();
    event.target.form.requestSubmit();
  }
});
