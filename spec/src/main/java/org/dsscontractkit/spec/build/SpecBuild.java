package org.dsscontractkit.spec.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsscontractkit.spec.release.Changelog;
import org.dsscontractkit.spec.release.ReleaseHistory;

/**
 * The spec module's build step (run by exec-maven-plugin in process-classes): bundles both documents, fails on any
 * broken ref, missing or duplicate operationId (also across the two documents) or parser message, then writes the
 * bundles to {@code target/bundled} and {@code target/classes/openapi}, their mock-ready variants ({@link MockDocument})
 * to {@code mock/} under both, the changelog against the release baselines to {@code target/changelog/CHANGELOG.md}
 * and {@code target/classes/changelog}, and the docs (changelog page included) to {@code target/docs} and
 * {@code target/classes/docs}.
 *
 * <p>Arguments: sourceDir bundledDir docsDir classesDir releasesDir changelogDir.
 */
public final class SpecBuild {

    private SpecBuild() {
    }

    public static void main(String[] args) {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: SpecBuild <sourceDir> <bundledDir> <docsDir> <classesDir>"
                    + " <releasesDir> <changelogDir>");
        }
        Path sourceDir = Path.of(args[0]);
        List<Bundler.Bundle> bundles = bundleAll(sourceDir);
        Path bundledDir = Path.of(args[1]);
        Path docsDir = Path.of(args[2]);
        Path classesDir = Path.of(args[3]);
        for (Bundler.Bundle bundle : bundles) {
            writeBundle(bundle, bundledDir);
            writeBundle(bundle, classesDir.resolve("openapi"));
            System.out.printf("[spec] %s: %d operations -> %s%n", bundle.name(),
                    bundle.operations().operations().size(), bundledDir.resolve(bundle.name() + ".yaml"));
        }
        Map<String, String> current = new LinkedHashMap<>();
        bundles.forEach(bundle -> current.put(bundle.name(), bundle.yaml()));
        Changelog changelog = Changelog.of(new ReleaseHistory(Path.of(args[4])), current);
        String markdown = changelog.markdown(false);
        writeText(Path.of(args[5]).resolve("CHANGELOG.md"), markdown);
        writeText(classesDir.resolve("changelog/CHANGELOG.md"), markdown);
        System.out.println("[spec] changelog -> " + Path.of(args[5]).resolve("CHANGELOG.md"));
        String linked = changelog.markdown(true);
        for (MockDocument mock : mockAll(bundles)) {
            writeDocument(mock.name(), mock.yaml(), mock.json(), bundledDir.resolve(MockDocument.FOLDER));
            writeDocument(mock.name(), mock.yaml(), mock.json(), classesDir.resolve("openapi").resolve(MockDocument.FOLDER));
            System.out.printf("[spec] %s mock: %d operations under %s -> %s%n", mock.name(), mock.operations(),
                    mock.bases(), bundledDir.resolve(MockDocument.FOLDER).resolve(mock.name() + ".yaml"));
        }
        for (ClientDocument client : clientAll(bundles)) {
            writeDocument(client.name(), client.yaml(), client.json(), bundledDir.resolve(ClientDocument.FOLDER));
            writeDocument(client.name(), client.yaml(), client.json(),
                    classesDir.resolve("openapi").resolve(ClientDocument.FOLDER));
            System.out.printf("[spec] %s for client generators -> %s%n", client.name(),
                    bundledDir.resolve(ClientDocument.FOLDER).resolve(client.name() + ".yaml"));
        }
        new DocsSite().write(bundles, linked, docsDir);
        new DocsSite().write(bundles, linked, classesDir.resolve("docs"));
        System.out.println("[spec] docs -> " + docsDir.resolve("index.html"));
    }

    /** Bundles both published documents, or throws listing every problem found in either. */
    public static List<Bundler.Bundle> bundleAll(Path sourceDir) {
        List<Path> roots = new ArrayList<>();
        for (ApiDocument doc : ApiDocument.values()) {
            roots.add(doc.sourceIn(sourceDir));
        }
        return bundleAll(roots);
    }

    /** Bundles the given root documents as one published set (operationIds unique across all of them). */
    public static List<Bundler.Bundle> bundleAll(List<Path> roots) {
        List<SpecProblem> problems = new ArrayList<>();
        List<Bundler.Bundle> bundles = new ArrayList<>();
        Map<String, String> operationOwners = new HashMap<>();
        for (Path root : roots) {
            String file = root.getFileName().toString();
            if (!Files.isRegularFile(root)) {
                problems.add(new SpecProblem(file, "document", "source document is missing: " + root));
                continue;
            }
            Bundler.Outcome outcome = new Bundler().bundle(root);
            problems.addAll(outcome.problems());
            outcome.bundle().ifPresent(bundle -> {
                bundles.add(bundle);
                for (Operation op : bundle.operations().operations()) {
                    String owner = file + " " + op.label();
                    String first = operationOwners.putIfAbsent(op.operationId(), owner);
                    if (first != null && !first.startsWith(file + " ")) {
                        problems.add(new SpecProblem(file, op.label(), "operationId '" + op.operationId()
                                + "' is also used in " + first + "; operationIds must be unique across documents"));
                    }
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new SpecBuildException(problems);
        }
        return bundles;
    }

    private static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The mock-ready variant of each bundle, or throws listing every problem found in any of them. */
    public static List<MockDocument> mockAll(List<Bundler.Bundle> bundles) {
        List<SpecProblem> problems = new ArrayList<>();
        List<MockDocument> mocks = new ArrayList<>();
        for (Bundler.Bundle bundle : bundles) {
            ApiDocument document = ApiDocument.ofFileStem(bundle.name());
            MockDocument.Outcome outcome = MockDocument.of(bundle, document);
            problems.addAll(outcome.problems());
            outcome.document().ifPresent(mocks::add);
        }
        if (!problems.isEmpty()) {
            throw new SpecBuildException(problems);
        }
        return mocks;
    }

    /** The generator-ready variant of each bundle, or throws listing every problem found in any of them. */
    public static List<ClientDocument> clientAll(List<Bundler.Bundle> bundles) {
        List<SpecProblem> problems = new ArrayList<>();
        List<ClientDocument> clients = new ArrayList<>();
        for (Bundler.Bundle bundle : bundles) {
            ClientDocument.Outcome outcome = ClientDocument.of(bundle);
            problems.addAll(outcome.problems());
            outcome.document().ifPresent(clients::add);
        }
        if (!problems.isEmpty()) {
            throw new SpecBuildException(problems);
        }
        return clients;
    }

    private static void writeBundle(Bundler.Bundle bundle, Path dir) {
        writeDocument(bundle.name(), bundle.yaml(), bundle.json(), dir);
    }

    private static void writeDocument(String name, String yaml, String json, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".yaml"), yaml);
            Files.writeString(dir.resolve(name + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " into " + dir + ": " + e.getMessage(), e);
        }
    }
}
