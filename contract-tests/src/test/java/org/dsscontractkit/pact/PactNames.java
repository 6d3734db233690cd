package org.dsscontractkit.pact;

/**
 * The Java consumer's own names; the providers' and their states are the kit's
 * ({@link org.dsscontractkit.contract.provider.ProviderStates}).
 */
final class PactNames {

    static final String CONSUMER = "dss-java-client";
    static final String FRAUD_KEY = "fraud-demo-key-0001";

    private PactNames() {
    }
}
