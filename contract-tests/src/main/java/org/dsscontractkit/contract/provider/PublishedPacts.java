package org.dsscontractkit.contract.provider;

import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.provider.junitsupport.loader.PactFolderLoader;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the pacts a provider is verified against: the folder named by the system property {@value #FOLDER_PROPERTY}
 * when it is set (your consumers' pacts), otherwise the pacts published inside the kit's jar (our consumers': the
 * Java client and the pact-js web frontend), under {@value #RESOURCE}.
 *
 * <p>Pact's own folder loader reads only directories, so pacts inside a jar are first copied to a temporary one.</p>
 */
public final class PublishedPacts implements PactLoader {

    /** System property naming a folder of pact files to verify instead of the published ones. */
    public static final String FOLDER_PROPERTY = "dsskit.pacts";
    /** System property listing the consumers (comma-separated) whose pacts are verified; all when unset. */
    public static final String CONSUMERS_PROPERTY = "dsskit.pacts.consumers";
    /** Where the build puts the published pacts on the classpath. */
    public static final String RESOURCE = "dss-contract-kit/pacts";

    private static File extracted;

    private final PactFolderLoader delegate;
    private final Set<String> consumers;

    public PublishedPacts(Class<?> testClass) {
        this.delegate = new PactFolderLoader(folder());
        String only = System.getProperty(CONSUMERS_PROPERTY, "");
        this.consumers = Arrays.stream(only.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @return the folder the pacts are read from (the configured one, or a copy of the published ones) */
    public static File folder() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            File dir = new File(configured);
            if (!dir.isDirectory()) {
                throw new IllegalArgumentException(FOLDER_PROPERTY + ": " + configured + " is not a directory of pact files");
            }
            return dir;
        }
        URL published = PublishedPacts.class.getClassLoader().getResource(RESOURCE);
        if (published == null) {
            throw new IllegalStateException("No published pacts on the classpath (" + RESOURCE
                    + "); set -D" + FOLDER_PROPERTY + "=<folder of pact files>");
        }
        try {
            URI uri = published.toURI();
            if (uri.getScheme().equals("file")) {
                return new File(uri);
            }
            return copyOutOfJar(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the published pacts at " + published + ": " + e.getMessage(), e);
        }
    }

    private static synchronized File copyOutOfJar(URI uri) {
        if (extracted != null) {
            return extracted;
        }
        try {
            Path target = Files.createTempDirectory("dss-contract-kit-pacts");
            target.toFile().deleteOnExit();
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (java.nio.file.FileSystemAlreadyExistsException already) {
                jar = FileSystems.getFileSystem(uri);
            }
            try (Stream<Path> files = Files.list(jar.provider().getPath(uri))) {
                for (Path pact : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Path copy = target.resolve(pact.getFileName().toString());
                    try (InputStream in = Files.newInputStream(pact)) {
                        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                    copy.toFile().deleteOnExit();
                }
            }
            extracted = target.toFile();
            return extracted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the published pacts out of " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Pact> load(String providerName) throws IOException {
        List<Pact> pacts = delegate.load(providerName);
        if (consumers.isEmpty()) {
            return pacts;
        }
        return pacts.stream().filter(pact -> consumers.contains(pact.getConsumer().getName())).toList();
    }

    @Override
    public PactSource getPactSource() {
        return delegate.getPactSource();
    }

    @Override
    public String description() {
        return delegate.description();
    }
}
