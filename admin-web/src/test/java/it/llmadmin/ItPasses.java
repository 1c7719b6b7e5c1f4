package it.llmadmin;

/**
 * The suite runs the ITs twice, once with the IT server on H2 and once on PostgreSQL (the deletion check). These JUnit
 * tags, set on a few costly ITs, run them in the one pass where what they check can differ, and leave them out of the
 * other (failsafe's {@code excludedGroups}, from the {@code it.excluded.groups} property of admin-web's pom). Every other
 * IT runs in both passes.
 */
public final class ItPasses {

    /**
     * What the IT checks is the same on any database: the console's layout, keyboard paths and accessibility (the pages
     * are rendered from the same beans either way), a limiter held in memory. Runs in the H2 pass only.
     */
    public static final String DATABASE_INDEPENDENT = "database-independent";

    /**
     * What the IT checks is the embedded H2 file database's own behaviour (durability across {@code kill -9}, which
     * depends on H2's write settings; PostgreSQL's is PostgreSQL's). Runs in the H2 pass only.
     */
    public static final String EMBEDDED_DATABASE = "embedded-database";

    /**
     * Two instances on one database, as a deployment of several instances runs, which it does on PostgreSQL (H2 can
     * only be shared through its test-only AUTO_SERVER mode). Runs in the PostgreSQL pass only.
     */
    public static final String SHARED_DATABASE = "shared-database";

    private ItPasses() {}
}
