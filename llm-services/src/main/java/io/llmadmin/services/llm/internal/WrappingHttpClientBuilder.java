package io.llmadmin.services.llm.internal;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A LangChain4j HTTP client builder whose clients are another builder's, wrapped: how a reader of OpenAI's raw answer
 * (several choices, streamed chunks) sits between a LangChain4j model and the provider transport. Timeouts go to the
 * wrapped builder.
 */
record WrappingHttpClientBuilder(HttpClientBuilder delegate, UnaryOperator<HttpClient> wrap)
        implements HttpClientBuilder {

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        delegate.connectTimeout(timeout);
        return this;
    }

    @Override
    public Duration readTimeout() {
        return delegate.readTimeout();
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        delegate.readTimeout(timeout);
        return this;
    }

    @Override
    public HttpClient build() {
        return wrap.apply(delegate.build());
    }
}
