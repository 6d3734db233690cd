package org.dsscontractkit.reference.storage;

import java.sql.SQLException;

/** A failure of the store itself (not of the request): reported as a server error without internals. */
public class StorageException extends RuntimeException {
    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A value longer than its column allows: SQLSTATE 22001 on both H2 and PostgreSQL. */
    public boolean isValueTooLong() {
        return getCause() instanceof SQLException e && "22001".equals(e.getSQLState());
    }

    /** Unique/primary-key violations: SQLSTATE class 23 on both H2 and PostgreSQL. */
    public boolean isConstraintViolation() {
        return getCause() instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
