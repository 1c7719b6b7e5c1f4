package io.llmadmin.legacy.archfixtures;

/**
 * A fixture: a facade type whose method someone forgot to deprecate, which the rule must refuse.
 *
 * @deprecated Use nothing instead: it is a fixture.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
public class UndeprecatedHelper {

    /** @deprecated Use nothing instead: it is a fixture. */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public UndeprecatedHelper() {}

    public String help() {
        return "help";
    }
}
