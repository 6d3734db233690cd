package org.dsscontractkit.apinode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.apinode.service.DemoServices;

/** A standalone API node on a free loopback port over a temp data dir: demo services plus the given extra files. */
public final class TestNode implements AutoCloseable {

    public static final String ADMIN_KEY = "test-admin-key-123";

    public final Path dataDir;
    public final ApiNodeServer server;
    public final HttpHelper http;

    public TestNode(Path dataDir, Map<String, String> extraServiceFiles) throws IOException {
        this.dataDir = dataDir;
        Path services = dataDir.resolve("apinode").resolve("services");
        DemoServices.seedIfFirstStart(services);
        for (Map.Entry<String, String> file : extraServiceFiles.entrySet()) {
            Path target = services.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        server = ApiNodeServer.start(new ApiNodeConfig(dataDir, null, "127.0.0.1", 0, List.of(ADMIN_KEY), true,
                Duration.ofMillis(200), "python3"));
        http = new HttpHelper(server.baseUri());
    }

    public Path servicesDir() {
        return dataDir.resolve("apinode").resolve("services");
    }

    public static String admin() {
        return HttpHelper.basic(ADMIN_KEY);
    }

    /** Waits until the reload thread has picked up file changes (the interval is 200 ms). */
    public static void awaitReload() throws InterruptedException {
        Thread.sleep(700);
    }

    @Override
    public void close() {
        server.close();
    }
}
