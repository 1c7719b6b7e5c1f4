package io.llmadmin.services.vault.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The real process environment ({@link System#getenv(String)}). */
@ApplicationScoped
public class SystemEnvironment implements EnvironmentSource {

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isEmpty());
    }
}
