package org.dsscontractkit.apiconnect.dataset;

import org.dsscontractkit.apiconnect.preset.ConfigException;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Where {@code -o} writes, resolved the way a shell redirection would be, and never by replacing something that
 * is not a regular file:
 * <ul>
 *   <li>a symbolic link is followed (also a dangling one): its target is written, the link stays;</li>
 *   <li>a device or a FIFO ({@code /dev/null}, {@code /dev/stdout}, a named pipe) is written to directly;</li>
 *   <li>a directory, or a path whose directory does not exist, is a usage error (exit 2, before any call);</li>
 *   <li>a regular file is written under a temporary name in its own directory and moved over the target only when
 *   the run succeeds, so a failed run leaves the previous file untouched. The file keeps its permissions (and,
 *   where the process may set them, its owner and group); a new file gets the umask's default permissions.
 *   When the directory is not writable but the file is, the output is spooled elsewhere and copied into the file
 *   at the end instead.</li>
 * </ul>
 * Streamed outputs (standard output, devices, FIFOs) cannot be taken back: a failed run still writes the rows it
 * already had, and the exit code says it failed.
 */
public abstract class OutputTarget {
    private static final int MAX_LINKS = 40;

    /** Whether rows already written stay written when the run fails (standard output, devices, FIFOs). */
    public abstract boolean streamed();

    /** Opens the writer; {@link Output#commit()} completes the target, {@link Output#discard()} gives up. */
    abstract Output open() throws IOException;

    /** An opened target. */
    interface Output {
        Writer writer();

        void commit() throws IOException;

        void discard();
    }

    /** Standard output (or any stream owned by the caller): written directly, never closed. */
    public static OutputTarget stream(Writer out) {
        return new OutputTarget() {
            @Override public boolean streamed() { return true; }

            @Override Output open() {
                Writer w = new FilterWriter(out) {
                    @Override public void close() throws IOException { out.flush(); }
                };
                return new Output() {
                    @Override public Writer writer() { return w; }

                    @Override public void commit() throws IOException { w.flush(); }

                    @Override public void discard() {
                        try {
                            w.flush();
                        } catch (IOException ignored) {
                            // nothing more can be done for a broken stream
                        }
                    }
                };
            }

            @Override public String toString() { return "standard output"; }
        };
    }

    /**
     * Resolves {@code -o FILE}; {@code -} is standard output. Checks what can be checked before any call, so that a
     * wrong path fails with exit 2 and no request made.
     */
    public static OutputTarget of(Path file, Writer stdout) {
        if (file.toString().equals("-")) return stream(stdout);
        Path path = file.toAbsolutePath();
        try {
            if (Files.exists(path)) {
                BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
                if (attrs.isDirectory()) throw usage(file, "is a directory");
                if (!attrs.isRegularFile()) return new Device(path);
                return new RegularFile(path.toRealPath(), true);
            }
            Path target = followDanglingLinks(file, path);
            Path dir = target.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw usage(file, "directory " + (dir == null ? "(none)" : dir) + " does not exist");
            }
            return new RegularFile(target, false);
        } catch (IOException e) {
            throw usage(file, "cannot be written: " + describe(e));
        }
    }

    /** A link to a file that does not exist yet: the file is created where the link points, as {@code >} does. */
    private static Path followDanglingLinks(Path given, Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops >= MAX_LINKS) throw usage(given, "too many levels of symbolic links");
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    private static ConfigException usage(Path file, String message) {
        return new ConfigException(null, "--output", file + " " + message);
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Writer utf8(OutputStream out) {
        return new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** A device, FIFO or socket: written in place, nothing to move. */
    private static final class Device extends OutputTarget {
        private final Path path;

        Device(Path path) { this.path = path; }

        @Override public boolean streamed() { return true; }

        @Override Output open() throws IOException {
            Writer w = utf8(Files.newOutputStream(path, StandardOpenOption.WRITE));
            return new Output() {
                @Override public Writer writer() { return w; }

                @Override public void commit() throws IOException { w.close(); }

                @Override public void discard() {
                    try {
                        w.close();
                    } catch (IOException ignored) {
                        // the reader went away: nothing left to protect
                    }
                }
            };
        }

        @Override public String toString() { return path.toString(); }
    }

    /** A regular file, existing or not: replaced whole when the run succeeds. */
    private static final class RegularFile extends OutputTarget {
        private final Path target;
        private final boolean exists;

        RegularFile(Path target, boolean exists) {
            this.target = target;
            this.exists = exists;
        }

        @Override public boolean streamed() { return false; }

        @Override Output open() throws IOException {
            Path temp;
            try {
                temp = createSibling();
            } catch (AccessDeniedException e) {
                if (exists && Files.isWritable(target)) return copyIn();
                throw usage(target, "cannot be written: permission denied in " + target.getParent());
            }
            temp.toFile().deleteOnExit(); // also after Ctrl-C; harmless once the file has been moved
            Writer w;
            try {
                w = utf8(Files.newOutputStream(temp, StandardOpenOption.WRITE));
                if (exists) keepAttributes(temp);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return new Output() {
                @Override public Writer writer() { return w; }

                @Override public void commit() throws IOException {
                    try {
                        w.close();
                        move(temp);
                    } finally {
                        Files.deleteIfExists(temp);
                    }
                }

                @Override public void discard() {
                    try {
                        w.close();
                    } catch (IOException ignored) {
                        // the file is deleted anyway
                    }
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException ignored) {
                        // deleteOnExit has it
                    }
                }
            };
        }

        /** Hidden and named after the target, so a leftover is recognisable; the umask's default permissions. */
        private Path createSibling() throws IOException {
            return TempFiles.create(target.getParent(), "." + target.getFileName() + ".", ".partial");
        }

        private void keepAttributes(Path temp) throws IOException {
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view == null) return;
            PosixFileAttributes old = Files.readAttributes(target, PosixFileAttributes.class);
            view.setPermissions(old.permissions());
            PosixFileAttributes now = view.readAttributes();
            try {
                if (!now.owner().equals(old.owner())) view.setOwner(old.owner());
                if (!now.group().equals(old.group())) view.setGroup(old.group());
            } catch (IOException notAllowed) {
                // only root may give a file away: the new file then belongs to us, as any editor's save would
            }
        }

        private void move(Path temp) throws IOException {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /** The directory is read-only but the file is writable: spool privately, then overwrite the file in place. */
        private Output copyIn() throws IOException {
            Path spool = TempFiles.createPrivate("api-connect-output-", ".partial");
            spool.toFile().deleteOnExit();
            Writer w = utf8(Files.newOutputStream(spool, StandardOpenOption.WRITE));
            return new Output() {
                @Override public Writer writer() { return w; }

                @Override public void commit() throws IOException {
                    try {
                        w.close();
                        try (OutputStream out = Files.newOutputStream(target, LinkOption.NOFOLLOW_LINKS,
                                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                            Files.copy(spool, out);
                        }
                    } finally {
                        Files.deleteIfExists(spool);
                    }
                }

                @Override public void discard() {
                    try {
                        w.close();
                        Files.deleteIfExists(spool);
                    } catch (IOException ignored) {
                        // deleteOnExit has it
                    }
                }
            };
        }

        @Override public String toString() { return target.toString(); }
    }
}
