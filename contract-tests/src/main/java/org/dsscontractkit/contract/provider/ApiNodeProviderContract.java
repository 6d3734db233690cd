package org.dsscontractkit.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import java.util.Map;
import org.dsscontractkit.client.apinode.APINodeClient;

/**
 * Verifies an API node (the reference server's, a real one, or yours) against the kit's API node pacts and the
 * API node OpenAPI document. Subclass it and name the node's root URL in {@link #providerUrl()}.
 *
 * <p>The pacts call the demo services the reference server deploys (fraud_svc, lookup_svc, sql_svc, python_svc);
 * another node must deploy services of the same names and shapes. The state is checked by calling one of them,
 * not assumed.</p>
 */
@Provider(ProviderStates.APINODE_PROVIDER)
public abstract class ApiNodeProviderContract extends ProviderContract {

    @State(ProviderStates.DEMO_SERVICES)
    public void demoServices() {
        new APINodeClient(providerUrl().toString(), "python_svc", null).runFunction("simple_sum",
                Map.of("param1", 1, "param2", 1));
    }
}
