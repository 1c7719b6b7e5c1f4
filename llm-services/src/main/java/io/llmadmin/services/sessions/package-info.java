/**
 * Multi-turn chat sessions kept in the database: create a session for a model, send user turns (the whole history goes
 * to the model, the user turn and the answer are stored together only when the call succeeded), read the history back
 * after a restart, clear or delete it. {@link io.llmadmin.services.sessions.ChatSessions} is the entry point.
 */
package io.llmadmin.services.sessions;
