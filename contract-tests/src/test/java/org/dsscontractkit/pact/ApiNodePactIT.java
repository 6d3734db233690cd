package org.dsscontractkit.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.net.URL;
import org.dsscontractkit.client.e2e.ReferenceServerProcess;
import org.dsscontractkit.client.apinode.APINodeClient;
import org.dsscontractkit.contract.ContractValidationExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** Verifies the reference server's in-process API node against the Java client's API node pact. */
@Provider(PactNames.APINODE_PROVIDER)
@PactFolder("target/pacts")
@ExtendWith(ContractValidationExtension.class)
class ApiNodePactIT {

    private static ReferenceServerProcess server;

    @BeforeAll
    static void startServer() {
        server = ReferenceServerProcess.get();
    }

    @BeforeEach
    void target(PactVerificationContext context) throws Exception {
        context.setTarget(HttpTestTarget.fromUrl(new URL(server.baseUrl())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State(PactNames.STATE_DEMO_SERVICES)
    void demoServices() {
        // the reference server deploys the demo services at start; the state is checked, not faked
        new APINodeClient(server.baseUrl(), "python_svc", null).runFunction("simple_sum",
                java.util.Map.of("param1", 1, "param2", 1));
    }
}
