package dev.hindsight.evidence.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Passes bytes through unchanged while checking that the first {@value #WINDOW} bytes are UTF-8 text without NUL
 * bytes; throws {@link NotText} from {@code read} as soon as they are not (at the latest when the window is full or
 * the stream ends), so a consumer writing them somewhere can discard what it wrote. Holds at most the window in
 * memory.
 */
public final class TextCheck extends FilterInputStream {

    public static final int WINDOW = 64 * 1024;

    private final byte[] window = new byte[WINDOW];
    private int filled;
    private boolean checked;

    public TextCheck(InputStream in) {
        super(in);
    }

    /** Thrown when the content is not text; the message says why, for the person who uploaded it. */
    public static final class NotText extends IOException {
        NotText(String message) {
            super(message);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (checked) {
            return n;
        }
        if (n == -1) {
            check(true);
            return -1;
        }
        int copy = Math.min(n, WINDOW - filled);
        for (int i = 0; i < copy; i++) {
            if (b[off + i] == 0) {
                throw new NotText("contains NUL bytes near byte " + (filled + i)
                        + ", so it is not a text file; choose the kind \"other\" to attach binary files");
            }
        }
        System.arraycopy(b, off, window, filled, copy);
        filled += copy;
        if (filled == WINDOW) {
            check(false);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("Skipping would bypass the text check");
    }

    private void check(boolean endOfInput) throws NotText {
        checked = true;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(window, 0, filled);
        CharBuffer chars = CharBuffer.allocate(1024);
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                throw new NotText("is not valid UTF-8 text (first invalid byte at " + bytes.position()
                        + "); convert it to UTF-8, or choose the kind \"other\" to attach it as it is");
            }
            if (result.isUnderflow()) {
                break;
            }
            chars.clear();
        }
        if (endOfInput) {
            CoderResult flushed = decoder.flush(chars);
            if (flushed.isError()) {
                throw new NotText("ends in the middle of a UTF-8 character");
            }
        }
    }
}
