package org.dsscontractkit.reference.it;

/**
 * Crash durability with the configuration in PostgreSQL (a throwaway cluster, src/test/pg/start-postgres.sh): the
 * reference server is killed, PostgreSQL keeps running, and the dataset files stay in the data directory.
 */
class PostgresStoreCrashIT extends CrashSuite {
    @Override Store openStore() throws Exception { return Store.postgres(); }
}
