/* The console's few scripts. */

/* Copies the value of an input to the clipboard and says so in a live region (falls back to selecting the text). */
function llmAdminCopy(inputId, statusId) {
    var input = document.getElementById(inputId);
    var status = document.getElementById(statusId);
    var done = function () { status.textContent = 'Copied to the clipboard.'; };
    var fallback = function () {
        input.focus();
        input.select();
        try {
            if (document.execCommand('copy')) { done(); return; }
        } catch (e) { /* below */ }
        status.textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.';
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, fallback);
    } else {
        fallback();
    }
}
