package org.dsscontractkit.reference.it;

/** The permission matrix with the configuration in a throwaway PostgreSQL cluster. */
class PostgresStorePermissionMatrixIT extends PermissionMatrix {
    @Override Store openStore() throws Exception { return Store.postgres(); }
}
