package org.dsscontractkit.reference.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows as delimited text in UTF-8 with Excel quoting, copied eight bytes at a time into one buffer. The quoting is that
 * of Commons CSV's {@code CSVFormat.EXCEL} printer, which served these formats before: a cell is quoted when it
 * holds the separator, a quote, CR or LF, starts with a character up to '#' (space, '!', '"', '#' and controls)
 * or ends with one up to ' '; a record's first cell, when empty, is written {@code ""}; quotes inside are doubled.
 * Every such character is ASCII, so testing UTF-8 bytes gives the same answer as testing characters.
 */
final class ExcelRowWriter implements RowFormat.Writer {
    private static final byte QUOTE = '"';
    private static final long QUOTE_WORD = ByteWords.repeated(QUOTE);
    private static final long LF_WORD = ByteWords.repeated('\n');
    private static final long CR_WORD = ByteWords.repeated('\r');

    private final OutputStream out;
    private final byte delimiter;
    private final long delimiterWord;
    private final byte[] buf = new byte[64 * 1024];
    private int used;

    ExcelRowWriter(OutputStream out, char delimiter) {
        this.out = out;
        this.delimiter = (byte) delimiter;
        this.delimiterWord = ByteWords.repeated(delimiter);
    }

    @Override
    public void row(Utf8Row row) throws IOException {
        byte[] b = row.bytes();
        for (int i = 0, n = row.size(); i < n; i++) {
            if (i > 0) put(delimiter);
            cell(b, row.start(i), row.end(i), i == 0);
        }
        put('\n');
    }

    @Override
    public void row(List<String> cells) throws IOException {
        int i = 0;
        for (String c : cells) {
            if (i > 0) put(delimiter);
            // A null cell is written as nothing at all, not even "" in first place (as Commons CSV did).
            if (c != null) {
                byte[] b = c.getBytes(StandardCharsets.UTF_8);
                cell(b, 0, b.length, i == 0);
            }
            i++;
        }
        put('\n');
    }

    private void cell(byte[] b, int start, int end, boolean first) throws IOException {
        int len = end - start;
        if (len == 0) {
            if (first) {
                put(QUOTE);
                put(QUOTE);
            }
            return;
        }
        if ((b[start] & 0xff) <= '#' || (b[end - 1] & 0xff) <= ' ') {
            quoted(b, start, end);
            return;
        }
        if (len + 8 > buf.length - used) {
            drain();
            if (len + 8 > buf.length) {
                if (hasSpecials(b, start, end)) quoted(b, start, end);
                else write(b, start, len);
                return;
            }
        }
        // Copied eight bytes at a time while looking for bytes that force quotes; if one turns up, the quoted
        // form is written over the copy.
        byte[] out = buf;
        int o = used;
        int p = start;
        for (; p + 8 <= end; p += 8, o += 8) {
            long w = ByteWords.word(b, p);
            if (specials(w) != 0) {
                quoted(b, start, end);
                return;
            }
            ByteWords.put(out, o, w);
        }
        if (p < end) {
            int n = end - p;
            long w = p + 8 <= b.length ? ByteWords.word(b, p) : ByteWords.partialWord(b, p, n);
            if ((specials(w) & ByteWords.lowBytes(n)) != 0) {
                quoted(b, start, end);
                return;
            }
            ByteWords.put(out, o, w);
        }
        used += len;
    }

    private void quoted(byte[] b, int start, int end) throws IOException {
        put(QUOTE);
        int run = start;
        for (int p = start; p < end; p++) {
            if (b[p] == QUOTE) {
                write(b, run, p + 1 - run);
                run = p;
            }
        }
        write(b, run, end - run);
        put(QUOTE);
    }

    private boolean hasSpecials(byte[] b, int start, int end) {
        for (int p = start; p < end; p++) {
            byte x = b[p];
            if (x == delimiter || x == QUOTE || x == '\n' || x == '\r') return true;
        }
        return false;
    }

    /** The high bit of each byte of {@code w} that forces quoting. */
    private long specials(long w) {
        return ByteWords.equalBytes(w, delimiterWord) | ByteWords.equalBytes(w, QUOTE_WORD)
                | ByteWords.equalBytes(w, LF_WORD) | ByteWords.equalBytes(w, CR_WORD);
    }

    private void put(int x) throws IOException {
        if (used == buf.length) drain();
        buf[used++] = (byte) x;
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - used) {
            drain();
            if (len > buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, used, len);
        used += len;
    }

    private void drain() throws IOException {
        if (used > 0) out.write(buf, 0, used);
        used = 0;
    }

    /** Sends what is buffered; the stream stays open (the caller owns it). */
    @Override
    public void close() throws IOException {
        drain();
        out.flush();
    }
}
