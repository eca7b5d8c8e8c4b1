package dev.hindsight.engines.logmining;

import java.util.Locale;
import java.util.Set;

/**
 * Turns a message into its masked signature: tokens split on whitespace, alphanumeric runs that contain a digit
 * replaced by {@code <*>} (with a leading sign and the separators between such runs absorbed), a size or duration
 * unit after a number absorbed, and runs of parameter-only tokens collapsed into one {@code <*>}.
 */
final class Masker {

    static final String VAR = "<*>";

    private static final Set<String> UNITS = Set.of(
            "ms", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours",
            "day", "days", "ns", "us", "byte", "bytes", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib", "kbps",
            "mbps", "b", "s", "%");

    private final StringBuilder out = new StringBuilder(256);
    private final StringBuilder token = new StringBuilder(64);

    /** The masked signature of the first line of {@code message}: tokens separated by single spaces, never null. */
    String signature(String message) {
        StringBuilder sb = out;
        sb.setLength(0);
        int n = message.indexOf('\n');
        if (n < 0) {
            n = message.length();
        }
        boolean prevVar = false;
        int i = 0;
        while (i < n) {
            char c = message.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < n) {
                c = message.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r') {
                    break;
                }
                if (c >= '0' && c <= '9') {
                    digit = true;
                }
                i++;
            }
            if (!digit) {
                if (prevVar && isUnit(message, start, i)) {
                    continue;
                }
                if (isDateName(message, start, i) && dateFollows(message, i, n)) {
                    if (!prevVar) {
                        if (!sb.isEmpty()) {
                            sb.append(' ');
                        }
                        sb.append(VAR);
                    }
                    prevVar = true;
                    continue;
                }
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(message, start, i);
                prevVar = false;
                continue;
            }
            boolean letters = maskToken(message, start, i);
            if (!letters) {
                if (!prevVar) {
                    if (!sb.isEmpty()) {
                        sb.append(' ');
                    }
                    sb.append(VAR);
                }
                prevVar = true;
            } else {
                if (!repeatsLastToken(sb, token)) {
                    if (!sb.isEmpty()) {
                        sb.append(' ');
                    }
                    sb.append(token);
                }
                prevVar = false;
            }
        }
        return sb.toString();
    }

    private static boolean repeatsLastToken(StringBuilder sb, StringBuilder token) {
        int len = token.length();
        int start = sb.length() - len;
        if (start < 0 || (start > 0 && sb.charAt(start - 1) != ' ')) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (sb.charAt(start + i) != token.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean dateFollows(String s, int from, int n) {
        int i = from;
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            return true;
        }
        int end = i;
        while (end < n && s.charAt(end) != ' ' && s.charAt(end) != '\t') {
            end++;
        }
        return isDateName(s, i, end);
    }

    private static final Set<String> DATE_NAMES = Set.of(
            "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    private static boolean isDateName(String s, int from, int to) {
        return to - from == 3 && DATE_NAMES.contains(s.substring(from, to).toLowerCase(Locale.ROOT));
    }

    /** Masks {@code s[from, to)} into {@link #token}; returns whether letters remain outside the masked runs. */
    private boolean maskToken(String s, int from, int to) {
        StringBuilder t = token;
        t.setLength(0);
        boolean letters = false;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (isAlnum(c)) {
                int runStart = i;
                boolean digit = false;
                while (i < to && isAlnum(s.charAt(i))) {
                    char d = s.charAt(i);
                    if (d >= '0' && d <= '9') {
                        digit = true;
                    }
                    i++;
                }
                if (!digit && isHexWord(s, runStart, i) && hexContext(t, s, i, to)) {
                    digit = true;
                }
                if (digit) {
                    int len = t.length();
                    if (len > 0
                            && (t.charAt(len - 1) == '-' || t.charAt(len - 1) == '+')
                            && (len == 1 || !isAlnum(t.charAt(len - 2)))) {
                        t.setLength(--len);
                    }
                    if (len >= 4 && isJoiner(t.charAt(len - 1)) && endsWithVar(t, len - 1)) {
                        t.setLength(len - 1);
                    } else if (!(len >= 3 && endsWithVar(t, len))) {
                        t.append(VAR);
                    }
                } else {
                    t.append(s, runStart, i);
                    letters = true;
                }
            } else {
                t.append(c);
                i++;
            }
        }
        return letters;
    }

    private static boolean isHexWord(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = (char) (s.charAt(i) | 0x20);
            if (c < 'a' || c > 'f') {
                return false;
            }
        }
        return true;
    }

    /** Whether a hex-letter run sits between separators next to a masked run, as inside a UUID. */
    private static boolean hexContext(StringBuilder t, String s, int runEnd, int to) {
        int len = t.length();
        boolean before = len >= 4 && isJoiner(t.charAt(len - 1)) && endsWithVar(t, len - 1);
        boolean after = runEnd + 1 < to && isJoiner(s.charAt(runEnd)) && isHexDigitRun(s, runEnd + 1, to);
        return before && after;
    }

    private static boolean isHexDigitRun(String s, int from, int to) {
        boolean digit = false;
        int i = from;
        while (i < to && isAlnum(s.charAt(i))) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (((c | 0x20) < 'a') || ((c | 0x20) > 'f')) {
                return false;
            }
            i++;
        }
        return digit;
    }

    private static boolean endsWithVar(StringBuilder t, int end) {
        return end >= 3 && t.charAt(end - 3) == '<' && t.charAt(end - 2) == '*' && t.charAt(end - 1) == '>';
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == ':' || c == ',' || c == '-' || c == '_' || c == '/';
    }

    private static boolean isAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isUnit(String s, int from, int to) {
        while (to > from && !Character.isLetterOrDigit(s.charAt(to - 1)) && s.charAt(to - 1) != '%') {
            to--;
        }
        int len = to - from;
        if (len < 1 || len > 7) {
            return false;
        }
        return UNITS.contains(s.substring(from, to).toLowerCase(Locale.ROOT));
    }
}
