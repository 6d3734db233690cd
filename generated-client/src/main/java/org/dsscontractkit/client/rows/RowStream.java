package org.dsscontractkit.client.rows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dsscontractkit.client.DataikuException;

/**
 * Rows of a {@code tsv-excel-noheader} stream (dataset data, SQL query results), parsed lazily with Commons CSV and
 * typed by a {@link ColumnCaster}. Only the current row is held in memory, whatever the size of the stream.
 *
 * <p>When the last row has been read, the stream is closed and the completion check is run (the
 * {@code finish-streaming} call), so a failure the server only detects at the end still surfaces as a
 * {@link DataikuException} from {@link #hasNext()}. Closing before the end releases the connection without it.</p>
 *
 * <p>Use it in try-with-resources: {@code try (RowStream rows = dataset.iterRows()) { for (List<Object> row : rows) ... }}</p>
 *
 * <p>The rows can be read once: a second {@link #iterator()} or {@link #stream()} throws an
 * {@link IllegalStateException} (call {@code iterRows()} again to read them again).</p>
 */
public final class RowStream implements Iterator<List<Object>>, Iterable<List<Object>>, AutoCloseable {

    /** Excel dialect with tabs: {@code "} quotes, doubled quotes inside, quoted cells may hold tabs and newlines. */
    static final CSVFormat TSV_EXCEL_NOHEADER = CSVFormat.EXCEL.builder()
            .setDelimiter('\t')
            .setIgnoreEmptyLines(false)
            .setRecordSeparator("\n")
            .build();

    private final ColumnCaster caster;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Runnable onCompleted;
    private boolean closed;
    private boolean completed;
    private boolean handedOut;

    /**
     * @param body        the raw body stream; owned (and closed) by this object
     * @param caster      types the cells
     * @param onCompleted run once after the last row was read (may throw {@link DataikuException}); may be null
     */
    public RowStream(InputStream body, ColumnCaster caster, Runnable onCompleted) {
        this.caster = caster;
        this.onCompleted = onCompleted;
        try {
            this.parser = CSVParser.parse(new InputStreamReader(body, StandardCharsets.UTF_8), TSV_EXCEL_NOHEADER);
        } catch (IOException e) {
            closeQuietly(body);
            throw readFailure(e);
        }
        this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        boolean more;
        try {
            more = records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            close();
            throw readFailure(e);
        }
        if (!more) {
            close();
            complete();
        }
        return more;
    }

    @Override
    public List<Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows");
        }
        CSVRecord record = records.next();
        return caster.cast(record.toList());
    }

    /**
     * @return this object, so a {@code for} loop can read the rows
     * @throws IllegalStateException when the rows were already handed out by this method or {@link #stream()}
     */
    @Override
    public Iterator<List<Object>> iterator() {
        handOut();
        return this;
    }

    /**
     * @return the rows as a sequential stream; close it (or this object) when done
     * @throws IllegalStateException when the rows were already handed out by this method or {@link #iterator()}
     */
    public Stream<List<Object>> stream() {
        handOut();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    private void handOut() {
        if (handedOut) {
            throw new IllegalStateException("The rows of this stream were already read (or are being read): a RowStream"
                    + " can be read once; call iterRows() again for a new one");
        }
        handedOut = true;
    }

    /** Releases the connection. Rows not read yet are discarded, and no completion check is made. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                parser.close();
            } catch (IOException ignored) {
                // the connection is being dropped; nothing useful to report
            }
        }
    }

    private void complete() {
        if (!completed) {
            completed = true;
            if (onCompleted != null) {
                onCompleted.run();
            }
        }
    }

    private static DataikuException readFailure(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new DataikuException(DataikuException.NO_RESPONSE, cause.getClass().getName(),
                "Reading the row stream failed: " + cause.getMessage(), null, e);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
