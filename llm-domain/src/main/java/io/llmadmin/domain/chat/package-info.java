/**
 * Multi-turn chat sessions: a {@link io.llmadmin.domain.chat.ChatSession} holds its messages in order, each with a
 * validated {@link io.llmadmin.domain.chat.MessageRole}, so a conversation can be continued after a restart.
 */
package io.llmadmin.domain.chat;
