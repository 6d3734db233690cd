package org.dsscontractkit.reference.it;

/** The permission matrix on the default store (an H2 file in the data directory). */
class EmbeddedStorePermissionMatrixIT extends PermissionMatrix {
    @Override Store openStore() { return Store.embedded(); }
}
