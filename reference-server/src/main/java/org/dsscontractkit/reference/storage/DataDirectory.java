package org.dsscontractkit.reference.storage;

import org.dsscontractkit.apinode.storage.DurableFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Layout of the data directory: database, dataset files, job and scenario logs, server logs. */
public final class DataDirectory {
    private final Path root;

    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
            Files.createDirectories(logs());
            // uploads a crash interrupted: never acknowledged, never moved in place
            DurableFiles.delete(tmp());
            Files.createDirectories(tmp());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + this.root, e);
        }
    }

    public Path root() { return root; }
    public Path logs() { return root.resolve("logs"); }
    public Path tmp() { return root.resolve("tmp"); }

    /** Files of a dataset. Names are hex-encoded so that any DSS name is a safe single path segment. */
    public Path datasetFiles(String projectKey, String datasetName) {
        return root.resolve("datasets").resolve(projectKey).resolve(safe(datasetName));
    }

    public Path projectDatasets(String projectKey) {
        return root.resolve("datasets").resolve(projectKey);
    }

    public Path jobLog(String projectKey, String jobId) {
        return root.resolve("jobs").resolve(projectKey).resolve(safe(jobId) + ".log");
    }

    public Path projectJobs(String projectKey) {
        return root.resolve("jobs").resolve(projectKey);
    }

    /** Logs of a scenario's runs: under the project's job logs, so that clearing those clears them too. */
    public Path scenarioLogs(String projectKey, String scenarioId) {
        return projectJobs(projectKey).resolve("scenarios").resolve(safe(scenarioId));
    }

    public Path scenarioRunLog(String projectKey, String scenarioId, String runId) {
        return scenarioLogs(projectKey, scenarioId).resolve(safe(runId) + ".log");
    }

    public static String safe(String name) {
        StringBuilder sb = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if (Character.isLetterOrDigit(ch) && ch < 128 || ch == '_' || ch == '-') sb.append(ch);
            else sb.append('%').append(String.format("%04x", (int) ch));
        }
        return sb.toString();
    }

    /** Deletes a file or directory tree, durably: the caller may acknowledge the deletion once this returns. */
    public static void deleteRecursively(Path path) {
        try {
            DurableFiles.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
