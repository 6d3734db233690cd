package org.dsscontractkit.reference.it;

/** The same API suite with the configuration in a throwaway PostgreSQL cluster (src/test/pg/start-postgres.sh). */
class PostgresStoreIT extends ApiSuite {
    @Override Store openStore() throws Exception { return Store.postgres(); }
}
