package org.dsscontractkit.client.rows;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client, its row parsing included, loads with the module's declared dependencies alone. Surefire's own jars, on the class path of
 * every test, carry unrelocated Commons Codec classes, which once hid that Commons CSV needs Commons Codec at run time
 * ({@code CSVFormat} does not even load without it): this loads {@link RowStream} in a class loader that sees only
 * the module's test class path.
 */
class DeclaredDependenciesTest {

    @Test
    void theClientLoadsWithTheDeclaredDependenciesOnly() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank() && !entry.contains("surefire")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader declared = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            for (String name : List.of(RowStream.class.getName(), "org.dsscontractkit.client.DSSClient",
                    "org.dsscontractkit.client.apinode.APINodeClient", "org.dsscontractkit.client.generated.dss.api.DatasetDataApi",
                    "org.dsscontractkit.client.generated.dss.invoker.ApiClient")) {
                assertThatCode(() -> Class.forName(name, true, declared)).as(name).doesNotThrowAnyException();
            }
            // a client is built (generated ApiClient, Jackson with java.time) without any request
            assertThatCode(() -> Class.forName("org.dsscontractkit.client.DSSClient", true, declared)
                    .getConstructor(String.class, String.class).newInstance("http://localhost:11200", "key"))
                    .doesNotThrowAnyException();
        }
    }
}
