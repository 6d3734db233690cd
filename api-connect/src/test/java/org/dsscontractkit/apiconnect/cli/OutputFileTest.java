package org.dsscontractkit.apiconnect.cli;

import org.dsscontractkit.apiconnect.Fixtures;
import org.dsscontractkit.apiconnect.TestServer;
import org.dsscontractkit.apiconnect.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code -o} as a shell redirection would behave: links followed, devices and FIFOs kept, permissions kept. */
class OutputFileTest {
    @TempDir Path dir;
    private final TestServer server = new TestServer();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path preset;

    @BeforeEach
    void setUp() {
        server.on("/rows", (r, i) -> Reply.json("[{\"id\": 1}, {\"id\": 2}]"));
        preset = Fixtures.write(dir, "rows.yaml", "endpoint: {url: '%s', retry: {maxRetries: 0}}".formatted(server.url("/rows")));
    }

    @AfterEach
    void stop() { server.close(); }

    private int fetch(Path output, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("fetch", "-p", preset.toString(), "-q", "-o", output.toString()));
        args.addAll(java.util.List.of(more));
        return ApiConnectCommand.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aSymlinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = Fixtures.write(dir, "real.csv", "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
        assertThat(fetch(link)).as(err.toString()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real.csv"));
        assertThat(Files.readString(real)).isEqualTo("id\n1\n2\n");
        assertNoLeftovers();
    }

    @Test
    void aDanglingSymlinkCreatesItsTargetLikeAShellRedirection() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), Path.of("data/2024.csv"));
        assertThat(fetch(link)).as(err.toString()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("data/2024.csv"))).isEqualTo("id\n1\n2\n");
    }

    @Test
    void aFifoIsStreamedToAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("rows.pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo available");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo); // blocks until the writer opens and closes the pipe
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(fetch(fifo, "--format", "jsonl")).as(err.toString()).isZero();
        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("{\"id\":1}\n{\"id\":2}\n");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
        assertNoLeftovers();
    }

    @Test
    void aCharacterDeviceIsWrittenToNotReplaced() throws Exception {
        // A private copy of /dev/null (major 1, minor 3): only root may create it; as root the old code replaced it.
        Path nul = dir.resolve("null");
        assumeTrue(new ProcessBuilder("mknod", nul.toString(), "c", "1", "3").start().waitFor() == 0, "mknod allowed (root)");
        assertThat(fetch(nul)).as(err.toString()).isZero();
        assertThat(Files.isRegularFile(nul, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.size(nul)).isZero();
        assertNoLeftovers();
    }

    @Test
    void aDirectoryOrAMissingDirectoryIsAUsageErrorBeforeAnyCall() {
        assertThat(fetch(dir)).isEqualTo(2);
        assertThat(err.toString()).contains("api-connect: configuration error: --output: " + dir + " is a directory");
        assertThat(fetch(dir.resolve("no/such/dir/out.csv"))).isEqualTo(2);
        assertThat(err.toString()).contains("--output: " + dir.resolve("no/such/dir/out.csv") + " directory " + dir.resolve("no/such/dir") + " does not exist");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws Exception {
        Path target = Fixtures.write(dir, "shared.csv", "old\n");
        Set<PosixFilePermission> groupReadable = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, groupReadable);
        assertThat(fetch(target)).as(err.toString()).isZero();
        assertThat(Files.readString(target)).isEqualTo("id\n1\n2\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(groupReadable);
    }

    @Test
    void asRootAnExistingFileKeepsItsOwnerAndGroup() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root may give a file away");
        Path target = Fixtures.write(dir, "theirs.csv", "old\n");
        var lookup = target.getFileSystem().getUserPrincipalLookupService();
        var view = Files.getFileAttributeView(target, java.nio.file.attribute.PosixFileAttributeView.class);
        java.nio.file.attribute.GroupPrincipal group = null;
        for (String name : new String[]{"nogroup", "nobody"}) {
            try {
                group = lookup.lookupPrincipalByGroupName(name);
                break;
            } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
                // try the other usual name
            }
        }
        assumeTrue(group != null, "a 'nogroup' or 'nobody' group");
        view.setOwner(lookup.lookupPrincipalByName("nobody"));
        view.setGroup(group);
        assertThat(fetch(target)).as(err.toString()).isZero();
        var after = Files.readAttributes(target, java.nio.file.attribute.PosixFileAttributes.class);
        assertThat(after.owner().getName()).isEqualTo("nobody");
        assertThat(after.group()).isEqualTo(group);
        assertThat(Files.readString(target)).isEqualTo("id\n1\n2\n");
    }

    @Test
    void aNewFileGetsTheUmaskDefaultNotOwnerOnly() throws Exception {
        Path target = dir.resolve("new.csv");
        assertThat(fetch(target)).as(err.toString()).isZero();
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(umaskDefault());
    }

    @Test
    void aFailedRunDeletesItsTemporaryFileAndKeepsThePreviousContent() throws Exception {
        server.on("/rows", (r, i) -> Reply.status(500, "{}"));
        Path target = Fixtures.write(dir, "keep.csv", "good old data\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        assertThat(fetch(target)).isEqualTo(1);
        assertThat(Files.readString(target)).isEqualTo("good old data\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PosixFilePermissions.fromString("rw-rw-r--"));
        assertNoLeftovers();
    }

    @Test
    void dashIsStandardOutput() {
        assertThat(fetch(Path.of("-"), "--format", "jsonl")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("{\"id\":1}\n{\"id\":2}\n");
        assertThat(Files.exists(Path.of("-"))).isFalse();
    }

    /** 0666 minus the process umask, read from a child shell (the JVM has no API for it; children inherit it). */
    private static Set<PosixFilePermission> umaskDefault() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "umask").start();
        String umask = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(p.waitFor()).isZero();
        int mode = 0666 & ~Integer.parseInt(umask, 8);
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (0400 >> bit)) != 0) perms.add(order[bit]);
        }
        return perms;
    }

    private void assertNoLeftovers() throws IOException {
        try (var files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }
}
