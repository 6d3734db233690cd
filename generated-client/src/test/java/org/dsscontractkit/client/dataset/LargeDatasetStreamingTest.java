package org.dsscontractkit.client.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dsscontractkit.client.rows.RowStream;
import org.dsscontractkit.client.support.DssStubTest;
import org.junit.jupiter.api.Test;

/**
 * Reads a dataset far larger than the heap of the test JVM (surefire runs this class with {@code -Xmx64m}): the stub
 * generates ~300 MB of TSV on the fly, chunked, and the client must stream it row by row.
 */
class LargeDatasetStreamingTest extends DssStubTest {

    private static final long ROWS = 3_300_000L;
    private static final String D = BASE + "/projects/BIG/datasets/events";

    @Test
    void streamsThreeHundredMegabytesThroughASmallHeap() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        String filler = "x".repeat(75);
        long[] bytesSent = {0};
        stub.on("GET", D + "/schema", 200,
                        "{\"columns\":[{\"name\":\"id\",\"type\":\"bigint\"},{\"name\":\"v\",\"type\":\"double\"},{\"name\":\"tag\",\"type\":\"string\"}]}")
                .on("GET", D + "/finish-streaming/", 200, "")
                .on("GET", D + "/data/", (exchange, request) -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/tab-separated-values");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
                        for (long i = 0; i < ROWS; i++) {
                            byte[] line = (i + "\t" + (i * 0.5) + "\t\"" + filler + "\t" + (i % 10) + "\"\n").getBytes(StandardCharsets.US_ASCII);
                            out.write(line);
                            bytesSent[0] += line.length;
                        }
                    }
                });

        long count = 0;
        long idSum = 0;
        try (RowStream rows = client.getProject("BIG").getDataset("events").iterRows()) {
            for (List<Object> row : rows) {
                count++;
                idSum += (Long) row.get(0);
                if (count == ROWS) {
                    assertThat(row.get(1)).isEqualTo((ROWS - 1) * 0.5);
                    assertThat(row.get(2)).isEqualTo(filler + "\t" + ((ROWS - 1) % 10));
                }
            }
        }

        assertThat(count).isEqualTo(ROWS);
        assertThat(idSum).isEqualTo(ROWS * (ROWS - 1) / 2);
        assertThat(bytesSent[0]).isGreaterThan(4 * maxHeap);
        assertThat(stub.requests()).extracting(r -> r.path()).containsExactly(D + "/data/", D + "/schema", D + "/finish-streaming/");
        System.out.printf("streamed %d rows, %d MB, through a %d MB heap%n", count, bytesSent[0] >> 20, maxHeap >> 20);
    }
}
