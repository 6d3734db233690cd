package org.dsscontractkit.apinode.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * File writes that a server may acknowledge: once a method here returns, the change survives a crash of the process
 * (SIGKILL), and of the machine (kernel panic, power loss) as far as the disk honours fsync.
 * <p>
 * A rename alone is atomic but not durable: the new directory entry (and a new file's data) can sit in the page
 * cache, so after a power loss the old file, an empty file or nothing may be found. Hence the order: write a
 * temporary file in the target's directory, fsync it, rename it over the target, fsync the directory. A directory
 * that cannot be opened for fsync (some platforms and file systems) is skipped: the rename is still atomic there.
 * <p>
 * Shared by the API node's state files and the reference server's dataset uploads.
 */
public final class DurableFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private DurableFiles() {
    }

    /** Replaces {@code target} atomically and durably with {@code content}. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Replaces {@code target} atomically and durably with what {@code content} writes; on failure the target is untouched. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            syncDirectory(dir);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Moves a complete file or directory tree to {@code target} atomically and durably: the moved content is synced
     * first, then the rename in the target's directory.
     */
    public static void move(Path source, Path target, boolean replace) throws IOException {
        syncTree(source);
        Path targetDir = target.toAbsolutePath().getParent();
        createDirectories(targetDir);
        if (replace) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }
        // the source directory is not synced: an entry a crash leaves there too is a staging leftover, cleaned later
        syncDirectory(targetDir);
    }

    /** Creates {@code dir} and its missing parents, each new entry synced in its parent. */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        if (missing.isEmpty()) {
            return;
        }
        Files.createDirectories(absolute);
        for (Path created : missing) {
            syncDirectory(created.getParent());
        }
    }

    /** Deletes a file or a directory tree (if present) and syncs the removal in its parent directory. */
    public static boolean delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        syncDirectory(path.toAbsolutePath().getParent());
        return true;
    }

    /** Forces a file's data and metadata to the disk. */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Forces a directory's entries to the disk; skipped where the platform cannot open a directory (e.g. Windows). */
    public static void syncDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a directory");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException notOpenable) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** Syncs every file and directory under {@code root} (or {@code root} itself when it is a file), children first. */
    public static void syncTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            syncFile(root);
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (Files.isDirectory(p)) {
                syncDirectory(p);
            } else if (Files.isRegularFile(p)) {
                syncFile(p);
            }
        }
    }
}
