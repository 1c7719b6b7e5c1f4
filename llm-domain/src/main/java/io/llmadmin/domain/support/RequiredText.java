package io.llmadmin.domain.support;

/** A text an entity cannot be without: present, not blank, and short enough for its column. */
public final class RequiredText {

    private RequiredText() {}

    /**
     * @return {@code value}, when it is neither null nor blank and at most {@code maxLength} characters long
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    public static String require(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
        }
        return value;
    }
}
