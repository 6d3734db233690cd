package org.dsscontractkit.contract.provider;

/**
 * The names the kit's pacts use: participants and provider states. Consumers (our Java and pact-js tests, or
 * yours) name these states in {@code given(...)}; {@link DssProviderContract} and {@link ApiNodeProviderContract}
 * set each of them up for real before the interactions that need it.
 */
public final class ProviderStates {

    /** The provider name of the DSS public API in the kit's pacts. */
    public static final String DSS_PROVIDER = "dss-reference-server";
    /** The provider name of the API node user API in the kit's pacts. */
    public static final String APINODE_PROVIDER = "dss-apinode";

    public static final String PROJECT = "PACT_P";
    public static final String USER = "pact_user";
    public static final String SQL = "SELECT id, name, vip FROM customers ORDER BY id";
    public static final String SQL_CONNECTION = "demo_sql";
    public static final String SCENARIO = "BUILD_ORDERS";

    public static final String PROJECT_WITH_ORDERS = "project PACT_P exists with uploaded dataset orders holding 3 rows";
    public static final String EMPTY_UPLOADED_DATASET = "project PACT_P exists with an empty uploaded-files dataset incoming";
    public static final String ORDERS_BUILT = "project PACT_P exists with dataset orders built once by a job";
    public static final String SCENARIO_BUILDING_ORDERS = "project PACT_P exists with a step-based scenario BUILD_ORDERS that builds orders";
    public static final String SCENARIO_RAN = "scenario BUILD_ORDERS of project PACT_P has run once, to SUCCESS";
    public static final String NO_SUCH_PROJECT = "project NO_SUCH_PROJECT does not exist";
    public static final String EMPTY_MANAGED_FOLDER = "project PACT_P exists with an empty managed folder drops";
    public static final String MANAGED_FOLDER_WITH_FILE = "project PACT_P exists with a managed folder drops holding /orders.csv";
    /** The content of /orders.csv in {@link #MANAGED_FOLDER_WITH_FILE}. */
    public static final String FOLDER_FILE_CONTENT = "id,country\n1,FR\n2,DE\n";
    public static final String SQL_CONNECTION_WITH_CUSTOMERS = "connection demo_sql holds table customers";
    public static final String SQL_QUERY_STARTED = "a SQL query on table customers of connection demo_sql has been started";
    public static final String SQL_QUERY_READ = "a SQL query on table customers of connection demo_sql has been started and its rows read";
    public static final String USER_WITHOUT_ADMIN = "user pact_user exists in group readers without admin rights";
    public static final String DEMO_SERVICES = "the demo services fraud_svc, lookup_svc, sql_svc and python_svc are deployed";

    private ProviderStates() {
    }
}
