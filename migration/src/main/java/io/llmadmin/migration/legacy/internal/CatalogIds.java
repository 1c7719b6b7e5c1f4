package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The catalog id of a legacy row that has none (Django's {@code ModelConfiguration} has no slug column), derived from
 * its model name, deterministically, so that every run maps the same row onto the same entry:
 *
 * <ol>
 *   <li>Unicode-decompose the name (NFKD) and drop the combining marks ({@code Modèle} becomes {@code Modele});
 *   <li>lower-case it;
 *   <li>replace every run of characters other than {@code a-z 0-9 . _ -} by one {@code -} ({@code openai/gpt-4o} becomes
 *       {@code openai-gpt-4o}, {@code Llama 3.1 8B} becomes {@code llama-3.1-8b});
 *   <li>strip separators from both ends;
 *   <li>when nothing is left (a name in a script without Latin letters, {@code 通义千问}): {@code model-} and the first 12
 *       hex digits of the SHA-256 of the name;
 *   <li>when longer than 100 characters: the first 87, then {@code -} and those 12 hex digits.
 * </ol>
 *
 * A value that is a valid catalog id already is kept as it is, so a metadata row's {@code id} passes unchanged.
 */
public final class CatalogIds {

    private static final Pattern VALID = Pattern.compile(ModelConfiguration.CATALOG_ID_PATTERN);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHERS = Pattern.compile("[^a-z0-9._-]+");
    private static final Pattern EDGES = Pattern.compile("^[._-]+|[._-]+$");
    private static final int MAX = 100;

    private CatalogIds() {}

    /** The catalog id for a legacy name or id; see the class comment for the rule. */
    public static String derive(String name) {
        if (VALID.matcher(name).matches()) {
            return name;
        }
        String decomposed =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String slug = OTHERS.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = EDGES.matcher(slug).replaceAll("");
        if (slug.isEmpty()) {
            return "model-" + hash(name);
        }
        if (slug.length() > MAX) {
            String head = EDGES.matcher(slug.substring(0, MAX - 13)).replaceAll("");
            return head + "-" + hash(name);
        }
        return slug;
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
