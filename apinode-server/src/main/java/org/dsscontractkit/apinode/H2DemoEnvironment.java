package org.dsscontractkit.apinode;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.dsscontractkit.apinode.lookup.SqlTableDataset;

/**
 * The standalone environment: an embedded H2 database (file under the data dir) holding the demo tables
 * {@code passengers} and {@code customers}, exposed as connection {@code demo} and as datasets of the same names.
 */
public final class H2DemoEnvironment implements ApiNodeEnvironment, AutoCloseable {

    public static final String CONNECTION = "demo";
    private static final Set<String> DATASETS = Set.of("passengers", "customers");

    private final HikariDataSource dataSource;

    public H2DemoEnvironment(Path directory) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("demo").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setPoolName("apinode-demo");
        dataSource = new HikariDataSource(config);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:/org/dsscontractkit/apinode/demo-data.sql'");
        } catch (SQLException e) {
            dataSource.close();
            throw new IllegalStateException("Cannot initialise the demo database under " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<DataSource> dataSource(String connectionName) {
        return CONNECTION.equals(connectionName) ? Optional.of(dataSource) : Optional.empty();
    }

    @Override
    public Optional<TabularDataset> dataset(String datasetName) {
        return DATASETS.contains(datasetName) ? Optional.of(new SqlTableDataset(dataSource, datasetName)) : Optional.empty();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
