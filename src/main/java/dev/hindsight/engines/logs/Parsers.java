package dev.hindsight.engines.logs;

import static dev.hindsight.engines.logs.Scan.at;
import static dev.hindsight.engines.logs.Scan.digits;
import static dev.hindsight.engines.logs.Scan.skipSpaces;
import static dev.hindsight.engines.logs.Scan.tokenEnd;

/** The header parsers behind {@link LogFormat}. */
final class Parsers {

    private Parsers() {}

    /** {@code time [pid] LEVEL [thread] logger: message}, also Python's {@code time - name - LEVEL - message}. */
    static final class Log4j implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            int p = 0;
            boolean bracketed = at(s, 0, '[');
            if (bracketed) {
                p = 1;
            }
            p = Scan.timestamp(s, p, h);
            if (p < 0) {
                return false;
            }
            if (bracketed) {
                if (!at(s, p, ']')) {
                    return false;
                }
                p++;
            }
            if (at(s, p, ',')) {
                p++;
            }
            if (p < s.length() && s.charAt(p) != ' ' && s.charAt(p) != '\t') {
                return false;
            }
            String level = null;
            String source = null;
            for (int tokens = 0; tokens < 8; tokens++) {
                p = skipSpaces(s, p);
                if (p >= s.length()) {
                    break;
                }
                char c = s.charAt(p);
                if (c == '[') {
                    int close = Scan.closingBracket(s, p);
                    if (close < 0) {
                        break;
                    }
                    if (level == null) {
                        level = Scan.level(s, p + 1, close, false);
                    }
                    p = close + 1;
                    continue;
                }
                int t = tokenEnd(s, p);
                if (level == null && digits(s, p, t - p) >= 0) {
                    p = t;
                    continue;
                }
                if (t - p == 1 && (c == '-' || c == '|' || c == ':')) {
                    p = t;
                    continue;
                }
                if (level == null) {
                    int end = s.charAt(t - 1) == ':' ? t - 1 : t;
                    String candidate = Scan.level(s, p, end, end - p == 1 && Character.isUpperCase(c));
                    if (candidate != null) {
                        level = candidate;
                        p = t;
                        continue;
                    }
                    if (source == null) {
                        source = s.substring(p, t);
                        p = t;
                        continue;
                    }
                    return false;
                }
                if (source == null && t - p > 1 && s.charAt(t - 1) == ':') {
                    source = s.substring(p, t - 1);
                    p = t;
                } else if (source == null && at(s, t, ' ') && at(s, t + 1, ' ') && isWord(s, p, t)) {
                    source = s.substring(p, t);
                    p = t;
                } else if (source == null && at(s, t, ' ') && at(s, t + 1, '-') && at(s, t + 2, ' ')) {
                    source = s.substring(p, t);
                    p = t + 3;
                }
                break;
            }
            if (level == null) {
                return false;
            }
            h.level = level;
            h.source = source;
            h.message = Scan.rest(s, p);
            return true;
        }

        @Override
        public boolean continuations() {
            return true;
        }
    }

    static boolean isWord(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != '.' && c != '$') {
                return false;
            }
        }
        return true;
    }

    /** OpenStack (oslo.log): {@code [file] yyyy-MM-dd HH:mm:ss.SSS pid LEVEL logger [context] message}; the context is required. */
    static final class OpenStack implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            int p = Scan.timestamp(s, 0, h);
            if (p < 0) {
                h.reset();
                int first = tokenEnd(s, 0);
                p = Scan.timestamp(s, skipSpaces(s, first), h);
                if (p < 0 || first == 0) {
                    return false;
                }
            }
            p = skipSpaces(s, p);
            int t = tokenEnd(s, p);
            if (t == p || digits(s, p, t - p) < 0) {
                return false;
            }
            p = skipSpaces(s, t);
            t = tokenEnd(s, p);
            String level = Scan.level(s, p, t, false);
            if (level == null) {
                return false;
            }
            p = skipSpaces(s, t);
            t = tokenEnd(s, p);
            if (t == p) {
                return false;
            }
            h.level = level;
            h.source = s.substring(p, t);
            p = skipSpaces(s, t);
            if (!at(s, p, '[')) {
                return false;
            }
            int close = s.indexOf("] ", p);
            if (close < 0 && s.endsWith("]")) {
                close = s.length() - 1;
            }
            if (close < 0) {
                return false;
            }
            h.message = Scan.rest(s, close + 1);
            return true;
        }

        @Override
        public boolean continuations() {
            return true;
        }
    }

    /** Proxifier: {@code [MM.dd HH:mm:ss] program - message}. */
    static final class Proxifier implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            if (!at(s, 0, '[') || !at(s, 3, '.') || !at(s, 6, ' ') || !at(s, 15, ']')) {
                return false;
            }
            int mo = digits(s, 1, 2);
            int d = digits(s, 4, 2);
            if (mo < 1 || mo > 12 || d < 1 || d > 31 || Scan.clock(s, 7, h) < 0) {
                return false;
            }
            h.month = mo;
            h.day = d;
            int p = skipSpaces(s, 16);
            int dash = s.indexOf(" - ", p);
            if (dash < 0) {
                return false;
            }
            h.source = s.substring(p, dash).strip();
            h.message = Scan.rest(s, dash + 3);
            return true;
        }
    }

    /** HealthApp: {@code yyyyMMdd-HH:mm:ss:SSS|component|pid|message}. */
    static final class HealthApp implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            int date = digits(s, 0, 8);
            int clockEnd = date < 0 || !at(s, 8, '-') ? -1 : Scan.looseClock(s, 9, h);
            if (clockEnd < 0) {
                return false;
            }
            int p = Scan.fraction(s, clockEnd, h, true);
            if (!at(s, p, '|')) {
                return false;
            }
            int second = s.indexOf('|', p + 1);
            int third = second < 0 ? -1 : s.indexOf('|', second + 1);
            if (third < 0) {
                return false;
            }
            h.year = date / 10000;
            h.month = (date / 100) % 100;
            h.day = date % 100;
            h.source = s.substring(p + 1, second);
            h.message = s.substring(third + 1, Math.max(third + 1, Scan.trimmedEnd(s)));
            return true;
        }
    }

    /** RFC 3164 syslog: {@code [<pri>]Mmm dd HH:mm:ss host tag[pid]: message}. */
    static final class Syslog implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            int p = 0;
            int pri = -1;
            if (at(s, 0, '<')) {
                int close = s.indexOf('>');
                if (close < 2 || close > 4 || digits(s, 1, close - 1) < 0) {
                    return false;
                }
                pri = digits(s, 1, close - 1);
                p = close + 1;
            }
            int month = Scan.monthName(s, p);
            if (month == 0 || !at(s, p + 3, ' ')) {
                return false;
            }
            p = skipSpaces(s, p + 3);
            int dayEnd = p;
            while (dayEnd < s.length() && dayEnd - p < 2 && Scan.isDigit(s, dayEnd)) {
                dayEnd++;
            }
            int day = dayEnd > p ? digits(s, p, dayEnd - p) : -1;
            if (day < 1 || day > 31 || !at(s, dayEnd, ' ')) {
                return false;
            }
            p = skipSpaces(s, dayEnd);
            int year = digits(s, p, 4);
            if (year >= 0 && at(s, p + 4, ' ')) {
                h.year = year;
                p = skipSpaces(s, p + 5);
            }
            int end = Scan.clock(s, p, h);
            if (end < 0) {
                return false;
            }
            h.month = month;
            h.day = day;
            end = Scan.fraction(s, end, h, false);
            p = skipSpaces(s, end);
            int hostEnd = tokenEnd(s, p);
            if (hostEnd == p) {
                return false;
            }
            p = skipSpaces(s, hostEnd);
            if (pri >= 0) {
                h.level = Scan.syslogSeverity(pri);
            }
            int n = s.length();
            for (int i = p; i < n; i++) {
                char c = s.charAt(i);
                if (c == ':' && (i + 1 == n || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
                    h.source = s.substring(p, i);
                    h.message = Scan.rest(s, i + 1);
                    return true;
                }
                if (c == '[') {
                    int close = s.indexOf("]:", i);
                    if (close > 0 && (close + 2 == n || s.charAt(close + 2) == ' ')) {
                        h.source = s.substring(p, i);
                        h.message = Scan.rest(s, close + 2);
                        return true;
                    }
                }
            }
            h.source = null;
            h.message = Scan.rest(s, p);
            return true;
        }
    }

    /** RFC 5424 syslog: {@code <pri>1 timestamp host app procid msgid structured-data message}. */
    static final class Syslog5424 implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            if (!at(s, 0, '<')) {
                return false;
            }
            int close = s.indexOf('>');
            if (close < 2 || close > 4 || digits(s, 1, close - 1) < 0) {
                return false;
            }
            int pri = digits(s, 1, close - 1);
            int p = close + 1;
            int t = tokenEnd(s, p);
            if (t == p || digits(s, p, t - p) < 0) {
                return false;
            }
            p = t + 1;
            if (at(s, p, '-')) {
                p += 1;
            } else {
                int end = Scan.timestamp(s, p, h);
                if (end < 0) {
                    return false;
                }
                p = end;
            }
            String[] fields = new String[4];
            for (int i = 0; i < 4; i++) {
                if (!at(s, p, ' ')) {
                    return false;
                }
                p++;
                t = tokenEnd(s, p);
                fields[i] = s.substring(p, t);
                p = t;
            }
            p = skipSpaces(s, p);
            if (at(s, p, '-')) {
                p++;
            } else if (at(s, p, '[')) {
                boolean quoted = false;
                int i = p;
                for (; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        quoted = !quoted;
                    } else if (c == ']' && !quoted && (i + 1 == s.length() || s.charAt(i + 1) != '[')) {
                        break;
                    }
                }
                p = Math.min(i + 1, s.length());
            }
            String message = Scan.rest(s, p);
            if (message.startsWith("\uFEFF")) {
                message = message.substring(1);
            }
            h.level = Scan.syslogSeverity(pri);
            h.source = fields[1].equals("-") ? null : fields[1];
            h.message = message;
            return true;
        }
    }

    /** Apache/nginx common and combined access logs. */
    static final class Access implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            int hostEnd = tokenEnd(s, 0);
            if (hostEnd == 0) {
                return false;
            }
            int open = s.indexOf(" [", hostEnd);
            if (open < 0 || open > hostEnd + 200) {
                return false;
            }
            int p = open + 2;
            int d = digits(s, p, 2);
            int month = Scan.monthName(s, p + 3);
            int y = digits(s, p + 7, 4);
            if (d < 1 || month == 0 || y < 0 || !at(s, p + 2, '/') || !at(s, p + 6, '/') || !at(s, p + 11, ':')) {
                return false;
            }
            int end = Scan.clock(s, p + 12, h);
            if (end < 0) {
                return false;
            }
            end = Scan.fraction(s, end, h, false);
            end = Scan.offset(s, skipSpaces(s, end), h);
            if (!at(s, end, ']') || !at(s, end + 2, '"')) {
                return false;
            }
            h.year = y;
            h.month = month;
            h.day = d;
            h.source = s.substring(0, hostEnd);
            h.message = Scan.rest(s, end + 1);
            int q = s.indexOf('"', end + 3);
            if (q > 0) {
                int st = skipSpaces(s, q + 1);
                int status = digits(s, st, 3);
                h.level = status >= 500 ? "ERROR" : status >= 400 ? "WARN" : status >= 100 ? "INFO" : null;
            }
            return true;
        }
    }

    /** Apache error log: {@code [Sun Dec 04 04:47:44 2005] [level] message}, also 2.4's {@code [module:level]}. */
    static final class ApacheError implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            if (!at(s, 0, '[') || !at(s, 4, ' ')) {
                return false;
            }
            int month = Scan.monthName(s, 5);
            int day = digits(s, 9, 2);
            int end = month == 0 || day < 1 ? -1 : Scan.clock(s, 12, h);
            if (end < 0) {
                return false;
            }
            end = Scan.fraction(s, end, h, false);
            int year = digits(s, end + 1, 4);
            if (year < 0 || !at(s, end + 5, ']')) {
                return false;
            }
            h.year = year;
            h.month = month;
            h.day = day;
            int p = skipSpaces(s, end + 6);
            if (!at(s, p, '[')) {
                return false;
            }
            int close = s.indexOf(']', p);
            if (close < 0) {
                return false;
            }
            int colon = s.lastIndexOf(':', close);
            int levelStart = colon > p ? colon + 1 : p + 1;
            String level = Scan.level(s.substring(levelStart, close));
            h.level = level != null ? level : s.substring(levelStart, close);
            if (colon > p) {
                h.source = s.substring(p + 1, colon);
            }
            h.message = Scan.rest(s, close + 1);
            return true;
        }
    }

    /** Splits the first {@code n} whitespace-separated tokens; returns their end positions or null if fewer. */
    static int[] tokenEnds(String s, int n, int[] starts) {
        int[] ends = new int[n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            p = skipSpaces(s, p);
            int t = tokenEnd(s, p);
            if (t == p) {
                return null;
            }
            starts[i] = p;
            ends[i] = t;
            p = t;
        }
        return ends;
    }

    static boolean allDigits(String s, int from, int to, int minLength) {
        return to - from >= minLength && digits(s, from, Math.min(to - from, 9)) >= 0 && digitsOnly(s, from, to);
    }

    private static boolean digitsOnly(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Scan.isDigit(s, i)) {
                return false;
            }
        }
        return true;
    }

    static boolean dottedDate(String s, int from, int to) {
        return to - from == 10 && digits(s, from, 4) >= 0 && at(s, from + 4, '.') && at(s, from + 7, '.');
    }

    static void epochSeconds(String s, int from, int to, Header h) {
        h.instant = java.time.Instant.ofEpochSecond(Long.parseLong(s.substring(from, to)));
        h.hasTime = true;
    }

    /** BlueGene/L RAS: {@code label epoch yyyy.MM.dd node yyyy-MM-dd-HH.mm.ss.ffffff node type component level message}. */
    static final class Bgl implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            int[] starts = new int[9];
            int[] ends = tokenEnds(s, 9, starts);
            if (ends == null
                    || !allDigits(s, starts[1], ends[1], 9)
                    || !dottedDate(s, starts[2], ends[2])
                    || ends[4] - starts[4] < 19
                    || !at(s, starts[4] + 4, '-')
                    || !at(s, starts[4] + 10, '-')) {
                return false;
            }
            epochSeconds(s, starts[1], ends[1], h);
            h.source = s.substring(starts[7], ends[7]);
            String level = Scan.level(s, starts[8], ends[8], false);
            h.level = level != null ? level : s.substring(starts[8], ends[8]);
            h.message = Scan.rest(s, ends[8]);
            return true;
        }
    }

    /** Thunderbird: {@code label epoch yyyy.MM.dd user Mmm d HH:mm:ss location tag[pid]: message}. */
    static final class Thunderbird implements HeaderParser {
        private final Syslog syslog = new Syslog();

        @Override
        public boolean parse(String s, Header h) {
            int[] starts = new int[4];
            int[] ends = tokenEnds(s, 4, starts);
            if (ends == null || !allDigits(s, starts[1], ends[1], 9) || !dottedDate(s, starts[2], ends[2])) {
                return false;
            }
            int p = skipSpaces(s, ends[3]);
            if (!syslog.parse(s.substring(p), h)) {
                return false;
            }
            epochSeconds(s, starts[1], ends[1], h);
            return true;
        }
    }

    /** HPC: {@code logId node component state epoch flag message}. */
    static final class Hpc implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            int[] starts = new int[6];
            int[] ends = tokenEnds(s, 6, starts);
            if (ends == null
                    || !allDigits(s, starts[0], ends[0], 1)
                    || !allDigits(s, starts[4], ends[4], 9)
                    || !allDigits(s, starts[5], ends[5], 1)) {
                return false;
            }
            epochSeconds(s, starts[4], ends[4], h);
            h.source = s.substring(starts[2], ends[2]);
            h.message = Scan.rest(s, ends[5]);
            return true;
        }
    }

    /** Every line is a record whose message is the line. */
    static final class Raw implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            h.message = Scan.rest(s, 0);
            return true;
        }
    }
}
