package org.dsscontractkit.contract.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import org.apache.hc.core5.http.HttpRequest;
import org.dsscontractkit.contract.ContractValidator;
import org.dsscontractkit.contract.ValidatingProxy;
import org.dsscontractkit.contract.Violation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every provider verification of the kit does, whatever the API: replay each interaction of the pacts
 * ({@link PublishedPacts}) against the provider, through a {@link ValidatingProxy}, so that an interaction fails
 * when the provider's answer breaks the pact <em>or</em> the OpenAPI document.
 *
 * <p>One instance serves all the interactions of a class ({@code PER_CLASS}) so that subclasses can name the
 * provider with instance methods rather than static state.</p>
 */
@PactSource(PublishedPacts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderContract {

    private ValidatingProxy proxy;

    /** @return the provider's root URL (scheme, host, port): the pacts' paths carry the API's base path */
    protected abstract URI providerUrl();

    /** @return the validator the provider's answers are checked with; the process-wide one by default */
    protected ContractValidator validator() {
        return ContractValidator.shared();
    }

    /** Called before each interaction is replayed, e.g. to add the credentials consumers leave out of pacts. */
    protected void prepare(HttpRequest request) {
    }

    @BeforeAll
    void startValidatingProxy() {
        URI url = providerUrl();
        if (url == null || url.getScheme() == null || url.getHost() == null
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("provider URL: expected http(s)://host[:port], got " + url);
        }
        proxy = ValidatingProxy.start(url, validator());
    }

    @AfterAll
    void stopValidatingProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @BeforeEach
    void aimAtProvider(PactVerificationContext context) throws MalformedURLException {
        if (context != null) {
            context.setTarget(HttpTestTarget.fromUrl(proxy.uri().toURL()));
        }
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verifyInteraction(PactVerificationContext context, HttpRequest request) {
        prepare(request);
        int before = validator().violations().size();
        AssertionError pactFailure = null;
        try {
            context.verifyInteraction();
        } catch (AssertionError e) {
            pactFailure = e;
        }
        List<Violation> all = validator().violations();
        List<Violation> specFailures = all.subList(Math.min(before, all.size()), all.size());
        if (pactFailure == null && specFailures.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        if (pactFailure != null) {
            text.append(pactFailure.getMessage());
        }
        if (!specFailures.isEmpty()) {
            text.append(text.length() > 0 ? "\n" : "").append("The provider's answer violates the OpenAPI document:");
            specFailures.forEach(v -> text.append("\n  ").append(v));
        }
        AssertionError failure = new AssertionError(text.toString());
        if (pactFailure != null) {
            failure.setStackTrace(pactFailure.getStackTrace());
        }
        throw failure;
    }
}
