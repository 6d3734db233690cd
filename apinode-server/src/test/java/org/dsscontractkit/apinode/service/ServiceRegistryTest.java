package org.dsscontractkit.apinode.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dsscontractkit.server.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's split: calls read an immutable snapshot and never wait for a service file being loaded. */
class ServiceRegistryTest {

    @TempDir
    Path dir;

    /** Loads every file as generation v1 of the service named like the file; "slow*" files wait for {@link #release}. */
    private final CountDownLatch slowLoadStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private ServiceGeneration load(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (name.startsWith("slow")) {
            slowLoadStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return generation(name, "v1", file, new AtomicBoolean());
    }

    private static ServiceGeneration generation(String serviceId, String generation, Path file, AtomicBoolean closed) {
        Endpoint endpoint = new Endpoint() {
            @Override public String id() { return "e"; }
            @Override public String type() { return "PREDICTION"; }
            @Override public void close() { closed.set(true); }
        };
        return new ServiceGeneration(serviceId, generation, true, Set.of(), Map.of("e", endpoint), file);
    }

    private ServiceRegistry registry(ServiceFileWatcher.GenerationLoader loader) throws java.io.IOException {
        Path services = Files.createDirectories(dir.resolve("services"));
        return new ServiceRegistry(new ServiceFileWatcher(services, loader), new ServiceStateStore(dir.resolve("state.json")), null);
    }

    @Test
    void callsAndAdminStateAreServedWhileASlowFileLoads() throws Exception {
        ServiceRegistry registry = registry(this::load);
        Files.writeString(registry.servicesDir().resolve("fast.yaml"), "fast");
        registry.reload();
        assertThat(registry.resolve("fast", null, null).serviceId()).isEqualTo("fast");

        Files.writeString(registry.servicesDir().resolve("slow.yaml"), "slow");
        CompletableFuture<Void> reload = CompletableFuture.runAsync(registry::reload);
        try {
            assertThat(slowLoadStarted.await(30, TimeUnit.SECONDS)).as("the slow load started").isTrue();
            // Before the split, reload() held the monitor resolve() takes: these would wait for release, i.e. forever.
            CompletableFuture<String> during = CompletableFuture.supplyAsync(() -> {
                String answered = registry.resolve("fast", null, null).generation();
                registry.views().describe("fast");
                registry.setEnabled("fast", false);
                return answered;
            });
            assertThat(during.get(30, TimeUnit.SECONDS)).as("resolved while the slow file was loading").isEqualTo("v1");
            assertThat(reload).as("the load is still in progress").isNotDone();
            assertThatThrownBy(() -> registry.resolve("fast", null, null)).isInstanceOf(ApiException.class)
                    .hasMessageContaining("disabled");
            assertThatThrownBy(() -> registry.resolve("slow", null, null)).as("not published before it is loaded")
                    .isInstanceOf(ApiException.class).hasMessageContaining("not found");
        } finally {
            release.countDown();
        }
        reload.get(30, TimeUnit.SECONDS);
        assertThat(registry.resolve("slow", null, null).serviceId()).isEqualTo("slow");
        assertThat(registry.serviceIds()).containsExactly("fast", "slow");
        registry.close();
    }

    @Test
    void aReplacedGenerationIsClosedOnlyOnceTheNewOneAnswers() throws Exception {
        Path file = Files.createDirectories(dir.resolve("services")).resolve("svc.yaml");
        Files.writeString(file, "one");
        AtomicBoolean firstClosed = new AtomicBoolean();
        AtomicBoolean secondClosed = new AtomicBoolean();
        List<ServiceGeneration> loads = List.of(generation("svc", "v1", file, firstClosed), generation("svc", "v2", file, secondClosed));
        int[] next = {0};
        ServiceRegistry registry = registry(f -> {
            // the old generation still answers while the file is read again
            assertThat(firstClosed).isFalse();
            return loads.get(next[0]++);
        });
        registry.reload();
        ServiceGeneration before = registry.resolve("svc", null, null);
        Files.writeString(file, "two, longer");
        registry.reload();
        assertThat(registry.resolve("svc", null, null).generation()).isEqualTo("v2");
        assertThat(firstClosed).isTrue();
        assertThat(before.generation()).isEqualTo("v1");
        registry.close();
        assertThat(secondClosed).isTrue();
    }

    @Test
    void adminStateIsSavedBeforeItIsVisibleAndOldStateFilesStillRead() throws Exception {
        Files.writeString(dir.resolve("state.json"), "{\"services\": {\"old\": {\"declared\": true}, \"off\": {\"enabled\": false, \"declared\": true}}}");
        ServiceRegistry registry = registry(this::load);
        assertThat(registry.state("old").enabled()).as("enabled defaults to true").isTrue();
        assertThat(registry.serviceIds()).containsExactly("off", "old");
        registry.create("made");
        registry.setEnabled("old", false);
        ServiceRegistry reopened = registry(this::load);
        assertThat(reopened.state("made").declared()).isTrue();
        assertThat(reopened.state("made").enabled()).isTrue();
        assertThat(reopened.state("old").enabled()).isFalse();
        reopened.delete("made");
        assertThat(registry(this::load).exists("made")).isFalse();
    }
}
