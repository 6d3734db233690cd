package org.dsscontractkit.contract.cli;

import java.net.URI;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.provider.ApiNodeProviderContract;
import org.dsscontractkit.contract.provider.DssProviderContract;

/**
 * The provider contracts the {@code verify-provider} command runs through the JUnit platform, aimed at the provider
 * it was given. JUnit instantiates them itself, so the settings are handed over in static fields, set before the run.
 */
public final class ConfiguredProviders {

    static volatile URI providerUrl;
    static volatile URI stateSetupUrl;
    static volatile String adminApiKey;
    static volatile ContractValidator validator;

    private ConfiguredProviders() {
    }

    static void configure(URI url, URI stateUrl, String adminKey, ContractValidator contractValidator) {
        providerUrl = url;
        stateSetupUrl = stateUrl;
        adminApiKey = adminKey;
        validator = contractValidator;
    }

    /** The DSS public API half. */
    public static class Dss extends DssProviderContract {
        @Override
        protected URI providerUrl() {
            return providerUrl;
        }

        @Override
        protected String adminApiKey() {
            return adminApiKey;
        }

        @Override
        protected URI stateSetupUrl() {
            return stateSetupUrl;
        }

        @Override
        protected ContractValidator validator() {
            return validator;
        }
    }

    /** The API node half. */
    public static class ApiNode extends ApiNodeProviderContract {
        @Override
        protected URI providerUrl() {
            return providerUrl;
        }

        @Override
        protected ContractValidator validator() {
            return validator;
        }
    }
}
