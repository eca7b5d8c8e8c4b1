package dev.hindsight.engines.logmining;

import java.util.Arrays;

/**
 * Turns a message into its masked signature: tokens split on whitespace, alphanumeric runs that contain a digit
 * replaced by {@code <*>} (with a leading sign, hex words inside identifiers and the separators between such runs
 * absorbed), a size or duration unit after a number absorbed, day and month names of a written date masked, repeated
 * identical masked tokens kept once, and runs of parameter-only tokens collapsed into one {@code <*>}. The signature is
 * written into a reusable buffer; the masker is not thread-safe.
 */
final class Masker {

    static final String VAR = "<*>";

    private static final long[] UNIT_KEYS = keys(
            "ms", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours",
            "day", "days", "ns", "us", "byte", "bytes", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib", "kbps",
            "mbps", "b", "s", "%");

    private static final long[] DATE_KEYS = keys(
            "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    private char[] in = new char[256];
    private char[] out = new char[256];
    private int length;
    private int previousTokenStart = -1;

    /** The masked signature of the first line of {@code message} as a string, never null. */
    String signature(String message) {
        mask(message);
        return new String(out, 0, length);
    }

    /** The buffer holding the last signature; valid up to {@link #length()}. */
    char[] chars() {
        return out;
    }

    /** The length of the last signature. */
    int length() {
        return length;
    }

    /** A hash of the last signature. */
    int hash() {
        int h = 0;
        char[] b = out;
        for (int i = 0; i < length; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    /** Masks the first line of {@code message} into the buffer. */
    void mask(String message) {
        length = 0;
        previousTokenStart = -1;
        int n = message.indexOf('\n');
        if (n < 0) {
            n = message.length();
        }
        ensure(n * 3 + 16);
        if (in.length < n) {
            in = new char[Math.max(n, in.length * 2)];
        }
        message.getChars(0, n, in, 0);
        maskChars(in, n);
    }

    private void maskChars(char[] message, int n) {
        boolean prevVar = false;
        int i = 0;
        while (i < n) {
            char c = message[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            boolean digit = false;
            boolean letter = false;
            while (i < n) {
                c = message[i];
                if (c == ' ' || c == '\t' || c == '\r') {
                    break;
                }
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                    letter = true;
                }
                i++;
            }
            if (digit && !letter) {
                if (!prevVar) {
                    appendVar();
                }
                prevVar = true;
                continue;
            }
            if (!digit) {
                if (prevVar && isUnit(message, start, i)) {
                    continue;
                }
                if (i - start == 3 && isDateName(message, start, i) && dateFollows(message, i, n)) {
                    if (!prevVar) {
                        appendVar();
                    }
                    prevVar = true;
                    continue;
                }
                int tokenStart = separate();
                System.arraycopy(message, start, out, length, i - start);
                length += i - start;
                previousTokenStart = tokenStart;
                prevVar = false;
                continue;
            }
            int tokenStart = separate();
            boolean letters = maskToken(message, start, i);
            if (!letters) {
                length = tokenStart == 0 ? 0 : tokenStart - 1;
                if (!prevVar) {
                    appendVar();
                }
                prevVar = true;
            } else {
                if (repeatsPrevious(tokenStart)) {
                    length = tokenStart - 1;
                } else {
                    previousTokenStart = tokenStart;
                }
                prevVar = false;
            }
        }
    }

    private void ensure(int capacity) {
        if (out.length < capacity) {
            out = Arrays.copyOf(out, Math.max(capacity, out.length * 2));
        }
    }

    /** Writes the separating space if needed and returns where the next token starts. */
    private int separate() {
        if (length > 0) {
            out[length++] = ' ';
        }
        return length;
    }

    private void appendVar() {
        int start = separate();
        out[length++] = '<';
        out[length++] = '*';
        out[length++] = '>';
        previousTokenStart = start;
    }

    private boolean repeatsPrevious(int tokenStart) {
        int previous = previousTokenStart;
        if (previous < 0) {
            return false;
        }
        int len = length - tokenStart;
        if (tokenStart - 1 - previous != len) {
            return false;
        }
        return Arrays.equals(out, previous, previous + len, out, tokenStart, tokenStart + len);
    }

    /** Masks {@code s[from, to)} onto the buffer; returns whether letters remain outside the masked runs. */
    private boolean maskToken(char[] s, int from, int to) {
        char[] b = out;
        int tokenStart = length;
        int len = length;
        boolean letters = false;
        int i = from;
        while (i < to) {
            char c = s[i];
            if (isAlnum(c)) {
                int runStart = i;
                boolean digit = false;
                while (i < to) {
                    char d = s[i];
                    if (d >= '0' && d <= '9') {
                        digit = true;
                    } else if (!((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z'))) {
                        break;
                    }
                    i++;
                }
                if (!digit && isHexWord(s, runStart, i) && hexContext(b, tokenStart, len, s, i, to)) {
                    digit = true;
                }
                if (digit) {
                    if (len > tokenStart
                            && (b[len - 1] == '-' || b[len - 1] == '+')
                            && (len - 1 == tokenStart || !isAlnum(b[len - 2]))) {
                        len--;
                    }
                    if (len - tokenStart >= 4 && isJoiner(b[len - 1]) && endsWithVar(b, tokenStart, len - 1)) {
                        len--;
                    } else if (!endsWithVar(b, tokenStart, len)) {
                        b[len++] = '<';
                        b[len++] = '*';
                        b[len++] = '>';
                    }
                } else {
                    System.arraycopy(s, runStart, b, len, i - runStart);
                    len += i - runStart;
                    letters = true;
                }
            } else {
                b[len++] = c;
                i++;
            }
        }
        length = len;
        return letters;
    }

    private static boolean endsWithVar(char[] b, int tokenStart, int end) {
        return end - tokenStart >= 3 && b[end - 1] == '>' && b[end - 2] == '*' && b[end - 3] == '<';
    }

    private static boolean isHexWord(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = (char) (s[i] | 0x20);
            if (c < 'a' || c > 'f') {
                return false;
            }
        }
        return true;
    }

    /** Whether a hex-letter run sits between separators next to masked hex runs, as inside a UUID. */
    private static boolean hexContext(char[] b, int tokenStart, int len, char[] s, int runEnd, int to) {
        boolean before = len - tokenStart >= 4 && isJoiner(b[len - 1]) && endsWithVar(b, tokenStart, len - 1);
        boolean after = runEnd + 1 < to && isJoiner(s[runEnd]) && isHexDigitRun(s, runEnd + 1, to);
        return before && after;
    }

    private static boolean isHexDigitRun(char[] s, int from, int to) {
        boolean digit = false;
        int i = from;
        while (i < to && isAlnum(s[i])) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (((c | 0x20) < 'a') || ((c | 0x20) > 'f')) {
                return false;
            }
            i++;
        }
        return digit;
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == ':' || c == ',' || c == '-' || c == '_' || c == '/';
    }

    private static boolean isAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean dateFollows(char[] s, int from, int n) {
        int i = from;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (s[i] >= '0' && s[i] <= '9') {
            return true;
        }
        int end = i;
        while (end < n && s[end] != ' ' && s[end] != '\t') {
            end++;
        }
        return end - i == 3 && isDateName(s, i, end);
    }

    private static boolean isDateName(char[] s, int from, int to) {
        return Character.isLetter(s[from]) && Arrays.binarySearch(DATE_KEYS, pack(s, from, to)) >= 0;
    }

    private static boolean isUnit(char[] s, int from, int to) {
        while (to > from && !Character.isLetterOrDigit(s[to - 1]) && s[to - 1] != '%') {
            to--;
        }
        long key = pack(s, from, to);
        return key != 0 && Arrays.binarySearch(UNIT_KEYS, key) >= 0;
    }

    /** Up to 7 ASCII characters, lower-cased, packed into a long; 0 when longer, empty or not ASCII. */
    private static long pack(char[] s, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 7) {
            return 0;
        }
        long key = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c >= 128) {
                return 0;
            }
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            key = (key << 8) | c;
        }
        return key;
    }

    private static long[] keys(String... words) {
        long[] keys = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            keys[i] = pack(words[i].toCharArray(), 0, words[i].length());
        }
        Arrays.sort(keys);
        return keys;
    }
}
