package io.llmadmin.legacy.archfixtures;

/** A fixture: a package-private helper of the facade; its public nested type is not API, so needs no deprecation. */
final class HiddenHelper {

    private HiddenHelper() {}

    /** Public, but reachable only through its package-private owner. */
    public interface Pacer {
        void pace();
    }
}
