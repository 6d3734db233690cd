package org.dsscontractkit.contract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dsscontractkit.contract.fuzz.MisbehavingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fuzz} as a user runs it: exit 0 on a server that holds, 1 with the findings on one that does not, 2 on bad input. */
class FuzzCommandTest {

    private static MisbehavingServer server;
    @TempDir
    static Path dir;

    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() throws IOException {
        server = new MisbehavingServer();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static Path spec(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = FuzzCommandTest.class.getResourceAsStream("/fuzz/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static Run fuzz(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "fuzz";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = ContractKitCommand.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aServerThatHoldsExitsZero() throws IOException {
        Run run = fuzz("--url", server.url().toString(), "--api", "apinode", "--spec", spec("well-behaved-api.yaml").toString(),
                "--endpoint", "svc/ep", "--api-key", MisbehavingServer.KEY, "--requests", "150", "--seed", "5",
                "--report", dir.resolve("report.txt").toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("with seed 5: 150 requests", "150 requests over 4 operations", "No finding.");
        assertThat(dir.resolve("report.txt")).content().contains("Intact check: passed");
    }

    @Test
    void aServerThatFailsExitsOneNamingTheFindingsAndHowToReplayThem() throws IOException {
        Run run = fuzz("--url", server.url().toString(), "--api", "apinode", "--spec", spec("misbehaving-api.yaml").toString(),
                "--endpoint", "svc/ep", "--api-key", MisbehavingServer.KEY, "--requests", "120");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ContractKitCommand.BROKEN);
        assertThat(run.out()).contains("[SERVER_ERROR] ", "explodes", "[NO_ANSWER] ", "[SUCCESS_WITHOUT_CREDENTIALS] ",
                "Replay: fuzz --url " + server.url().toString() + " --api apinode --seed 18 --case <index>");
    }

    @Test
    void oneCaseIsReplayedAlone() throws IOException {
        Run run = fuzz("--url", server.url().toString(), "--api", "apinode", "--spec", spec("well-behaved-api.yaml").toString(),
                "--endpoint", "svc/ep", "--api-key", MisbehavingServer.KEY, "--case", "42");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("Request #42 ").contains("Answer:", "No finding.");
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        assertThat(fuzz("--url", "not a url").exit()).isEqualTo(ContractKitCommand.USAGE);
        assertThat(fuzz("--url", "http://127.0.0.1:1", "--api", "apinode").err()).contains("--url: nothing answers at");
        Run noKey = fuzz("--url", server.url().toString(), "--api", "dss", "--requests", "5");
        assertThat(noKey.exit()).isEqualTo(ContractKitCommand.USAGE);
        assertThat(noKey.err()).contains("--api-key");
        assertThat(fuzz("--url", server.url().toString(), "--requests", "0").err()).contains("--requests: must be at least 1");
        assertThat(fuzz("--url", server.url().toString(), "--api", "apinode", "--endpoint", "no-slash").err())
                .contains("--endpoint: expected SERVICE/ENDPOINT");
        assertThat(fuzz("--url", server.url().toString(), "--api", "apinode", "--spec", "/no/such/file.yaml").err())
                .contains("--spec: /no/such/file.yaml is not a file");
    }
}
