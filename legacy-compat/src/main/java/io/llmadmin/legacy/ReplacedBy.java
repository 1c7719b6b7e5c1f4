package io.llmadmin.legacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the native API that replaces a facade type, so the architecture gate can tell whoever still imports it where
 * to go. The rule reads it
 * by name, without depending on this module.
 *
 * @deprecated Goes with the rest of the facade.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Deprecated(forRemoval = true, since = "0.1.0")
public @interface ReplacedBy {

    /**
     * The fully qualified name of the replacement type (or types, comma separated).
     *
     * @deprecated Goes with the facade.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    String value();
}
