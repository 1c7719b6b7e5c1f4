package io.llmadmin.services.llm;

/**
 * The audio a speech call produced.
 *
 * @param model the catalog id of the model
 * @param contentType the audio's media type as the service sent it
 * @param audio the audio bytes
 */
public record SpeechAudio(String model, String contentType, byte[] audio) {

    public SpeechAudio {
        audio = audio.clone();
    }

    @Override
    public byte[] audio() {
        return audio.clone();
    }

    @Override
    public String toString() {
        return "SpeechAudio[" + model + ", " + contentType + ", " + audio.length + " bytes]";
    }
}
