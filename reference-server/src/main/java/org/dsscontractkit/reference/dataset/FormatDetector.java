package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dsscontractkit.reference.server.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Detects how the files of a dataset are written, from the first bytes of its first file: charset (UTF-8, else
 * Latin-1), compression (gzip), CSV separator and quote (the candidate that splits the sample into the most
 * consistent number of columns), whether the first row is a header, and the schema of the columns.
 */
public final class FormatDetector {
    static final int SAMPLE_BYTES = 1024 * 1024;
    static final int SAMPLE_ROWS = 1000;
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};
    private static final char[] QUOTES = {'"', '\''};

    private FormatDetector() {}

    /** One way to read the sample: its rows and how consistently they split. */
    private record Candidate(char separator, char quote, List<List<String>> rows, int columns, double consistency) {
        double score() {
            return columns <= 1 ? 0 : consistency * 1000 + columns;
        }

        ObjectNode params(String charset, boolean header, String compress) {
            ObjectNode p = Json.object();
            p.put("style", "excel");
            p.put("separator", separator == '\t' ? "\t" : String.valueOf(separator));
            p.put("quoteChar", String.valueOf(quote));
            p.put("parseHeaderRow", header);
            p.put("skipRowsBeforeHeader", 0);
            p.put("skipRowsAfterHeader", 0);
            p.put("charset", charset);
            if (!compress.isEmpty()) p.put("compress", compress);
            return p;
        }
    }

    /**
     * @param files          the dataset's files, in reading order
     * @param inferTypes     type the columns from their values; otherwise every column is a string (DSS's default)
     * @param listCandidates also list the other separators the sample splits consistently with
     * @return the detection result ({@code format}, {@code possibleFormats}), as the API answers it
     */
    public static ObjectNode detect(List<Path> files, boolean inferTypes, boolean listCandidates) {
        ObjectNode result = Json.object();
        result.put("connectionOK", true);
        ObjectNode format = result.putObject("format");
        ArrayNode possible = result.putArray("possibleFormats");
        if (files.isEmpty()) {
            format.put("ok", false);
            format.put("message", "The dataset has no file to detect a format from: upload one first");
            return result;
        }
        Path first = files.get(0);
        byte[] sample;
        boolean gzip = first.getFileName().toString().endsWith(".gz");
        try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(first)) : Files.newInputStream(first)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            format.put("ok", false);
            format.put("message", "Cannot read file '" + first.getFileName() + "': " + e.getMessage());
            return result;
        }
        String charset = isUtf8(sample) ? "utf8" : "latin1";
        String text = new String(sample, charset.equals("utf8") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (sample.length == SAMPLE_BYTES) {
            // the sample ends mid-line: keep whole lines only
            int lastNewline = text.lastIndexOf('\n');
            if (lastNewline > 0) text = text.substring(0, lastNewline + 1);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (char sep : SEPARATORS) {
            for (char quote : QUOTES) {
                Candidate c = parse(text, sep, quote);
                if (c != null) candidates.add(c);
            }
        }
        Candidate best = candidates.stream().max(Comparator.comparingDouble(Candidate::score)
                        .thenComparing(c -> c.quote() == '"')) // on a tie, the usual quote
                .orElse(null);
        if (best == null || best.rows().isEmpty()) {
            format.put("ok", false);
            format.put("message", "File '" + first.getFileName() + "' is empty or does not parse as CSV");
            return result;
        }
        if (best.columns() <= 1) {
            // one column: no separator splits it; read lines as they are
            best = candidates.stream().filter(c -> c.separator() == ',' && c.quote() == '"').findFirst().orElse(best);
        }
        boolean header = hasHeader(best.rows());
        String compress = gzip ? "gz" : "";
        format.put("ok", true);
        format.put("type", "csv");
        format.set("params", best.params(charset, header, compress));
        ObjectNode detection = format.putObject("schemaDetection");
        detection.set("newSchema", schema(best.rows(), best.columns(), header, inferTypes));
        detection.put("detectedHeaderRow", header);
        detection.put("sampledRows", best.rows().size() - (header ? 1 : 0));
        if (listCandidates) {
            Set<Character> listed = new HashSet<>();
            for (Candidate c : candidates.stream().sorted(Comparator.comparingDouble(Candidate::score).reversed()).toList()) {
                if (c.columns() <= 1 || c.consistency() < 0.9 || !listed.add(c.separator())) continue;
                ObjectNode f = possible.addObject();
                f.put("ok", true);
                f.put("type", "csv");
                f.set("params", c.params(charset, hasHeader(c.rows()), compress));
            }
        }
        return result;
    }

    private static boolean isUtf8(byte[] sample) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(trimPartialUtf8(sample)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The sample may end inside a multi-byte character: that is not a reason to call the file Latin-1. */
    private static byte[] trimPartialUtf8(byte[] b) {
        int end = b.length;
        for (int i = 1; i <= 3 && end - i >= 0; i++) {
            int v = b[end - i] & 0xff;
            if ((v & 0xC0) == 0xC0) return java.util.Arrays.copyOf(b, end - i); // a lead byte near the end
            if ((v & 0x80) == 0) break;
        }
        return b;
    }

    private static Candidate parse(String text, char sep, char quote) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(sep).setQuote(quote).setIgnoreEmptyLines(true).build();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
                if (rows.size() >= SAMPLE_ROWS) break;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null; // malformed with this quote: not a candidate
        }
        if (rows.isEmpty()) return new Candidate(sep, quote, rows, 0, 0);
        Map<Integer, Integer> widths = new HashMap<>();
        for (List<String> r : rows) widths.merge(r.size(), 1, Integer::sum);
        Map.Entry<Integer, Integer> mode = widths.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow();
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        return new Candidate(sep, quote, rows, columns, (double) mode.getValue() / rows.size());
    }

    /**
     * The first row is a header when its cells are all filled and it reads unlike the rows below: a column typed by
     * the other rows (numbers, booleans) whose first cell is not of that type, or, where every column holds text, no
     * first cell that also appears below it.
     */
    static boolean hasHeader(List<List<String>> rows) {
        if (rows.isEmpty()) return false;
        List<String> first = rows.get(0);
        for (String cell : first) {
            if (cell.isBlank()) return false;
        }
        if (rows.size() == 1) return first.stream().noneMatch(FormatDetector::looksTyped);
        List<List<String>> body = rows.subList(1, rows.size());
        boolean typedColumn = false;
        for (int i = 0; i < first.size(); i++) {
            String type = ColumnTypes.infer(body, i);
            if (type.equals("string")) continue;
            typedColumn = true;
            if (!ColumnTypes.infer(List.of(List.of(first.get(i))), 0).equals(type) && !looksTyped(first.get(i))) return true;
        }
        if (typedColumn) return false;
        for (int i = 0; i < first.size(); i++) {
            for (List<String> r : body) if (i < r.size() && r.get(i).trim().equals(first.get(i).trim())) return false;
        }
        return first.stream().noneMatch(FormatDetector::looksTyped);
    }

    private static boolean looksTyped(String cell) {
        return !ColumnTypes.infer(List.of(List.of(cell)), 0).equals("string");
    }

    private static ObjectNode schema(List<List<String>> rows, int width, boolean header, boolean inferTypes) {
        List<List<String>> body = header ? rows.subList(1, rows.size()) : rows;
        ObjectNode schema = Json.object();
        ArrayNode columns = schema.putArray("columns");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < width; i++) {
            String name = header && i < rows.get(0).size() && !rows.get(0).get(i).isBlank() ? rows.get(0).get(i).trim() : "col_" + i;
            String unique = name;
            for (int n = 2; !names.add(unique); n++) unique = name + "_" + n;
            ObjectNode c = columns.addObject();
            c.put("name", unique);
            c.put("type", inferTypes ? ColumnTypes.infer(body, i) : "string");
        }
        schema.put("userModified", false);
        return schema;
    }
}
