package org.dsscontractkit.pact;

import org.dsscontractkit.contract.provider.ProviderStates;

/** The consumer's name, and the kit's participants and provider states under the names the consumer tests use. */
final class PactNames {

    static final String CONSUMER = "dss-java-client";
    static final String DSS_PROVIDER = ProviderStates.DSS_PROVIDER;
    static final String APINODE_PROVIDER = ProviderStates.APINODE_PROVIDER;

    static final String PROJECT = ProviderStates.PROJECT;
    static final String USER = ProviderStates.USER;

    static final String STATE_PROJECT_WITH_ORDERS = ProviderStates.PROJECT_WITH_ORDERS;
    static final String STATE_EMPTY_UPLOADED_DATASET = ProviderStates.EMPTY_UPLOADED_DATASET;
    static final String STATE_ORDERS_BUILT = ProviderStates.ORDERS_BUILT;
    static final String STATE_SQL_CONNECTION = ProviderStates.SQL_CONNECTION_WITH_CUSTOMERS;
    static final String STATE_SQL_QUERY_STARTED = ProviderStates.SQL_QUERY_STARTED;
    static final String STATE_SQL_QUERY_READ = ProviderStates.SQL_QUERY_READ;
    static final String SQL = ProviderStates.SQL;
    static final String STATE_USER_WITHOUT_ADMIN = ProviderStates.USER_WITHOUT_ADMIN;
    static final String STATE_DEMO_SERVICES = ProviderStates.DEMO_SERVICES;

    static final String FRAUD_KEY = "fraud-demo-key-0001";

    private PactNames() {
    }
}
