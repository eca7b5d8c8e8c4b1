package dev.hindsight.engines.logs;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Allocation-free scanning helpers shared by the header parsers. */
final class Scan {

    private static final Map<String, String> LEVELS = new HashMap<>();

    static {
        String[] names = {
            "TRACE",
            "DEBUG",
            "INFO",
            "NOTICE",
            "WARN",
            "WARNING",
            "ERROR",
            "ERR",
            "SEVERE",
            "FATAL",
            "CRITICAL",
            "CRIT",
            "ALERT",
            "EMERG",
            "EMERGENCY",
            "PANIC",
            "FINE",
            "FINER",
            "FINEST",
            "CONFIG",
            "VERBOSE",
            "AUDIT"
        };
        for (String name : names) {
            LEVELS.put(name, name);
            LEVELS.put(name.toLowerCase(java.util.Locale.ROOT), name);
            LEVELS.put(name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT), name);
        }
        for (String letter : new String[] {"V", "T", "D", "I", "W", "E", "F"}) {
            LEVELS.put(letter, letter);
        }
    }

    private static final String[] SYSLOG_SEVERITIES = {
        "EMERG", "ALERT", "CRIT", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"
    };

    private Scan() {}

    /** The canonical level named by {@code s[from, to)}, or null. Single letters count only when {@code letters}. */
    static String level(String s, int from, int to, boolean letters) {
        int length = to - from;
        if (length < 1 || length > 9 || (length == 1 && !letters)) {
            return null;
        }
        return LEVELS.get(s.substring(from, to));
    }

    /** The level named by a whole string, case-insensitively, or null. */
    static String level(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return null;
        }
        String canonical = LEVELS.get(s);
        return canonical != null ? canonical : LEVELS.get(s.toUpperCase(java.util.Locale.ROOT));
    }

    /** The index of the {@code ]} closing the {@code [} at {@code open}, counting nested brackets, or -1. */
    static int closingBracket(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static String syslogSeverity(int pri) {
        return SYSLOG_SEVERITIES[pri & 7];
    }

    /** The value of {@code n} decimal digits at {@code pos}, or -1 when they are not all digits. */
    static int digits(String s, int pos, int n) {
        if (pos < 0 || pos + n > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = pos; i < pos + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static boolean isDigit(String s, int pos) {
        if (pos >= s.length()) {
            return false;
        }
        char c = s.charAt(pos);
        return c >= '0' && c <= '9';
    }

    static boolean at(String s, int pos, char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    static int skipSpaces(String s, int pos) {
        int n = s.length();
        while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    static int tokenEnd(String s, int pos) {
        int n = s.length();
        while (pos < n && s.charAt(pos) != ' ' && s.charAt(pos) != '\t') {
            pos++;
        }
        return pos;
    }

    static int trimmedEnd(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** {@code s} from {@code from} (after spaces) to its end without trailing whitespace, never null. */
    static String rest(String s, int from) {
        from = skipSpaces(s, from);
        int end = trimmedEnd(s);
        return from >= end ? "" : s.substring(from, end);
    }

    /** 1..12 for an English three-letter month abbreviation at {@code pos}, else 0. */
    static int monthName(String s, int pos) {
        if (pos + 3 > s.length()) {
            return 0;
        }
        int a = s.charAt(pos) | 0x20;
        int b = s.charAt(pos + 1) | 0x20;
        int c = s.charAt(pos + 2) | 0x20;
        int key = (a << 16) | (b << 8) | c;
        return switch (key) {
            case ('j' << 16) | ('a' << 8) | 'n' -> 1;
            case ('f' << 16) | ('e' << 8) | 'b' -> 2;
            case ('m' << 16) | ('a' << 8) | 'r' -> 3;
            case ('a' << 16) | ('p' << 8) | 'r' -> 4;
            case ('m' << 16) | ('a' << 8) | 'y' -> 5;
            case ('j' << 16) | ('u' << 8) | 'n' -> 6;
            case ('j' << 16) | ('u' << 8) | 'l' -> 7;
            case ('a' << 16) | ('u' << 8) | 'g' -> 8;
            case ('s' << 16) | ('e' << 8) | 'p' -> 9;
            case ('o' << 16) | ('c' << 8) | 't' -> 10;
            case ('n' << 16) | ('o' << 8) | 'v' -> 11;
            case ('d' << 16) | ('e' << 8) | 'c' -> 12;
            default -> 0;
        };
    }

    /** Reads {@code HH:mm:ss} at {@code pos} into {@code h}; returns the end or -1. */
    static int clock(String s, int pos, Header h) {
        int hh = digits(s, pos, 2);
        int mm = digits(s, pos + 3, 2);
        int ss = digits(s, pos + 6, 2);
        if (hh < 0 || mm < 0 || ss < 0 || s.charAt(pos + 2) != ':' || s.charAt(pos + 5) != ':') {
            return -1;
        }
        h.hour = hh;
        h.minute = mm;
        h.second = ss;
        h.hasTime = true;
        return pos + 8;
    }

    /** Reads {@code H:m:s} with one or two digits per field at {@code pos} into {@code h}; returns the end or -1. */
    static int looseClock(String s, int pos, Header h) {
        int[] values = new int[3];
        int p = pos;
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                if (!at(s, p, ':')) {
                    return -1;
                }
                p++;
            }
            int start = p;
            int value = 0;
            while (p < s.length() && p - start < 2 && isDigit(s, p)) {
                value = value * 10 + (s.charAt(p) - '0');
                p++;
            }
            if (p == start) {
                return -1;
            }
            values[i] = value;
        }
        h.hour = values[0];
        h.minute = values[1];
        h.second = values[2];
        h.hasTime = true;
        return p;
    }

    /** Reads an optional fraction ({@code .ddd} or {@code ,ddd}, 1-9 digits) at {@code pos}; returns the end. */
    static int fraction(String s, int pos, Header h, boolean colonAllowed) {
        if (pos < s.length()
                && (s.charAt(pos) == '.' || s.charAt(pos) == ',' || (colonAllowed && s.charAt(pos) == ':'))
                && isDigit(s, pos + 1)) {
            int i = pos + 1;
            int nano = 0;
            int count = 0;
            while (i < s.length() && isDigit(s, i)) {
                if (count < 9) {
                    nano = nano * 10 + (s.charAt(i) - '0');
                    count++;
                }
                i++;
            }
            while (count < 9) {
                nano *= 10;
                count++;
            }
            h.nano = nano;
            return i;
        }
        return pos;
    }

    /** Reads an optional zone designator ({@code Z}, {@code +hh}, {@code +hh:mm}, {@code +hhmm}); returns the end. */
    static int offset(String s, int pos, Header h) {
        if (pos >= s.length()) {
            return pos;
        }
        char c = s.charAt(pos);
        if (c == 'Z' || c == 'z') {
            h.offsetSeconds = 0;
            return pos + 1;
        }
        if (c == '+' || c == '-') {
            int hh = digits(s, pos + 1, 2);
            if (hh < 0) {
                return pos;
            }
            int end = pos + 3;
            int mm = 0;
            if (at(s, end, ':') && digits(s, end + 1, 2) >= 0) {
                mm = digits(s, end + 1, 2);
                end += 3;
            } else if (digits(s, end, 2) >= 0) {
                mm = digits(s, end, 2);
                end += 2;
            }
            int total = hh * 3600 + mm * 60;
            h.offsetSeconds = c == '-' ? -total : total;
            return end;
        }
        return pos;
    }

    /**
     * Reads a leading timestamp at {@code pos}: {@code yyyy-MM-dd[T ]HH:mm:ss[.,frac][zone]}, the same with
     * {@code /}, {@code yy/MM/dd HH:mm:ss}, {@code MM-dd HH:mm:ss[.frac]} (Android logcat, no year) or
     * {@code yyMMdd HHmmss}. Returns the end or -1.
     */
    static int timestamp(String s, int pos, Header h) {
        int y4 = digits(s, pos, 4);
        if (y4 >= 0 && pos + 10 <= s.length()) {
            char sep = s.charAt(pos + 4);
            if ((sep == '-' || sep == '/') && s.charAt(pos + 7) == sep) {
                int mo = digits(s, pos + 5, 2);
                int d = digits(s, pos + 8, 2);
                if (mo < 1 || mo > 12 || d < 1 || d > 31) {
                    return -1;
                }
                int p = pos + 10;
                if (p >= s.length() || (s.charAt(p) != 'T' && s.charAt(p) != ' ')) {
                    return -1;
                }
                int end = clock(s, p + 1, h);
                if (end < 0) {
                    return -1;
                }
                h.year = y4;
                h.month = mo;
                h.day = d;
                end = fraction(s, end, h, false);
                return offset(s, end, h);
            }
        }
        int yy = digits(s, pos, 2);
        if (yy >= 0 && at(s, pos + 2, '/') && at(s, pos + 5, '/') && at(s, pos + 8, ' ')) {
            int mo = digits(s, pos + 3, 2);
            int d = digits(s, pos + 6, 2);
            int end = mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? clock(s, pos + 9, h) : -1;
            if (end < 0) {
                return -1;
            }
            h.year = 2000 + yy;
            h.month = mo;
            h.day = d;
            return fraction(s, end, h, false);
        }
        int mo2 = digits(s, pos, 2);
        if (mo2 >= 1 && mo2 <= 12 && at(s, pos + 2, '-') && at(s, pos + 5, ' ')) {
            int d = digits(s, pos + 3, 2);
            int end = d >= 1 && d <= 31 ? clock(s, pos + 6, h) : -1;
            if (end < 0) {
                return -1;
            }
            h.year = -1;
            h.month = mo2;
            h.day = d;
            return fraction(s, end, h, false);
        }
        int ymd = digits(s, pos, 6);
        if (ymd >= 0 && at(s, pos + 6, ' ')) {
            int hms = digits(s, pos + 7, 6);
            if (hms < 0 || (pos + 13 < s.length() && s.charAt(pos + 13) != ' ')) {
                return -1;
            }
            int mo = (ymd / 100) % 100;
            int d = ymd % 100;
            int hh = hms / 10000;
            int mi = (hms / 100) % 100;
            int se = hms % 100;
            if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mi > 59 || se > 60) {
                return -1;
            }
            h.year = 2000 + ymd / 10000;
            h.month = mo;
            h.day = d;
            h.hour = hh;
            h.minute = mi;
            h.second = se;
            h.hasTime = true;
            return pos + 13;
        }
        return -1;
    }

    /**
     * Parses a whole ISO-8601 date-time, or an epoch number (seconds, millis, micros or nanos by magnitude), into
     * {@code h}. Returns false when it is neither.
     */
    static boolean isoOrEpoch(String s, Header h) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        int end = timestamp(s, 0, h);
        if (end > 0) {
            return true;
        }
        h.year = -1;
        h.hasTime = false;
        return epoch(s, h);
    }

    static boolean epoch(String s, Header h) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (whole.isEmpty() || whole.length() > 19) {
            return false;
        }
        for (int i = 0; i < whole.length(); i++) {
            if (!isDigit(whole, i)) {
                return false;
            }
        }
        long value = Long.parseLong(whole);
        if (value >= 100_000_000_000_000_000L) {
            h.instant = Instant.ofEpochSecond(value / 1_000_000_000L, value % 1_000_000_000L);
        } else if (value >= 100_000_000_000_000L) {
            h.instant = Instant.ofEpochSecond(value / 1_000_000L, (value % 1_000_000L) * 1000);
        } else if (value >= 100_000_000_000L) {
            h.instant = Instant.ofEpochMilli(value);
        } else {
            long nanos = 0;
            if (dot > 0) {
                Header scratch = new Header();
                fraction(s, dot, scratch, false);
                nanos = scratch.nano;
            }
            h.instant = Instant.ofEpochSecond(value, nanos);
        }
        h.hasTime = true;
        return true;
    }
}
