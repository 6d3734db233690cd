package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.apinode.storage.DurableFiles;
import org.dsscontractkit.reference.server.Json;
import org.dsscontractkit.reference.storage.DataDirectory;
import org.dsscontractkit.reference.storage.StreamedUpload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The files of a file-based dataset (uploaded or managed): stored, listed and parsed as a stream of rows. */
public final class DatasetFiles {
    private final DataDirectory dataDir;
    private final long maxUploadBytes;

    public DatasetFiles(DataDirectory dataDir, long maxUploadBytes) {
        this.dataDir = dataDir;
        this.maxUploadBytes = maxUploadBytes;
    }

    public long maxUploadBytes() { return maxUploadBytes; }

    public Path dir(String projectKey, String dataset) {
        return dataDir.datasetFiles(projectKey, dataset);
    }

    public List<Path> files(String projectKey, String dataset) {
        Path dir = dir(projectKey, dataset);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ArrayNode describe(String projectKey, String dataset) {
        ArrayNode out = Json.array();
        for (Path f : files(projectKey, dataset)) {
            ObjectNode o = out.addObject();
            o.put("path", "/" + f.getFileName());
            o.put("name", f.getFileName().toString());
            try {
                o.put("size", Files.size(f));
                o.put("lastModified", Files.getLastModifiedTime(f).toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static String validFileName(String name) {
        if (name == null || name.isBlank()) throw ApiException.invalidField("file", "the multipart part 'file' needs a file name");
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (base.isEmpty() || base.equals(".") || base.equals("..") || base.startsWith(".")) {
            throw ApiException.invalidField("file", "invalid file name '" + name + "'");
        }
        // file systems (ext4, xfs, tmpfs, APFS, NTFS) take names of at most 255 bytes
        int bytes = base.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > 255) {
            throw ApiException.invalidField("file", "the file name is " + bytes + " bytes long in UTF-8; at most 255");
        }
        return base;
    }

    /** Stores an upload as a file of the dataset; see {@link StreamedUpload}. */
    public long store(String projectKey, String dataset, String fileName, InputStream in) {
        return StreamedUpload.store(dataDir, in, dir(projectKey, dataset).resolve(fileName), maxUploadBytes, "'" + fileName + "'");
    }

    /** Writes rows, one CSV record per row, in a dataset's format. */
    @FunctionalInterface
    public interface RowWriter {
        void write(CSVPrinter out) throws IOException;
    }

    /**
     * Writes a new file of the dataset in its format (separator, quote, charset; a header row when the format has
     * one), through a temporary file moved in place when complete, like an upload.
     */
    public void writeFile(String projectKey, String dataset, String fileName, JsonNode formatParams, List<String> header,
                          RowWriter rows) throws IOException {
        Path tmp = Files.createTempFile(dataDir.tmp(), "rows-", ".csv");
        try {
            Charset cs = CsvByteParser.isLatin1(formatParams) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            CSVFormat format = csvFormat(formatParams).builder().setRecordSeparator("\n").build();
            try (Writer w = Files.newBufferedWriter(tmp, cs); CSVPrinter out = new CSVPrinter(w, format)) {
                if (parseHeader(formatParams)) out.printRecord(header);
                rows.write(out);
            }
            DurableFiles.move(tmp, dir(projectKey, dataset).resolve(fileName), true);
            tmp = null;
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    /** Writes rows; see {@link #replaceWithRows}. */
    public interface RowProducer {
        void write(RowSink out) throws IOException;
    }

    /**
     * Replaces the files of a dataset with one CSV file of the rows {@code producer} writes (a recipe building its
     * output), in the dataset's format, with a header row when the format parses one. The file is complete and
     * synced before the old files go: a failed or aborted build leaves the previous data.
     *
     * @return the number of rows written
     */
    public long replaceWithRows(String projectKey, String dataset, JsonNode formatParams, List<String> header,
                                RowProducer producer) throws IOException {
        Path tmp = Files.createTempFile(dataDir.tmp(), "build-", ".part");
        try {
            long[] rows = {0};
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(w, csvFormat(formatParams))) {
                if (parseHeader(formatParams)) printer.printRecord(header);
                producer.write(new RowSink() {
                    @Override public void row(List<String> cells) throws IOException {
                        printer.printRecord(cells);
                        rows[0]++;
                    }
                });
            }
            Path dir = dir(projectKey, dataset);
            DataDirectory.deleteRecursively(dir);
            DurableFiles.move(tmp, dir.resolve("part-00000.csv"), true);
            tmp = null;
            return rows[0];
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    public boolean deleteFile(String projectKey, String dataset, String fileName) {
        try {
            Path file = dir(projectKey, dataset).resolve(validFileName(fileName));
            // only an uploaded file: a partition folder of the same name is not one
            return Files.isRegularFile(file) && DurableFiles.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int clear(String projectKey, String dataset) {
        int n = files(projectKey, dataset).size();
        DataDirectory.deleteRecursively(dir(projectKey, dataset));
        return n;
    }

    // ---- parsing --------------------------------------------------------------------------------

    static CSVFormat csvFormat(JsonNode formatParams) {
        String sep = formatParams.path("separator").asText(",");
        if (sep.equals("\\t")) sep = "\t";
        if (sep.length() != 1) throw ApiException.invalidField("formatParams.separator", "must be a single character");
        String quote = formatParams.path("quoteChar").asText("\"");
        // Strict parsing (not the lenient EXCEL preset): malformed quoting must surface as a read failure.
        CSVFormat.Builder b = CSVFormat.DEFAULT.builder().setDelimiter(sep.charAt(0))
                .setIgnoreSurroundingSpaces(false).setIgnoreEmptyLines(true).setTrim(false);
        b.setQuote(quote.isEmpty() ? null : quote.charAt(0));
        return b.build();
    }

    static boolean parseHeader(JsonNode formatParams) {
        return formatParams.path("parseHeaderRow").asBoolean(true);
    }

    private static InputStream bytes(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        if (f.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 64 * 1024);
        return in;
    }

    private static BufferedReader reader(Path f, JsonNode formatParams) throws IOException {
        Charset cs = CsvByteParser.isLatin1(formatParams) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        return new BufferedReader(new InputStreamReader(bytes(f), cs), 256 * 1024);
    }

    /** The first rows of a file, for schema inference; stops quietly at the first malformed record. */
    public List<List<String>> head(Path f, JsonNode formatParams, int maxRows) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(reader(f, formatParams), csvFormat(formatParams))) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
                if (rows.size() >= maxRows) break;
            }
        } catch (UncheckedIOException e) {
            // Reads of the data will report it; the schema comes from the rows before it.
        }
        return rows;
    }

    /**
     * Streams every row of every file to {@code sink}, shaped to {@code width} cells.
     * Throws {@link DataReadException} on malformed content, after the rows before it were delivered.
     */
    public long read(List<Path> dataFiles, JsonNode formatParams, int width, int[] selected, RowSink sink) throws IOException {
        boolean header = parseHeader(formatParams);
        boolean fast = CsvByteParser.supports(formatParams);
        long count = 0;
        for (Path f : dataFiles) {
            count = fast ? readBytes(f, formatParams, header, width, selected, sink, count)
                    : readText(f, formatParams, csvFormat(formatParams), header, width, selected, sink, count);
        }
        return count;
    }

    /** The fast path: bytes to bytes, one reused row, no strings. */
    private static long readBytes(Path f, JsonNode formatParams, boolean header, int width, int[] selected, RowSink sink,
                                  long count) throws IOException {
        Utf8Row row = new Utf8Row();
        row.shape(width, selected);
        try (CsvByteParser p = CsvByteParser.open(bytes(f), formatParams)) {
            boolean first = true;
            while (true) {
                // Failures to read the file are the data's; failures of the sink (the client went away) are not.
                try {
                    if (!p.next(row)) break;
                } catch (CsvByteParser.Malformed e) {
                    throw new DataReadException(parseFailure(f, count, e.describe(bytes(f), CsvByteParser.isLatin1(formatParams))), e);
                } catch (IOException e) {
                    throw new DataReadException(parseFailure(f, count, e.getMessage()), e);
                }
                if (first && header) {
                    first = false;
                    continue;
                }
                first = false;
                sink.row(row);
                count++;
            }
        }
        return count;
    }

    /** Formats the byte parser does not take (a non-ASCII separator or quote): Commons CSV over decoded text. */
    private static long readText(Path f, JsonNode formatParams, CSVFormat format, boolean header, int width, int[] selected,
                                 RowSink sink, long count) throws IOException {
        try (CSVParser p = CSVParser.parse(reader(f, formatParams), format)) {
            boolean first = true;
            for (CSVRecord r : p) {
                if (first && header) { first = false; continue; }
                first = false;
                List<String> cells = new ArrayList<>(selected == null ? width : selected.length);
                if (selected == null) {
                    for (int i = 0; i < width; i++) cells.add(i < r.size() ? r.get(i) : "");
                } else {
                    for (int i : selected) cells.add(i < r.size() ? r.get(i) : "");
                }
                sink.row(cells);
                count++;
            }
        } catch (UncheckedIOException e) {
            throw new DataReadException(parseFailure(f, count, e.getCause().getMessage()), e);
        }
        return count;
    }

    private static String parseFailure(Path f, long rowsBefore, String cause) {
        return "Failed to parse file '" + f.getFileName() + "' after " + rowsBefore + " rows: " + cause;
    }

    public static final class DataReadException extends IOException {
        public DataReadException(String message, Throwable cause) { super(message, cause); }
    }
}
