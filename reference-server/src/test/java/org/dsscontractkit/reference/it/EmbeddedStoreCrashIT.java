package org.dsscontractkit.reference.it;

/** Crash durability on the default store: the H2 database file in the data directory. */
class EmbeddedStoreCrashIT extends CrashSuite {
    @Override Store openStore() { return Store.embedded(); }
}
