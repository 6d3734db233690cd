package org.dsscontractkit.pact;

import java.net.URI;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.contract.ContractValidationExtension;
import org.dsscontractkit.contract.provider.ApiNodeProviderContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** Verifies the reference server's in-process API node against every API node pact in target/pacts. */
@ExtendWith(ContractValidationExtension.class)
class ApiNodePactIT extends ApiNodeProviderContract {

    @Override
    protected URI providerUrl() {
        return URI.create(ReferenceServerProcess.get().directUrl());
    }
}
