/**
 * Pulls of local models into an Ollama server. A pull's state lives in the database, not in one instance's memory,
 * because every admin (on whichever instance serves their console) must see its progress, after a reload too.
 */
package io.llmadmin.domain.ollama;
