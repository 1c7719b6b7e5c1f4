package it.llmadmin.gateway;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import it.llmadmin.SecretScan;
import it.llmadmin.ServerUnderTest;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * OpenAI's Java SDK (over OkHttp) pointed at the gateway with a key, its answers checked for the ITs' secrets like
 * every answer {@link ServerUnderTest#send} receives: the interceptor reads a copy of each answer (a stream as a whole,
 * once the server has ended it) before the SDK reads it.
 */
final class OpenAiClients {

    private OpenAiClients() {}

    static OpenAIClient forKey(String token) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(ServerUnderTest.uri("/openai/v1").toString())
                .apiKey(token)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .addInterceptor(OpenAiClients::scanned)
                .build();
    }

    private static Response scanned(Interceptor.Chain chain) throws java.io.IOException {
        Response answer = chain.proceed(chain.request());
        SecretScan.checkAnswer(
                "openai-java " + chain.request().method() + " "
                        + chain.request().url().encodedPath(),
                answer.headers() + "\n" + answer.peekBody(Long.MAX_VALUE).string());
        return answer;
    }
}
