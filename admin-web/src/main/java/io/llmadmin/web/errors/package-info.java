/**
 * The one error shape of every HTTP API: a JSON object with the status, a short reason, a message a person can act on,
 * and where it helps the valid values. Nothing internal (stack traces, SQL, secrets) ever reaches it.
 */
package io.llmadmin.web.errors;
