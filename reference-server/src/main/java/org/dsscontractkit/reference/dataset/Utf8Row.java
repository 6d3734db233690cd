package org.dsscontractkit.reference.dataset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One record of a dataset file as UTF-8 bytes, refilled in place for every record so that streaming a dataset
 * allocates nothing per row or cell. The cells are seen through the dataset's column layout ({@link #shape}):
 * the schema's width, or the selected columns; cells the record lacks read as empty, extra cells are not seen.
 */
public final class Utf8Row {
    private byte[] bytes = new byte[16 * 1024];
    private int length;
    /** Raw cell i is bytes[bounds[2i], bounds[2i + 1]). */
    private int[] bounds = new int[128];
    private int rawCells;
    private int cellStart;

    private int width = -1;
    private int[] selected;

    /** The cells to show: {@code selected} columns in that order, or else the first {@code width} columns. */
    public void shape(int width, int[] selected) {
        this.width = width;
        this.selected = selected;
    }

    /** Number of cells in the shaped row. */
    public int size() {
        if (selected != null) return selected.length;
        return width < 0 ? rawCells : width;
    }

    public byte[] bytes() { return bytes; }

    /** Start offset in {@link #bytes()} of shaped cell {@code i}; start == end for an empty or missing cell. */
    public int start(int i) {
        int c = column(i);
        return c >= rawCells ? 0 : bounds[2 * c];
    }

    public int end(int i) {
        int c = column(i);
        return c >= rawCells ? 0 : bounds[2 * c + 1];
    }

    private int column(int i) {
        return selected == null ? i : selected[i];
    }

    /** The shaped cells as strings (for sinks that want them; copies). */
    public List<String> strings() {
        int n = size();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s = start(i);
            out.add(new String(bytes, s, end(i) - s, StandardCharsets.UTF_8));
        }
        return out;
    }

    // ---- filling (by the parser) -------------------------------------------------------------

    void clear() {
        length = 0;
        rawCells = 0;
        cellStart = 0;
    }

    /** Number of cells the record itself has (before shaping). */
    int rawCells() { return rawCells; }

    void append(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, bytes, length, len);
        length += len;
    }

    /** Appends the low {@code n} bytes of {@code w} (stores all eight: the buffer keeps room past its end). */
    void appendWord(long w, int n) {
        ensure(8);
        ByteWords.put(bytes, length, w);
        length += n;
    }

    void append(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    /** Appends ISO-8859-1 bytes, encoding each non-ASCII one as its two UTF-8 bytes. */
    void appendLatin1(byte[] src, int off, int len) {
        ensure(2 * len);
        for (int i = off, end = off + len; i < end; i++) {
            int b = src[i] & 0xff;
            if (b < 0x80) {
                bytes[length++] = (byte) b;
            } else {
                bytes[length++] = (byte) (0xc0 | (b >> 6));
                bytes[length++] = (byte) (0x80 | (b & 0x3f));
            }
        }
    }

    /**
     * Ends the current cell. {@code checkUtf8}: the cell holds non-ASCII bytes read as UTF-8; if they are not
     * well-formed they are replaced the way Java's UTF-8 decoder does it (U+FFFD per malformed sequence), so
     * the output is what decoding the file to text and encoding it back would give.
     */
    void endCell(boolean checkUtf8) {
        if (checkUtf8 && !isWellFormedUtf8(bytes, cellStart, length)) repairCell();
        addCell(cellStart, length);
        cellStart = length;
    }

    private void addCell(int start, int end) {
        if (2 * rawCells == bounds.length) bounds = Arrays.copyOf(bounds, bounds.length * 2);
        bounds[2 * rawCells] = start;
        bounds[2 * rawCells + 1] = end;
        rawCells++;
    }

    /**
     * Appends cells found in place in {@code src}: one copy of {@code src[from, to)}, then cell k is
     * {@code src[cells[2k], cells[2k + 1])} for k < n (the bytes between cells, separators, are copied but not seen).
     */
    void appendCells(byte[] src, int from, int to, int[] cells, int n) {
        int shift = length - from;
        append(src, from, to - from);
        for (int k = 0; k < n; k++) addCell(cells[2 * k] + shift, cells[2 * k + 1] + shift);
        cellStart = length;
    }

    void appendString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        append(b, 0, b.length);
        endCell(false);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private void repairCell() {
        // The cell is always followed by an ASCII byte in the file, or by its end: decoding it with a newline
        // appended and dropping that newline treats a truncated sequence at its end as the stream decoder did.
        int len = length - cellStart;
        byte[] withNewline = Arrays.copyOfRange(bytes, cellStart, length + 1);
        withNewline[len] = '\n';
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars;
        try {
            chars = decoder.decode(ByteBuffer.wrap(withNewline));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("cannot happen with REPLACE", e);
        }
        chars.limit(chars.limit() - 1);
        byte[] repaired = chars.toString().getBytes(StandardCharsets.UTF_8);
        length = cellStart;
        append(repaired, 0, repaired.length);
    }

    /** Well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates or code points past U+10FFFF). */
    static boolean isWellFormedUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + 8 <= to && (ByteWords.word(b, i) & ByteWords.HIGH_BITS) == 0) {
                i += 8;   // eight ASCII bytes
                continue;
            }
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                n = 1;
            } else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                if (c == 0xe0) lo = 0xa0;
                if (c == 0xed) hi = 0x9f;
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                if (c == 0xf0) lo = 0x90;
                if (c == 0xf4) hi = 0x8f;
            } else {
                return false;
            }
            if (i + n >= to) return false;
            int second = b[i + 1] & 0xff;
            if (second < lo || second > hi) return false;
            for (int k = 2; k <= n; k++) {
                int cont = b[i + k] & 0xff;
                if (cont < 0x80 || cont > 0xbf) return false;
            }
            i += n + 1;
        }
        return true;
    }
}
