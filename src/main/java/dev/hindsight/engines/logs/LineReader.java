package dev.hindsight.engines.logs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from bytes: {@code \n}, {@code \r\n} and a lone {@code \r} end a line, a final line needs no
 * terminator, a leading byte order mark is dropped, and malformed bytes become U+FFFD. ASCII lines skip decoding.
 */
final class LineReader implements Closeable {

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean skipLf;
    private boolean started;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String readLine() throws IOException {
        int scan = pos;
        boolean ascii = true;
        while (true) {
            byte[] b = buf;
            int end = limit;
            if (skipLf && scan < end) {
                skipLf = false;
                if (b[scan] == '\n') {
                    pos++;
                    scan++;
                }
            }
            for (int i = scan; i < end; i++) {
                byte c = b[i];
                if (c == '\n' || c == '\r') {
                    String line = decode(b, pos, i, ascii);
                    pos = i + 1;
                    if (c == '\r') {
                        if (pos < limit) {
                            if (b[pos] == '\n') {
                                pos++;
                            }
                        } else {
                            skipLf = true;
                        }
                    }
                    return line;
                }
                if (c < 0) {
                    ascii = false;
                }
            }
            scan = end;
            if (eof) {
                if (pos >= limit) {
                    return null;
                }
                String line = decode(buf, pos, limit, ascii);
                pos = limit;
                return line;
            }
            int consumed = pos;
            scan -= consumed;
            fill();
        }
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        if (!started && limit >= 3) {
            started = true;
            if ((buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
                pos = 3;
            }
        } else if (!started && eof) {
            started = true;
        }
    }

    private static String decode(byte[] b, int from, int to, boolean ascii) {
        return ascii
                ? new String(b, from, to - from, StandardCharsets.ISO_8859_1)
                : new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
