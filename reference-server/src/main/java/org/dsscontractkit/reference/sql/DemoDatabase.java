package org.dsscontractkit.reference.sql;

import org.dsscontractkit.reference.admin.ConnectionService;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Seeds the embedded {@code demo_sql} database with small demo tables on first start. */
public final class DemoDatabase {
    private DemoDatabase() {}

    public static void seed(ConnectionService connections) {
        try (Connection c = connections.open(connections.get(ConnectionService.DEMO_SQL)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                    + "country VARCHAR(50), signup_date DATE, vip BOOLEAN)");
            s.execute("CREATE TABLE IF NOT EXISTS products (id INTEGER PRIMARY KEY, label VARCHAR(100) NOT NULL, price DECIMAL(10,2))");
            s.execute("CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), "
                    + "product_id INTEGER REFERENCES products(id), quantity INTEGER, ordered_at TIMESTAMP)");
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM customers")) {
                rs.next();
                if (rs.getLong(1) > 0) return;
            }
            s.execute("INSERT INTO customers VALUES (1, 'Ada Lovelace', 'UK', DATE '2021-03-01', TRUE), "
                    + "(2, 'Alan Turing', 'UK', DATE '2021-05-17', FALSE), (3, 'Grace Hopper', 'US', DATE '2022-01-09', TRUE), "
                    + "(4, 'Edsger Dijkstra', 'NL', DATE '2022-07-23', FALSE), (5, 'Marie \"Tab\"\tCurie', 'FR', NULL, NULL)");
            s.execute("INSERT INTO products VALUES (1, 'Keyboard', 49.90), (2, 'Mouse', 19.50), (3, 'Monitor', 229.00)");
            s.execute("INSERT INTO orders VALUES (1, 1, 1, 2, TIMESTAMP '2023-01-05 10:15:00'), (2, 1, 3, 1, TIMESTAMP '2023-02-11 16:40:00'), "
                    + "(3, 2, 2, 5, TIMESTAMP '2023-02-12 09:00:00'), (4, 3, 3, 2, TIMESTAMP '2023-03-30 14:20:00'), "
                    + "(5, 4, 1, 1, TIMESTAMP '2023-04-02 08:05:00'), (6, 5, 2, 3, NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed the demo_sql database: " + e.getMessage(), e);
        }
    }
}
