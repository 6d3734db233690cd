package org.dsscontractkit.reference.dataset;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte arrays examined eight bytes at a time (one {@code long}, "SWAR"): finding a separator or a quote in a
 * run of text costs a few operations per eight bytes instead of a few per byte.
 */
final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7f7f7f7f7f7f7f7fL;

    private ByteWords() { }

    /** The eight bytes at {@code offset}, the first one in the lowest bits. */
    static long word(byte[] b, int offset) {
        return (long) LONGS.get(b, offset);
    }

    /** Stores the eight bytes of {@code w} at {@code offset}, the lowest bits first. */
    static void put(byte[] b, int offset, long w) {
        LONGS.set(b, offset, w);
    }

    /** The {@code n} (0..7) bytes at {@code offset} as the low bytes of a word; for the end of an array. */
    static long partialWord(byte[] b, int offset, int n) {
        long w = 0;
        for (int i = n - 1; i >= 0; i--) w = w << 8 | (b[offset + i] & 0xff);
        return w;
    }

    /** A mask of the low {@code n} (0..8) bytes of a word. */
    static long lowBytes(int n) {
        return n >= 8 ? -1L : (1L << (n << 3)) - 1;
    }

    /** A word with {@code b} in each of its bytes. */
    static long repeated(int b) {
        return 0x0101010101010101L * (b & 0xff);
    }

    /** The high bit of each byte of {@code w} equal to the byte of {@code pattern} (exact: no false positives). */
    static long equalBytes(long w, long pattern) {
        long x = w ^ pattern;
        return ~((x & LOW_BITS) + LOW_BITS | x | LOW_BITS);
    }

    /** Index (0..7) of the first byte flagged in a non-zero result of {@link #equalBytes}. */
    static int firstFlagged(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }

    /** The bits of the bytes before the first flagged one. */
    static long before(long flags) {
        return (flags & -flags) - 1;
    }
}
