package org.dsscontractkit.server.http;

import org.dsscontractkit.server.auth.Authenticator;
import org.dsscontractkit.server.auth.CredentialFilter;
import org.dsscontractkit.server.error.ExceptionMappers;
import org.dsscontractkit.server.json.JsonMapping;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The base of each half's Jersey application: the same error mappers, Jackson configuration, wire tolerance and
 * credential filter, nothing discovered from the classpath (so what one half registers never reaches the other, and
 * no provider is silently dropped).
 */
public final class JerseyApplication {
    private JerseyApplication() {}

    public static ResourceConfig create(String name, Authenticator authenticator) {
        ResourceConfig rc = new ResourceConfig();
        rc.setApplicationName(name);
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
        rc.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        rc.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        rc.property(CommonProperties.MOXY_JSON_FEATURE_DISABLE, true);
        rc.register(JacksonFeature.withoutExceptionMappers());
        rc.register(JsonMapping.Resolver.class);
        for (Class<?> mapper : ExceptionMappers.all()) rc.register(mapper);
        rc.register(WireTolerance.Model.class);
        rc.register(WireTolerance.Labels.class);
        rc.register(new CredentialFilter(authenticator));
        return rc;
    }
}
