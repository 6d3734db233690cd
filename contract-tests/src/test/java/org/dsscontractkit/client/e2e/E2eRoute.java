package org.dsscontractkit.client.e2e;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the end-to-end suites' clients connect. Normally: the validating proxy in front of each server.
 * {@code PrismProxyIT} reruns the suites with a Prism proxy of the mock document behind that validating proxy
 * (client → validating proxy → Prism proxy → server), so that Prism checks every flow the suites cover too.
 */
public final class E2eRoute {

    private static volatile String dssBaseUrl;
    private static volatile UnaryOperator<URI> apiNodeUpstream;

    private E2eRoute() {
    }

    /**
     * Until {@link #direct()}: the suites' DSS clients connect to {@code dssBaseUrl}, and the API node suite's
     * validating proxy forwards to {@code apiNodeUpstream.apply(its server)} instead of the server itself.
     */
    public static void through(String dssBaseUrl, UnaryOperator<URI> apiNodeUpstream) {
        E2eRoute.dssBaseUrl = dssBaseUrl;
        E2eRoute.apiNodeUpstream = apiNodeUpstream;
    }

    /** Back to the validating proxies alone. */
    public static void direct() {
        dssBaseUrl = null;
        apiNodeUpstream = null;
    }

    static Optional<String> dssBaseUrl() {
        return Optional.ofNullable(dssBaseUrl);
    }

    static URI apiNodeUpstream(URI server) {
        UnaryOperator<URI> route = apiNodeUpstream;
        return route == null ? server : route.apply(server);
    }
}
