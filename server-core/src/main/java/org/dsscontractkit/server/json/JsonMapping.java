package org.dsscontractkit.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The one Jackson configuration of both halves: request bodies are read with it (through {@link Resolver}), error
 * bodies and documents written with it. Unknown body attributes are tolerated, as the documents say ("clients must
 * ignore attributes they do not know"; no request schema forbids extra attributes); a second document after the
 * first is not.
 */
public final class JsonMapping {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .addMixIn(org.dsscontractkit.server.generated.dss.model.DSSError.class, OmitAbsent.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonMapping() {}

    /** Error bodies carry only what applies (no {@code "field": null}, no empty {@code stackTrace}). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private interface OmitAbsent {}

    /** Makes Jersey read and write JSON with {@link #MAPPER}. */
    public static final class Resolver implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return MAPPER;
        }
    }
}
