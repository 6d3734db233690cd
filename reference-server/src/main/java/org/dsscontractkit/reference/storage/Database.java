package org.dsscontractkit.reference.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single data-access layer: a pooled JDBC data source (embedded H2 file or PostgreSQL),
 * migrated by Flyway, with every write run in one transaction.
 * <p>
 * A write is answered 2xx once {@link #inTransaction} returns, so it must be durable by then. PostgreSQL commits
 * durably itself (with its default {@code synchronous_commit=on} the WAL is fsynced before COMMIT returns; a server
 * configured otherwise is reported at start). H2 does not: it writes commits from a background thread every 500 ms,
 * and a process killed meanwhile loses them. So after an H2 write transaction the caller waits for a
 * {@link GroupCommit}: the committed data written to the file ({@link H2StoreFile}) and fsynced, one run for all the
 * transactions that committed meanwhile.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * How an H2 commit is made durable before it is acknowledged: {@code fsync} (the default: written to the file
     * and forced to the disk, survives a crash of the process or the machine), {@code write} (written to the file
     * only: survives a crash of the process; to measure what the fsync costs) or {@code delayed} (H2's own
     * behaviour, written within 500 ms: a crash loses the last writes; how CrashSuite is shown to fail). Not a
     * production option, hence not a command line flag.
     */
    static final String H2_COMMIT_PROPERTY = "dss.store.h2.commit";

    private enum H2Commit { FSYNC, WRITE, DELAYED }

    @FunctionalInterface
    public interface Work<T> { T run(Connection c) throws SQLException; }

    @FunctionalInterface
    public interface RowMapper<T> { T map(ResultSet rs) throws SQLException; }

    /**
     * The opened store: {@code groupCommit} is what a write transaction waits for after its commit; null where the
     * commit itself is durable (PostgreSQL).
     */
    private record Store(HikariDataSource dataSource, GroupCommit groupCommit) {}

    /**
     * Opening (the pool's first connection, H2's file, Flyway's migration: over a second of a cold start) runs on its
     * own thread while the HTTP applications are built; every use waits for it.
     */
    private final CompletableFuture<Store> opening;
    private final boolean postgres;
    private final AtomicLong writes = new AtomicLong();

    private Database(CompletableFuture<Store> opening, boolean postgres) {
        this.opening = opening;
        this.postgres = postgres;
    }

    /**
     * Opens the store: PostgreSQL when {@code jdbcUrl} is given, otherwise an H2 file inside {@code dataDir}. Returns
     * at once; the first use waits for the opening and throws what made it fail ({@link #awaitOpen()} to wait
     * explicitly).
     */
    public static Database open(Path dataDir, String jdbcUrl, String user, String password) {
        boolean pg = jdbcUrl != null && !jdbcUrl.isBlank();
        H2Commit h2Commit = h2Commit();
        if (pg && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db-url must be a jdbc:postgresql:// URL, got " + jdbcUrl);
        }
        CompletableFuture<Store> opening = new CompletableFuture<>();
        Database db = new Database(opening, pg);
        Thread opener = new Thread(() -> {
            try {
                Store store = openStore(dataDir, pg, jdbcUrl, user, password, h2Commit);
                opening.complete(store);
                db.reportDurability(h2Commit);
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "dss-store-open");
        opener.setDaemon(true);
        opener.start();
        return db;
    }

    /** Waits until the store is open; throws what made the opening fail. */
    public void awaitOpen() {
        store();
    }

    private Store store() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new StorageException("The store could not be opened: " + e.getCause(), e.getCause());
        }
    }

    private static Store openStore(Path dataDir, boolean pg, String jdbcUrl, String user, String password, H2Commit h2Commit) {
        HikariConfig cfg = new HikariConfig();
        if (pg) {
            cfg.setJdbcUrl(jdbcUrl);
            if (user != null) cfg.setUsername(user);
            if (password != null) cfg.setPassword(password);
        } else {
            cfg.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/dss") + ";DB_CLOSE_ON_EXIT=FALSE");
            cfg.setUsername("sa");
            cfg.setPassword("");
        }
        cfg.setPoolName("dss-store");
        cfg.setMaximumPoolSize(8);
        cfg.setAutoCommit(true);
        cfg.setInitializationFailTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(cfg);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            GroupCommit groupCommit = null;
            if (!pg && h2Commit != H2Commit.DELAYED) {
                H2StoreFile file;
                try (Connection c = ds.getConnection()) {
                    file = H2StoreFile.of(c);
                }
                boolean fsync = h2Commit == H2Commit.FSYNC;
                groupCommit = new GroupCommit("dss-store-commit", () -> {
                    file.writeCommitted();
                    if (fsync) file.force();
                });
            }
            return new Store(ds, groupCommit);
        } catch (SQLException e) {
            ds.close();
            throw new StorageException(e);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static H2Commit h2Commit() {
        String mode = System.getProperty(H2_COMMIT_PROPERTY, "fsync");
        try {
            return H2Commit.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(H2_COMMIT_PROPERTY + " must be fsync, write or delayed, got '" + mode + "'");
        }
    }

    private void reportDurability(H2Commit h2Commit) {
        if (postgres) {
            String syncCommit = query("SHOW synchronous_commit", rs -> rs.getString(1)).get(0);
            String fsync = query("SHOW fsync", rs -> rs.getString(1)).get(0);
            if (syncCommit.equals("off") || fsync.equals("off")) {
                LOG.warn("PostgreSQL runs with synchronous_commit={} and fsync={}: writes answered 2xx survive a crash of this"
                        + " server, not a crash of PostgreSQL or of its machine", syncCommit, fsync);
            }
        } else if (h2Commit == H2Commit.DELAYED) {
            LOG.warn("Embedded store with {}=delayed: the writes answered 2xx in the last 500 ms before a crash are LOST",
                    H2_COMMIT_PROPERTY);
        } else if (h2Commit == H2Commit.WRITE) {
            LOG.warn("Embedded store with {}=write: writes answered 2xx survive a crash of this process, not of the machine",
                    H2_COMMIT_PROPERTY);
        }
    }

    public boolean isPostgres() { return postgres; }

    /**
     * Counts the write transactions this server ran (ended, committed or not): what was read from the store before
     * is still current while this has not moved, unless another process writes to the same database.
     */
    public long writeGeneration() { return writes.get(); }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Once it returns
     * the commit is durable, and may be acknowledged.
     */
    public <T> T inTransaction(Work<T> work) {
        T result;
        try {
            result = transact(work);
        } finally {
            writes.incrementAndGet();
        }
        // after the connection went back to the pool: committers waiting for the shared fsync hold none
        GroupCommit groupCommit = store().groupCommit();
        if (groupCommit != null) groupCommit.awaitDurable();
        return result;
    }

    private <T> T transact(Work<T> work) {
        try (Connection c = store().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return transact(c -> query(c, sql, mapper, args));
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... args) {
        return inTransaction(c -> update(c, sql, args));
    }

    /**
     * Inserts a row whose key must be new; a key already taken raises {@link DuplicateKeyException}
     * with {@code conflictMessage} (SQLSTATE class 23 on both H2 and PostgreSQL).
     */
    public void insertUnique(String conflictMessage, String sql, Object... args) {
        try {
            update(sql, args);
        } catch (StorageException e) {
            if (e.isConstraintViolation()) throw new DuplicateKeyException(conflictMessage);
            throw e;
        }
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(mapper.map(rs));
                return out;
            }
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    }

    @Override
    public void close() {
        Store store;
        try {
            store = opening.join();
        } catch (CompletionException failedToOpen) {
            return;
        }
        if (store.groupCommit() != null) store.groupCommit().close();
        store.dataSource().close();
    }
}
