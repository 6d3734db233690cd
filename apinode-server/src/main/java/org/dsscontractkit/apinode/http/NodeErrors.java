package org.dsscontractkit.apinode.http;

import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;

import java.util.Locale;

/**
 * The API node's failures as server-core's {@link ApiException}: the {@code errorType} says what kind of failure it
 * is, in the same vocabulary as the DSS half ({@link ErrorTypes}); the stable {@code code} says which one
 * ({@code ServiceNotFound} gives {@code ERR_SERVICE_NOT_FOUND}).
 */
public final class NodeErrors {
    private NodeErrors() {}

    public static ApiException of(int status, String name, String message) {
        return of(status, name, message, null);
    }

    public static ApiException of(int status, String name, String message, String detailedMessage) {
        return new ApiException(status, errorType(status, name), message, detailedMessage).withCode(code(name));
    }

    public static ApiException badInput(String name, String message) {
        return of(400, name, message);
    }

    public static ApiException notFound(String name, String message) {
        return of(404, name, message);
    }

    static String errorType(int status, String name) {
        return switch (name) {
            case "ServiceAlreadyExists", "GenerationAlreadyExists" -> ErrorTypes.CONFLICT;
            case "NoGeneration", "MultipleLookupMatches" -> ErrorTypes.ILLEGAL_STATE;
            case "SqlConstraintViolation" -> ErrorTypes.SQL_CONSTRAINT;
            case "SqlQueryFailed" -> ErrorTypes.SQL_FAILURE;
            case "FunctionFailed", "FunctionLoadFailed", "FunctionTimeout", "FunctionWorkerCrashed" -> ErrorTypes.FUNCTION_FAILED;
            case "RNotAvailable" -> ErrorTypes.RUNTIME_UNAVAILABLE;
            case "DeleteFailed", "StateNotSaved", "KeysNotSaved", "ImportFailed" -> ErrorTypes.IO_FAILURE;
            default -> ErrorTypes.forStatus(status);
        };
    }

    /** {@code SqlParameterCountMismatch} gives {@code ERR_SQL_PARAMETER_COUNT_MISMATCH}. */
    public static String code(String name) {
        return "ERR_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
