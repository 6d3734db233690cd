package org.dsscontractkit.reference.storage;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorBodies;
import org.dsscontractkit.server.error.ErrorTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Store failures as DSSError answers: a broken constraint is the caller's conflict, an unreachable store a 503. */
public final class StorageExceptionMappers {
    private static final Logger LOG = LoggerFactory.getLogger(StorageExceptionMappers.class);

    private StorageExceptionMappers() {}

    public static List<Class<?>> all() {
        return List.of(StorageMapper.class, DuplicateMapper.class);
    }

    @Priority(Priorities.USER - 200)
    public static final class StorageMapper implements ExceptionMapper<StorageException> {
        @Override public Response toResponse(StorageException e) {
            if (e.isConstraintViolation()) {
                return ErrorBodies.response(ApiException.conflict("The object already exists or is still referenced"));
            }
            if (e.isValueTooLong()) {
                // every identifier and name has a bound in the store; a service that forgot to check one still
                // answers the caller's mistake as such, not as a store outage
                return ErrorBodies.response(ApiException.badRequest("A name or identifier in the request is longer than"
                        + " the server stores (at most 255 characters)"));
            }
            LOG.error("Store failure", e);
            return ErrorBodies.response(503, ErrorTypes.STORAGE_UNAVAILABLE, "The configuration store is unavailable");
        }
    }

    @Priority(Priorities.USER - 200)
    public static final class DuplicateMapper implements ExceptionMapper<DuplicateKeyException> {
        @Override public Response toResponse(DuplicateKeyException e) {
            return ErrorBodies.response(ApiException.conflict(e.getMessage()));
        }
    }
}
