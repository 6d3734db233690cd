package org.dsscontractkit.reference.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single data-access layer: a pooled JDBC data source (embedded H2 file or PostgreSQL),
 * migrated by Flyway, with every write run in one transaction.
 */
public final class Database implements AutoCloseable {

    @FunctionalInterface
    public interface Work<T> { T run(Connection c) throws SQLException; }

    @FunctionalInterface
    public interface RowMapper<T> { T map(ResultSet rs) throws SQLException; }

    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** Opens the store: PostgreSQL when {@code jdbcUrl} is given, otherwise an H2 file inside {@code dataDir}. */
    public static Database open(Path dataDir, String jdbcUrl, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        boolean pg = jdbcUrl != null && !jdbcUrl.isBlank();
        if (pg) {
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db-url must be a jdbc:postgresql:// URL, got " + jdbcUrl);
            }
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
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, pg);
    }

    public boolean isPostgres() { return postgres; }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
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
        return inTransaction(c -> query(c, sql, mapper, args));
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
        dataSource.close();
    }
}
