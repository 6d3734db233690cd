package org.dsscontractkit.reference.it;

/** The API suite on the default store: an H2 database file in the data directory. */
class EmbeddedStoreIT extends ApiSuite {
    @Override Store openStore() { return Store.embedded(); }
}
