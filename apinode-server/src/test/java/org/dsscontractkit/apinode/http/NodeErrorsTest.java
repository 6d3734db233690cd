package org.dsscontractkit.apinode.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.dsscontractkit.server.error.ApiException;
import org.junit.jupiter.api.Test;

class NodeErrorsTest {

    @Test
    void codesAreTheShortNamesInUpperSnakeCase() {
        assertThat(NodeErrors.code("SqlParameterCountMismatch")).isEqualTo("ERR_SQL_PARAMETER_COUNT_MISMATCH");
        assertThat(NodeErrors.code("RNotAvailable")).isEqualTo("ERR_R_NOT_AVAILABLE");
        assertThat(NodeErrors.code("ServiceNotFound")).isEqualTo("ERR_SERVICE_NOT_FOUND");
    }

    @Test
    void errorTypesSayWhatKindOfFailureItIs() {
        ApiException notFound = NodeErrors.notFound("EndpointNotFound", "no");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.errorType()).isEqualTo("com.dataiku.dip.server.controllers.NotFoundException");
        assertThat(NodeErrors.badInput("InvalidFeatureType", "x").errorType()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(NodeErrors.of(504, "FunctionTimeout", "x").errorType()).isEqualTo("com.dataiku.lambda.FunctionFailedException");
        assertThat(NodeErrors.of(409, "ServiceAlreadyExists", "x").errorType()).isEqualTo("com.dataiku.dip.exceptions.DKUObjectAlreadyExistsException");
        assertThat(NodeErrors.of(409, "MultipleLookupMatches", "x").errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(NodeErrors.of(503, "FunctionBusy", "x").errorType()).isEqualTo("com.dataiku.dip.exceptions.ServiceUnavailableException");
        assertThat(NodeErrors.of(501, "RNotAvailable", "x").errorType()).isEqualTo("com.dataiku.lambda.RuntimeUnavailableException");
    }
}
