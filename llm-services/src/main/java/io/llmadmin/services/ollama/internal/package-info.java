/**
 * The Ollama feature's machinery: a small HTTP client for Ollama's own API (LangChain4j's Ollama module lists and
 * deletes models but cannot follow a pull's progress stream), the endpoint allow-list, the pull jobs in the database
 * run on the managed executor, and the selection ranking.
 */
package io.llmadmin.services.ollama.internal;
