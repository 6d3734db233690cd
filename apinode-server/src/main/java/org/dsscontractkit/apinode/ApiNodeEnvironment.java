package org.dsscontractkit.apinode;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the hosting process lends the API node: JDBC connections by DSS connection name (SQL endpoints, SQL-backed
 * enrichments) and tabular access to its datasets (lookup endpoints, enrichments).
 *
 * <p>The reference server implements this over its own connections and datasets; {@link H2DemoEnvironment} is the
 * standalone default.
 */
public interface ApiNodeEnvironment {

    /** The JDBC data source behind a named connection, or empty when no such connection exists. */
    Optional<DataSource> dataSource(String connectionName);

    /** A dataset readable by key, or empty when no such dataset exists. */
    Optional<TabularDataset> dataset(String datasetName);
}
