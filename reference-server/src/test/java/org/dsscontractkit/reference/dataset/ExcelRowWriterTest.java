package org.dsscontractkit.reference.dataset;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte writer of the tsv/csv formats against the Commons CSV printer that wrote them before
 * ({@code CSVFormat.EXCEL}, the record separator LF): the same bytes for the same rows.
 */
class ExcelRowWriterTest {
    private static final String[] PIECES = {"a", "Zz", "1.5", "\t", ",", "\"", "\"\"", "\r", "\n", " ", "#", "!", "$", "'",
            "\u0000", "\u001f", "\u007f", "é", "€", "😀", "\u3000", "\ud800", "\udc00", "x y", ";"};

    private static byte[] commons(char separator, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVFormat fmt = CSVFormat.EXCEL.builder().setDelimiter(separator).setRecordSeparator("\n").build();
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(w, fmt);
        for (List<String> r : rows) printer.printRecord(r);
        printer.flush();
        return out.toByteArray();
    }

    private static byte[] strings(char separator, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExcelRowWriter w = new ExcelRowWriter(out, separator)) {
            for (List<String> r : rows) w.row(r);
        }
        return out.toByteArray();
    }

    /** The same rows through the byte path (cells already UTF-8, as the parser hands them over). */
    private static byte[] bytes(char separator, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8Row row = new Utf8Row();
        try (ExcelRowWriter w = new ExcelRowWriter(out, separator)) {
            for (List<String> r : rows) {
                row.clear();
                for (String c : r) row.appendString(c);
                w.row(row);
            }
        }
        return out.toByteArray();
    }

    private static String randomCell(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) s.append(PIECES[random.nextInt(PIECES.length)]);
        return s.toString();
    }

    @Test
    void sameBytesAsTheCommonsCsvPrinter() throws IOException {
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            List<List<String>> rows = new ArrayList<>();
            for (int r = random.nextInt(4); r >= 0; r--) {
                List<String> cells = new ArrayList<>();
                for (int c = random.nextInt(5); c >= 0; c--) cells.add(randomCell(random));
                rows.add(cells);
            }
            char separator = n % 2 == 0 ? '\t' : ',';
            byte[] expected = commons(separator, rows);
            assertThat(strings(separator, rows)).as(() -> rows.toString()).isEqualTo(expected);
            boolean wellFormed = rows.stream().flatMap(List::stream).noneMatch(c -> c.chars().anyMatch(ch -> Character.isSurrogate((char) ch)));
            if (wellFormed) assertThat(bytes(separator, rows)).as(() -> rows.toString()).isEqualTo(expected);
        }
    }

    @Test
    void quotingEdgeCases() throws IOException {
        List<List<String>> rows = List.of(
                List.of("", "", ""),              // an empty first cell is "" so that the line is not blank
                List.of("tab\there", "say \"hi\"", "two\nlines", "cr\rhere"),
                List.of(" lead", "trail ", "#hash", "!bang", "in#side", "a,b"),
                List.of("ünïcödé ✓", "😀", "\u3000ideographic space"),
                List.of("\"", "x"));
        String tsv = new String(bytes('\t', rows), StandardCharsets.UTF_8);
        assertThat(tsv).isEqualTo("\"\"\t\t\n"
                + "\"tab\there\"\t\"say \"\"hi\"\"\"\t\"two\nlines\"\t\"cr\rhere\"\n"
                + "\" lead\"\t\"trail \"\t\"#hash\"\t\"!bang\"\tin#side\ta,b\n"
                + "ünïcödé ✓\t😀\t\u3000ideographic space\n"
                + "\"\"\"\"\tx\n");
        assertThat(bytes('\t', rows)).isEqualTo(commons('\t', rows));
        assertThat(new String(bytes(',', List.of(List.of("a,b", "tab\tok"))), StandardCharsets.UTF_8)).isEqualTo("\"a,b\",tab\tok\n");
    }

    @Test
    void nullCellsAreWrittenAsNothing() throws IOException {
        List<List<String>> rows = List.of(Arrays.asList(null, "a", null), Arrays.asList((String) null));
        assertThat(new String(strings('\t', rows), StandardCharsets.UTF_8)).isEqualTo("\ta\t\n\n");
        assertThat(strings('\t', rows)).isEqualTo(commons('\t', rows));
    }

    @Test
    void rowsLargerThanTheBufferGoThrough() throws IOException {
        String big = "\"x\ty\"".repeat(30_000);
        List<List<String>> rows = List.of(List.of(big, "small"), List.of("next"));
        assertThat(bytes('\t', rows)).isEqualTo(commons('\t', rows));
    }

    @Test
    void aParsedFileIsWrittenBackAsTsv() throws IOException {
        var fp = org.dsscontractkit.reference.server.Json.object().put("separator", ",").put("charset", "utf8");
        byte[] csv = "id,name,note\n1,\"Saint-Denis, Réunion\",\"say \"\"hi\"\"\"\n2,,\"multi\nline\"\n3,tab\there,\n"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8Row row = new Utf8Row();
        row.shape(3, null);
        try (CsvByteParser p = CsvByteParser.open(new ByteArrayInputStream(csv), fp); ExcelRowWriter w = new ExcelRowWriter(out, '\t')) {
            p.next(row);
            while (p.next(row)) w.row(row);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "1\tSaint-Denis, Réunion\t\"say \"\"hi\"\"\"\n2\t\t\"multi\nline\"\n3\t\"tab\there\"\t\n");
    }

    @Test
    void shapingPadsMissingCellsAndPicksSelectedColumns() throws IOException {
        var fp = org.dsscontractkit.reference.server.Json.object().put("separator", ",");
        byte[] csv = "a,b,c\n1\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8Row row = new Utf8Row();
        try (CsvByteParser p = CsvByteParser.open(new ByteArrayInputStream(csv), fp); ExcelRowWriter w = new ExcelRowWriter(out, '\t')) {
            row.shape(2, null);
            p.next(row);
            w.row(row);
            row.shape(3, new int[]{2, 0, 5});
            p.next(row);
            w.row(row);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\tb\n\"\"\t1\t\n");
    }
}
