package org.dsscontractkit.reference.storage;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The H2 database file behind the pool, for {@link GroupCommit}: writes every committed transaction into it, and
 * forces it to the disk.
 * <p>
 * H2 keeps commits in memory and writes them from a background thread every {@code WRITE_DELAY} (500 ms), so a
 * process killed meanwhile loses them. Its SQL has no "write now and wait" that is safe while that thread runs:
 * {@code CHECKPOINT [SYNC]} returns at once when the background thread has already taken the changes, although
 * its write may still be queued. So this goes to H2's store ({@link MVStore}, reached through H2's engine classes):
 * store what is unsaved, wait until every queued write is in the file, then fsync. The background thread stays on,
 * and with it H2's chunk compaction. ({@code WRITE_DELAY=0} would write each commit synchronously but stops that
 * thread: the file then grew by 11-33 KB per commit, 190 MB for 17,000 project creations.)
 */
final class H2StoreFile {
    private final MVStore store;

    private H2StoreFile(MVStore store) {
        this.store = store;
    }

    /** The file of the H2 database {@code c} is connected to. */
    static H2StoreFile of(Connection c) throws SQLException {
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        return new H2StoreFile(session.getDatabase().getStore().getMvStore());
    }

    /** Returns once every transaction committed before the call is written to the file (maybe only in the page cache). */
    void writeCommitted() {
        // stores what no background write has taken yet, and waits for that write...
        store.commit();
        // ...and waits for the background writes already queued, which may hold the rest
        store.executeFilestoreOperation(() -> { });
    }

    /** Forces the file's content to the disk (FileChannel.force). */
    void force() {
        store.sync();
    }
}
