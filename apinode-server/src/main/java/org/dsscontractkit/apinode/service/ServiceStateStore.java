package org.dsscontractkit.apinode.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.dsscontractkit.apinode.http.NodeErrors;
import org.dsscontractkit.apinode.storage.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin state of each service (enabled, generations mapping, declared through the admin API), persisted in
 * {@code state.json}. Readers get an immutable map without locking; a change is written to disk first and only then
 * becomes visible, so what a caller saw answered 2xx is what a restart finds.
 */
public final class ServiceStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceStateStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Admin state of a service; absent members of a saved state take the defaults of a new service. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceState(boolean enabled, GenerationMapping mapping, boolean declared) {
        public static final ServiceState NEW = new ServiceState(true, null, false);

        @JsonCreator
        static ServiceState read(@JsonProperty("enabled") Boolean enabled, @JsonProperty("mapping") GenerationMapping mapping,
                                 @JsonProperty("declared") Boolean declared) {
            return new ServiceState(enabled == null || enabled, mapping, declared != null && declared);
        }

        public ServiceState withEnabled(boolean value) {
            return new ServiceState(value, mapping, declared);
        }

        public ServiceState withMapping(GenerationMapping value) {
            return new ServiceState(enabled, value, declared);
        }

        public ServiceState withDeclared(boolean value) {
            return new ServiceState(enabled, mapping, value);
        }
    }

    private final Path stateFile;
    private volatile Map<String, ServiceState> states;

    public ServiceStateStore(Path stateFile) {
        this.stateFile = stateFile;
        Map<String, ServiceState> loaded = new TreeMap<>();
        try {
            if (Files.exists(stateFile)) {
                JsonNode saved = JSON.readTree(stateFile.toFile());
                saved.path("services").fields().forEachRemaining(e -> {
                    try {
                        loaded.put(e.getKey(), JSON.treeToValue(e.getValue(), ServiceState.class));
                    } catch (IOException ex) {
                        LOG.warn("Ignoring unreadable state of service {} in {}", e.getKey(), stateFile);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API node state " + stateFile, e);
        }
        states = Collections.unmodifiableMap(loaded);
    }

    /** The state of a service; a service never touched by the admin API has {@link ServiceState#NEW}. */
    public ServiceState get(String serviceId) {
        return states.getOrDefault(serviceId, ServiceState.NEW);
    }

    /** Every service with a saved state, by id. */
    public Map<String, ServiceState> all() {
        return states;
    }

    /** Changes one service's state: saved to disk, then visible. */
    public synchronized ServiceState update(String serviceId, UnaryOperator<ServiceState> change) {
        ServiceState next = change.apply(get(serviceId));
        Map<String, ServiceState> copy = new TreeMap<>(states);
        copy.put(serviceId, next);
        save(copy);
        return next;
    }

    /** Forgets a service's state (the service was deleted). */
    public synchronized void remove(String serviceId) {
        Map<String, ServiceState> copy = new TreeMap<>(states);
        if (copy.remove(serviceId) != null) {
            save(copy);
        }
    }

    private void save(Map<String, ServiceState> next) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode services = root.putObject("services");
        next.forEach((id, state) -> services.set(id, JSON.valueToTree(state)));
        try {
            // the admin call that changed the state answers 2xx once this returns: the state must be on disk by then
            DurableFiles.write(stateFile, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw NodeErrors.of(500, "StateNotSaved", "Cannot save the API node state: " + e.getMessage());
        }
        states = Collections.unmodifiableMap(next);
    }
}
