package io.llmadmin.services.usage.internal;

import io.llmadmin.services.usage.UsageEvent;
import java.util.List;

/** Writes one batch of events, all or nothing. */
public interface UsageWriter {

    void write(List<UsageEvent> batch);
}
