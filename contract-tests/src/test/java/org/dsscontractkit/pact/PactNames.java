package org.dsscontractkit.pact;

/** Participants and provider states shared by the consumer tests and the provider verification. */
final class PactNames {

    static final String CONSUMER = "dss-java-client";
    static final String DSS_PROVIDER = "dss-reference-server";
    static final String APINODE_PROVIDER = "dss-apinode";

    static final String PROJECT = "PACT_P";
    static final String USER = "pact_user";

    static final String STATE_PROJECT_WITH_ORDERS = "project PACT_P exists with uploaded dataset orders holding 3 rows";
    static final String STATE_EMPTY_UPLOADED_DATASET = "project PACT_P exists with an empty uploaded-files dataset incoming";
    static final String STATE_ORDERS_BUILT = "project PACT_P exists with dataset orders built once by a job";
    static final String STATE_SQL_CONNECTION = "connection demo_sql holds table customers";
    static final String STATE_SQL_QUERY_STARTED = "a SQL query on table customers of connection demo_sql has been started";
    static final String STATE_SQL_QUERY_READ = "a SQL query on table customers of connection demo_sql has been started and its rows read";
    static final String SQL = "SELECT id, name, vip FROM customers ORDER BY id";
    static final String STATE_USER_WITHOUT_ADMIN = "user pact_user exists in group readers without admin rights";
    static final String STATE_DEMO_SERVICES = "the demo services fraud_svc, lookup_svc, sql_svc and python_svc are deployed";

    static final String FRAUD_KEY = "fraud-demo-key-0001";

    private PactNames() {
    }
}
