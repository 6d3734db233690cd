package org.dsscontractkit.reference.dataset;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the records of a delimited text file straight from its bytes into a {@link Utf8Row}, without decoding
 * to characters: the fast path of dataset streaming. It accepts exactly what {@link DatasetFiles#csvFormat}
 * (Commons CSV, strict) accepts and yields the same cells and the same error messages; it serves the formats
 * whose separator and quote are ASCII and whose charset is UTF-8 or ISO-8859-1 ({@link #supports}).
 * The Commons CSV rules it follows: records end at CR, LF or CRLF; empty lines are skipped; a cell starting with
 * the quote runs to the next lone quote (a doubled quote stands for one), may hold separators and line breaks,
 * and may only be followed by whitespace before the next separator or line end; elsewhere quotes are plain text.
 */
final class CsvByteParser implements Closeable {
    private static final int EOF = -1;
    /** Never equal to a byte, read as 0..255 or scanned as -128..127. */
    private static final int NO_QUOTE = 0x100;
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final long CR_WORD = ByteWords.repeated(CR);
    private static final long LF_WORD = ByteWords.repeated(LF);

    private enum Token { CELL, END_OF_RECORD, END_OF_FILE_WITH_CELL, END_OF_FILE }

    /** What ended the previous cell (Commons CSV looks at the last character read for the same decisions). */
    private enum Ending { START_OF_FILE, SEPARATOR, LINE_BREAK, END_OF_FILE }

    private final InputStream in;
    private final int delimiter;
    private final int quote;
    private final long delimiterWord;
    /** Unused without a quote character: no cell is quoted then. */
    private final long quoteWord;
    private final boolean latin1;
    private final byte[] buf;
    private int pos;
    private int limit;
    /** Offset in the file of buf[0]. */
    private long bufStart;
    private boolean exhausted;
    private Ending previous = Ending.START_OF_FILE;
    private int[] cellBounds = new int[128];

    /** {@code bufferSize}: bytes read at once (at least 4, the longest character). */
    CsvByteParser(InputStream in, JsonNode formatParams, int bufferSize) {
        String quoteChar = formatParams.path("quoteChar").asText("\"");
        this.in = in;
        this.delimiter = separator(formatParams).charAt(0);
        this.quote = quoteChar.isEmpty() ? NO_QUOTE : quoteChar.charAt(0);
        this.delimiterWord = ByteWords.repeated(delimiter);
        this.quoteWord = ByteWords.repeated(quote);
        this.latin1 = isLatin1(formatParams);
        this.buf = new byte[Math.max(4, bufferSize)];
    }

    /** Whether the file format of a dataset can be read by this parser; if not, Commons CSV reads it. */
    static boolean supports(JsonNode formatParams) {
        String sep = separator(formatParams);
        String quote = formatParams.path("quoteChar").asText("\"");
        return sep.length() == 1 && isPlainAscii(sep.charAt(0))
                && (quote.isEmpty() || isPlainAscii(quote.charAt(0)) && quote.charAt(0) != sep.charAt(0));
    }

    private static boolean isPlainAscii(char c) {
        return c < 0x80 && c != CR && c != LF;
    }

    static String separator(JsonNode formatParams) {
        String sep = formatParams.path("separator").asText(",");
        return sep.equals("\\t") ? "\t" : sep;
    }

    static boolean isLatin1(JsonNode formatParams) {
        String charset = formatParams.path("charset").asText("utf8");
        return charset.equalsIgnoreCase("latin1") || charset.equalsIgnoreCase("iso-8859-1");
    }

    /** A parser over {@code in} (already uncompressed) for a format that {@link #supports} accepts. */
    static CsvByteParser open(InputStream in, JsonNode formatParams) {
        return new CsvByteParser(in, formatParams, 256 * 1024);
    }

    /** Reads the next record into {@code row}; false at the end of the file. */
    boolean next(Utf8Row row) throws IOException {
        row.clear();
        if ((previous == Ending.LINE_BREAK || previous == Ending.START_OF_FILE) && plainCells(row)) return true;
        Token t;
        do {
            t = token(row);
        } while (t == Token.CELL);
        return row.rawCells() > 0;
    }

    /**
     * The fast path of {@link #next}, at the start of a record: its cells up to the first quoted one, found eight
     * bytes at a time in the buffer and copied at once. True if that was the whole record. Otherwise it took the
     * cells before a quoted cell or the end of the buffer ({@code previous} is then SEPARATOR), or nothing (an empty
     * line, non-ASCII bytes to check or convert), and the cell by cell path goes on from there.
     */
    private boolean plainCells(Utf8Row row) throws IOException {
        byte[] b = buf;
        int lim = limit;
        int start = pos;
        if (start >= lim || b[start] == quote || b[start] == CR || b[start] == LF) return false;
        int[] cells = cellBounds;
        int n = 0;
        int cellStart = start;
        int p = start;
        long seen = 0;
        while (p + 8 <= lim) {
            long w = ByteWords.word(b, p);
            long stops = ByteWords.equalBytes(w, delimiterWord) | ByteWords.equalBytes(w, LF_WORD) | ByteWords.equalBytes(w, CR_WORD);
            if (stops == 0) {
                seen |= w;
                p += 8;
                continue;
            }
            int end = p + ByteWords.firstFlagged(stops);
            seen |= w & ByteWords.before(stops);
            if (2 * n + 2 > cells.length) cells = cellBounds = Arrays.copyOf(cells, 2 * cells.length);
            cells[2 * n] = cellStart;
            cells[2 * n + 1] = end;
            n++;
            if (b[end] != delimiter) {   // a line break: the record is complete
                if (!take(row, start, end, cells, n, seen)) return false;
                pos = end + 1;
                endOfLine(b[end]);
                previous = Ending.LINE_BREAK;
                return true;
            }
            cellStart = end + 1;
            p = cellStart;
            if (cellStart < lim && b[cellStart] == quote) break;
        }
        // A quoted cell, or the end of the buffer, after n complete cells.
        if (n > 0 && take(row, start, cells[2 * n - 1], cells, n, seen)) {
            pos = cellStart;
            previous = Ending.SEPARATOR;
        }
        return false;
    }

    /** Copies the cells found by {@link #plainCells} into the row, unless their non-ASCII bytes need the slow path. */
    private boolean take(Utf8Row row, int from, int to, int[] cells, int n, long seen) {
        if ((seen & ByteWords.HIGH_BITS) != 0 && (latin1 || !Utf8Row.isWellFormedUtf8(buf, from, to))) return false;
        row.appendCells(buf, from, to, cells, n);
        return true;
    }

    // The structure follows Commons CSV's Lexer.nextToken so that every corner case (empty lines, a separator
    // just before the end of the file, CR LF taken as one line break) comes out the same.
    private Token token(Utf8Row row) throws IOException {
        if (previous == Ending.END_OF_FILE) return Token.END_OF_FILE;
        int c = read();
        boolean eol = endOfLine(c);
        if (previous != Ending.SEPARATOR) {
            while (eol) {   // an empty line
                c = read();
                eol = endOfLine(c);
            }
            // Nothing more after a line break: no further record (after a separator: one more, empty, cell).
            if (c == EOF) return end(Token.END_OF_FILE);
        }
        if (c == delimiter) {
            row.endCell(false);
            return end(Token.CELL);
        }
        if (eol) {
            row.endCell(false);
            return end(Token.END_OF_RECORD);
        }
        if (c == quote) return quoted(row);
        if (c == EOF) {
            row.endCell(false);
            return end(Token.END_OF_FILE_WITH_CELL);
        }
        return plain(row);
    }

    private Token end(Token t) {
        previous = switch (t) {
            case CELL -> Ending.SEPARATOR;
            case END_OF_RECORD -> Ending.LINE_BREAK;
            case END_OF_FILE_WITH_CELL, END_OF_FILE -> Ending.END_OF_FILE;
        };
        return t;
    }

    /** A cell not starting with the quote; its first byte was just read. */
    private Token plain(Utf8Row row) throws IOException {
        int p = pos - 1;
        long seen = 0;
        int terminator;
        while (true) {
            byte[] b = buf;
            int lim = limit;
            int found = -1;
            // Eight bytes at a time, each word copied as it is checked.
            while (p + 8 <= lim) {
                long w = ByteWords.word(b, p);
                long stops = ByteWords.equalBytes(w, delimiterWord) | ByteWords.equalBytes(w, LF_WORD) | ByteWords.equalBytes(w, CR_WORD);
                if (stops != 0) {
                    int n = ByteWords.firstFlagged(stops);
                    seen |= w & ByteWords.before(stops);
                    appendWord(row, w, p, n);
                    found = p + n;
                    break;
                }
                seen |= w;
                appendWord(row, w, p, 8);
                p += 8;
            }
            if (found < 0) {
                int runStart = p;
                while (p < lim) {
                    int x = b[p];
                    if (x == delimiter || x == LF || x == CR) break;
                    seen |= x;
                    p++;
                }
                append(row, runStart, p - runStart);
                found = p;
            }
            p = found;
            if (p < lim) {
                terminator = b[p];
                pos = p + 1;
                break;
            }
            pos = p;
            if (!fill()) {
                terminator = EOF;
                break;
            }
            p = pos;
        }
        row.endCell((seen & ByteWords.HIGH_BITS) != 0 && !latin1);
        if (terminator == delimiter) {
            previous = Ending.SEPARATOR;
            return Token.CELL;
        }
        if (terminator == EOF) {
            previous = Ending.END_OF_FILE;
            return Token.END_OF_FILE_WITH_CELL;
        }
        endOfLine(terminator);
        previous = Ending.LINE_BREAK;
        return Token.END_OF_RECORD;
    }

    /** A cell starting with the quote, which was just read. */
    private Token quoted(Utf8Row row) throws IOException {
        long openingQuote = bufStart + pos - 1;
        long seen = 0;
        while (true) {
            int p = pos;
            int runStart = p;
            byte[] b = buf;
            int lim = limit;
            int found = -1;
            while (p + 8 <= lim) {
                long w = ByteWords.word(b, p);
                long stops = ByteWords.equalBytes(w, quoteWord);
                if (stops != 0) {
                    seen |= w & ByteWords.before(stops);
                    found = p + ByteWords.firstFlagged(stops);
                    break;
                }
                seen |= w;
                p += 8;
            }
            if (found < 0) {
                while (p < lim && b[p] != quote) {
                    seen |= b[p];
                    p++;
                }
                found = p;
            }
            p = found;
            append(row, runStart, p - runStart);
            pos = p;
            if (p == lim) {
                if (!fill()) {
                    previous = Ending.END_OF_FILE;
                    throw new Malformed(Malformed.Kind.EOF_IN_QUOTES, openingQuote);
                }
                continue;
            }
            pos = p + 1;
            if (peek() == quote) {
                pos++;
                row.append(quote);
                continue;
            }
            break;
        }
        boolean checkUtf8 = (seen & ByteWords.HIGH_BITS) != 0 && !latin1;
        // After the closing quote, only whitespace may come before the separator or the line end.
        while (true) {
            long offset = bufStart + pos;
            int c = read();
            if (c == delimiter) {
                row.endCell(checkUtf8);
                return end(Token.CELL);
            }
            if (c == EOF) {
                row.endCell(checkUtf8);
                return end(Token.END_OF_FILE_WITH_CELL);
            }
            if (endOfLine(c)) {
                row.endCell(checkUtf8);
                return end(Token.END_OF_RECORD);
            }
            if (!skipWhitespace(c)) {
                previous = Ending.END_OF_FILE;
                throw new Malformed(Malformed.Kind.TEXT_AFTER_CLOSING_QUOTE, offset);
            }
        }
    }

    /** {@code c} was just read: if it starts a whitespace character (Character.isWhitespace), consumes it. */
    private boolean skipWhitespace(int c) throws IOException {
        if (c < 0x80 || latin1) return Character.isWhitespace((char) c);
        // UTF-8: only a well-formed 2- or 3-byte sequence can be whitespace (U+1680, U+2000..U+3000).
        int n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : 0;
        if (n == 0 || !ensure(n)) return false;
        if (!Utf8Row.isWellFormedUtf8(new byte[]{(byte) c, buf[pos], n == 2 ? buf[pos + 1] : 0}, 0, n + 1)) return false;
        int cp = n == 1 ? (c & 0x1f) << 6 | buf[pos] & 0x3f
                : (c & 0x0f) << 12 | (buf[pos] & 0x3f) << 6 | buf[pos + 1] & 0x3f;
        if (!Character.isWhitespace((char) cp)) return false;
        pos += n;
        return true;
    }

    /** Appends the first {@code n} bytes of word {@code w}, read at {@code from}. */
    private void appendWord(Utf8Row row, long w, int from, int n) {
        if (latin1 && (w & ByteWords.lowBytes(n) & ByteWords.HIGH_BITS) != 0) row.appendLatin1(buf, from, n);
        else row.appendWord(w, n);
    }

    private void append(Utf8Row row, int from, int len) {
        if (len == 0) return;
        if (latin1) row.appendLatin1(buf, from, len);
        else row.append(buf, from, len);
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) return EOF;
        return buf[pos++] & 0xff;
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) return EOF;
        return buf[pos] & 0xff;
    }

    /** CR LF is one line break: the LF after a CR is consumed with it. */
    private boolean endOfLine(int c) throws IOException {
        if (c == CR && peek() == LF) pos++;
        return c == LF || c == CR;
    }

    /** Makes at least {@code n} unread bytes available; false if the file ends before. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                bufStart += pos;
                limit -= pos;
                pos = 0;
            }
            if (exhausted) return false;
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                exhausted = true;
                return limit - pos >= n;
            }
            limit += r;
        }
        return true;
    }

    /** Refills the buffer once every byte was consumed; false at the end of the file. */
    private boolean fill() throws IOException {
        return ensure(1);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static final class Malformed extends IOException {
        enum Kind { TEXT_AFTER_CLOSING_QUOTE, EOF_IN_QUOTES }

        private final Kind kind;
        private final long offset;

        Malformed(Kind kind, long offset) {
            super(kind + " at byte " + offset);
            this.kind = kind;
            this.offset = offset;
        }

        /** The message Commons CSV gives for the same error; {@code file} reads the file again from its start. */
        String describe(InputStream file, boolean latin1) throws IOException {
            long lineBreaks = 0;
            long chars = 0;
            int previous = -1;
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            CharBuffer out = CharBuffer.allocate(16 * 1024);
            ByteBuffer pending = ByteBuffer.allocate(8 * 1024 + 8);
            byte[] chunk = new byte[8 * 1024];
            long remaining = offset;
            try (file) {
                while (remaining > 0) {
                    int r = file.read(chunk, 0, (int) Math.min(chunk.length, remaining));
                    if (r < 0) break;
                    remaining -= r;
                    for (int i = 0; i < r; i++) {
                        int b = chunk[i];
                        if (b == CR || b == LF && previous != CR) lineBreaks++;
                        previous = b;
                    }
                    if (latin1) {
                        chars += r;
                    } else {
                        pending.put(chunk, 0, r).flip();
                        decoder.decode(pending, out, false);
                        chars += out.position();
                        out.clear();
                        pending.compact();
                    }
                }
                if (!latin1) {
                    pending.flip();
                    decoder.decode(pending, out, true);
                    decoder.flush(out);
                    chars += out.position();
                }
            }
            // Commons CSV reports the line of the character it stopped at (counted from 1) and the number of
            // characters read, that character included.
            if (kind == Kind.EOF_IN_QUOTES) return "(startline " + (lineBreaks + 1) + ") EOF reached before encapsulated token finished";
            return String.format("Invalid char between encapsulated token and delimiter at line: %,d, position: %,d",
                    lineBreaks + 1, chars + 1);
        }
    }
}
