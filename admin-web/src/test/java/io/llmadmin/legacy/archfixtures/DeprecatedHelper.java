package io.llmadmin.legacy.archfixtures;

/**
 * A fixture: a facade type as the rule wants it.
 *
 * @deprecated Use nothing instead: it is a fixture.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
public record DeprecatedHelper(String name) {

    /** @deprecated Use nothing instead: it is a fixture. */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static DeprecatedHelper of(String name) {
        return new DeprecatedHelper(name);
    }
}
