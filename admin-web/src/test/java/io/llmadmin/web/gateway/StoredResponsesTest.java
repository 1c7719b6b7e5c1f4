package io.llmadmin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredResponsesTest {

    @Test
    void should_read_back_a_stored_conversation_with_images_tool_calls_and_tool_results_as_it_was() {
        List<ChatMessage> conversation = List.of(
                ChatMessage.system("Be brief"),
                ChatMessage.user("What is this? \"quoted\"", List.of("data:image/png;base64,iVBORw0KGgo=")),
                ChatMessage.assistant("", List.of(new ToolCall("call_1", "look", "{\"at\":\"it\"}"))),
                ChatMessage.toolResult("call_1", "look", "a cat"),
                ChatMessage.assistant("A cat."));

        List<ChatMessage> read = StoredResponses.conversation(StoredResponses.conversationJson(conversation));

        assertThat(read).isEqualTo(conversation);
    }
}
