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

/*
 * A form with data-max-upload (bytes) says at once that a chosen file is larger than the server accepts, and keeps it
 * from being sent: the server would refuse the whole request before the page could answer. The message goes to the
 * form's .upload-too-large element; its submit buttons are disabled meanwhile.
 */
document.addEventListener('change', function (event) {
    var input = event.target;
    var form = input.form;
    if (!form || input.type !== 'file' || !form.hasAttribute('data-max-upload')) {
        return;
    }
    var maxBytes = parseInt(form.getAttribute('data-max-upload'), 10);
    var file = input.files && input.files[0];
    var tooLarge = !!file && file.size > maxBytes;
    var message = form.querySelector('.upload-too-large');
    if (message) {
        message.textContent = tooLarge
            ? file.name + ' is ' + (file.size / 1048576).toFixed(1) + ' MB: at most ' + Math.round(maxBytes / 1048576)
                + ' MB can be uploaded. Zip only the Python sources.'
            : '';
    }
    if (tooLarge) {
        input.value = '';
    }
    form.querySelectorAll('button[type=submit], input[type=submit]').forEach(function (button) {
        button.disabled = tooLarge;
        button.classList.toggle('ui-state-disabled', tooLarge);
    });
});

/* Brings a panel that just opened into view and puts the keyboard in its first field that takes input. */
function llmAdminReveal(id) {
    var panel = document.getElementById(id);
    if (!panel) {
        return;
    }
    panel.scrollIntoView({ block: 'nearest' });
    var first = panel.querySelector('input:not([type=hidden]):not([disabled]), button:not([disabled])');
    if (first) {
        first.focus({ preventScroll: true });
    }
}

/* Drops a parameter from the address once what it opened is closed, so a reload does not open it again. */
function llmAdminForgetParameter(name) {
    var url = new URL(window.location.href);
    if (url.searchParams.has(name)) {
        url.searchParams.delete(name);
        window.history.replaceState(null, '', url);
    }
}

/*
 * PrimeFaces' simple file upload hides its native input from assistive technology although the input is what takes
 * the keyboard focus; a focusable element must not be aria-hidden, so the attribute goes.
 */
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[type=file][aria-hidden]').forEach(function (input) {
        input.removeAttribute('aria-hidden');
    });
});

/*
 * Keeps a list's filters, sort and page in the address (the server sends them as the callback parameter listQuery
 * after each change), so a reload, a bookmark or a shared link shows the same view. Other parameters (?saved=) go: they
 * said something once.
 */
function llmAdminListInUrl(args) {
    if (!args || typeof args.listQuery !== 'string') {
        return;
    }
    window.history.replaceState(null, '', window.location.pathname + args.listQuery);
}

/* The row just saved on the model page is brought into view on the list it was highlighted in. */
document.addEventListener('DOMContentLoaded', function () {
    var saved = document.querySelector('tr.saved-row');
    if (saved) {
        saved.scrollIntoView({ block: 'center' });
    }
});

/*
 * PrimeFaces' messages give each list item the role "alert", which takes it out of its list for assistive technology
 * (axe: a list may only hold list items). The live region moves to the box around the list, which announces the same.
 * A MutationObserver also catches messages an ajax update brings.
 */
function llmAdminMessageRoles(root) {
    root.querySelectorAll('.ui-messages ul > li[role=alert]').forEach(function (item) {
        item.removeAttribute('role');
        item.removeAttribute('aria-atomic');
        item.removeAttribute('aria-live');
        var box = item.parentElement.parentElement;
        if (box && !box.hasAttribute('role')) {
            box.setAttribute('role', 'alert');
        }
    });
}
document.addEventListener('DOMContentLoaded', function () {
    llmAdminMessageRoles(document);
    new MutationObserver(function () { llmAdminMessageRoles(document); })
        .observe(document.body, { childList: true, subtree: true });
});

/*
 * A select menu's filter (filter="true") filters on paste as on typing: PrimeFaces listens to key-up only, and a
 * paste with the mouse, or Ctrl+V (a key-up it ignores), changed the text without filtering.
 */
document.addEventListener('input', function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains('ui-selectonemenu-filter') || !window.PrimeFaces) {
        return;
    }
    var menu = PrimeFaces.getWidgetById(input.id.replace(/_filter$/, ''));
    if (menu && typeof menu.filter === 'function') {
        menu.filter(input.value);
    }
});
