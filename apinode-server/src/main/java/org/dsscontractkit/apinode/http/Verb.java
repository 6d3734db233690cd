package org.dsscontractkit.apinode.http;

/** The last path segment of a user-API URL: what the caller asks the endpoint to do. */
public enum Verb {
    PREDICT("predict", true), PREDICT_MULTI("predict-multi", true), PREDICT_SIMPLE("predict-simple", false),
    FORECAST("forecast", true), PREDICT_EFFECT("predict-effect", true), PREDICT_EFFECT_MULTI("predict-effect-multi", true),
    RUN("run", false), QUERY("query", false),
    LOOKUP("lookup", false), LOOKUP_MULTI("lookup-multi", false), LOOKUP_SIMPLE("lookup-simple", false);

    private final String path;
    private final boolean dispatchable;

    Verb(String path, boolean dispatchable) {
        this.path = path;
        this.dispatchable = dispatchable;
    }

    public String path() {
        return path;
    }

    /** Whether the body may carry a {@code dispatch} block choosing the generation. */
    public boolean dispatchable() {
        return dispatchable;
    }
}
