package org.dsscontractkit.pact;

import java.net.URI;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.contract.ContractValidationExtension;
import org.dsscontractkit.contract.provider.DssProviderContract;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the reference server against every DSS pact in target/pacts (the Java client's and the pact-js web
 * frontend's), with the kit's own {@link DssProviderContract}: the same class users extend to verify their provider.
 * Provider states are set up through the server's public API as an admin, never by special-casing the server.
 */
@ExtendWith(ContractValidationExtension.class)
class DssReferenceServerPactIT extends DssProviderContract {

    @Override
    protected URI providerUrl() {
        return URI.create(ReferenceServerProcess.get().directUrl());
    }

    @Override
    protected String adminApiKey() {
        return ReferenceServerProcess.get().adminKey();
    }

    /** State set-up goes through the suites' validating proxy, so those calls are checked against the spec too. */
    @Override
    protected URI stateSetupUrl() {
        return URI.create(ReferenceServerProcess.get().baseUrl());
    }
}
