package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dsscontractkit.reference.server.Json;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The byte parser against Commons CSV, the reader it stands in for: same cells, same errors, for every dialect
 * it serves, over inputs built from the characters that matter (separators, quotes, line breaks, whitespace,
 * multi-byte and malformed UTF-8), with read buffers and input chunks small enough to split every sequence.
 */
class CsvByteParserTest {
    private static final String[] PIECES = {
            "a", "bc", "1", ",", ";", "\t", "\"", "\"\"", "'", "\r", "\n", "\r\n", " ", "  ", "#", "!", "\u000b", "\u001f",
            "é", "€", "😀", "\u3000", "\u2028", "\u00a0", "x,y", "\"q,\"", "\"multi\nline\"",
            "\\xff", "\\xc3", "\\xe2\\x82", "\\xed\\xa0\\x80", "\\xc0\\xaf", "\\xf0\\x9f\\x98", "\\xe3\\x80", "\\xa9"};

    private static ObjectNode format(String separator, String quote, String charset) {
        ObjectNode fp = Json.object();
        fp.put("separator", separator);
        if (quote != null) fp.put("quoteChar", quote);
        fp.put("charset", charset);
        return fp;
    }

    private static final List<ObjectNode> DIALECTS = List.of(
            format(",", "\"", "utf8"), format("\\t", "\"", "utf8"), format(";", "'", "utf8"),
            format(",", "", "utf8"), format(",", "\"", "latin1"), format("\t", "\"", "ISO-8859-1"));

    /** What the parser produced: each record's cells as UTF-8, then the error message if it stopped on one. */
    private record Outcome(List<List<String>> records, String error) {}

    private static Outcome commons(byte[] input, ObjectNode fp) {
        List<List<String>> records = new ArrayList<>();
        var cs = CsvByteParser.isLatin1(fp) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        try (CSVParser p = CSVParser.parse(new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input), cs)),
                DatasetFiles.csvFormat(fp))) {
            for (CSVRecord r : p) records.add(hex(r.toList()));
        } catch (UncheckedIOException e) {
            return new Outcome(records, e.getCause().getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(records, null);
    }

    private static Outcome fast(byte[] input, ObjectNode fp, int bufferSize, Random chunks) {
        List<List<String>> records = new ArrayList<>();
        Utf8Row row = new Utf8Row();
        try (CsvByteParser p = new CsvByteParser(trickle(input, chunks), fp, bufferSize)) {
            while (p.next(row)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) cells.add(HexFormat.of().formatHex(Arrays.copyOfRange(row.bytes(), row.start(i), row.end(i))));
                records.add(cells);
            }
        } catch (CsvByteParser.Malformed e) {
            try {
                return new Outcome(records, e.describe(new ByteArrayInputStream(input), CsvByteParser.isLatin1(fp)));
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(records, null);
    }

    private static List<String> hex(List<String> cells) {
        return cells.stream().map(c -> HexFormat.of().formatHex(c.getBytes(StandardCharsets.UTF_8))).toList();
    }

    /** An input stream handing out 1 to 3 bytes per read (or everything, without a random source). */
    private static InputStream trickle(byte[] input, Random chunks) {
        return new ByteArrayInputStream(input) {
            @Override public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, chunks == null ? len : Math.min(len, 1 + chunks.nextInt(3)));
            }
        };
    }

    private static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            if (text.startsWith("\\x", i)) {
                out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 4;
            } else {
                int cp = text.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }

    @Test
    void sameRecordsAndErrorsAsCommonsCsvOnRandomInput() {
        Random random = new Random(20240618);
        int errors = 0;
        for (int n = 0; n < 10_000; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(30);
            for (int i = 0; i < pieces; i++) text.append(PIECES[random.nextInt(PIECES.length)]);
            byte[] input = bytes(text.toString());
            ObjectNode fp = DIALECTS.get(n % DIALECTS.size());
            Outcome expected = commons(input, fp);
            if (expected.error() != null) errors++;
            int bufferSize = random.nextBoolean() ? 4 + random.nextInt(6) : 1024;
            Outcome actual = fast(input, fp, bufferSize, random.nextBoolean() ? new Random(n) : null);
            assertThat(actual).as(() -> "input " + HexFormat.of().formatHex(input) + ", format " + fp + ", buffer " + bufferSize)
                    .isEqualTo(expected);
        }
        assertThat(errors).as("malformed inputs among the cases").isGreaterThan(500);
    }

    @Test
    void edgeCasesOfTheCsvDialect() {
        ObjectNode csv = format(",", "\"", "utf8");
        String[] cases = {
                "", "\n\n", "a", "a,", "a,\n", ",", "\"\"", "\"\",\"\"\r\n", "a\r\nb\rc\nd", "\n\na\n\n\nb\n",
                "\"a\"  ,b", "\"a\" x", "\"unterminated\nstill\n", "x\"y\"z", "\"a\"\"b\"", " \"a\"", "\"a\"\u3000,b",
                "\"a\"\u00a0,b", "\"a\"é", "\"a\"\\xff", "é\\xe2\\x82,\\xf0\\x9f\\x98", "\\xef\\xbb\\xbfbom,x"};
        for (String c : cases) {
            byte[] input = bytes(c);
            assertThat(fast(input, csv, 256 * 1024, null)).as(c).isEqualTo(commons(input, csv));
        }
        assertThat(fast(bytes("\"a\" x"), csv, 1024, null).error())
                .isEqualTo("Invalid char between encapsulated token and delimiter at line: 1, position: 5");
        assertThat(fast(bytes("a\n\"b\nc"), csv, 1024, null).error()).isEqualTo("(startline 2) EOF reached before encapsulated token finished");
    }

    @Test
    void cellsLongerThanTheBufferAndTheRow() {
        ObjectNode csv = format(",", "\"", "utf8");
        String big = "é\"".repeat(200_000);
        byte[] input = ("1,\"" + big.replace("\"", "\"\"") + "\",3\n" + "x".repeat(70_000) + "\n").getBytes(StandardCharsets.UTF_8);
        Outcome out = fast(input, csv, 4096, null);
        assertThat(out).isEqualTo(commons(input, csv));
        assertThat(out.records()).hasSize(2);
    }

    @Test
    void latin1IsReencodedAsUtf8() {
        ObjectNode fp = format(";", "\"", "latin1");
        byte[] input = {'c', (byte) 0xe9, ';', '"', (byte) 0xff, '"', '\n'};
        assertThat(fast(input, fp, 1024, null).records()).containsExactly(hex(List.of("cé", "ÿ")));
    }

    @Test
    void servesAsciiSeparatorsAndQuotesOnly() {
        assertThat(CsvByteParser.supports(format(",", "\"", "utf8"))).isTrue();
        assertThat(CsvByteParser.supports(format("\\t", "", "utf8"))).isTrue();
        assertThat(CsvByteParser.supports(format("§", "\"", "utf8"))).isFalse();
        assertThat(CsvByteParser.supports(format(",", "«", "utf8"))).isFalse();
        assertThat(CsvByteParser.supports(format("ab", "\"", "utf8"))).isFalse();
        assertThatThrownBy(() -> DatasetFiles.csvFormat(format("ab", "\"", "utf8"))).hasMessageContaining("separator");
    }
}
