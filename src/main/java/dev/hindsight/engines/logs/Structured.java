package dev.hindsight.engines.logs;

import java.util.Locale;

/** Header parsers for structured lines: JSON objects and logfmt key=value pairs. */
final class Structured {

    private Structured() {}

    private static final int TIME = 1;
    private static final int LEVEL = 2;
    private static final int MESSAGE = 3;
    private static final int SOURCE = 4;

    static int role(String key) {
        int role = exactRole(key);
        if (role != 0) {
            return role;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isUpperCase(key.charAt(i))) {
                return exactRole(key.toLowerCase(Locale.ROOT));
            }
        }
        return 0;
    }

    private static int exactRole(String key) {
        return switch (key) {
            case "time", "timestamp", "ts", "@timestamp", "datetime", "date", "t", "asctime" -> TIME;
            case "level", "severity", "lvl", "loglevel", "log.level", "levelname", "@level" -> LEVEL;
            case "msg", "message", "@message", "text", "log", "event" -> MESSAGE;
            case "logger", "logger_name", "source", "component", "name", "caller", "module", "service", "app" -> SOURCE;
            default -> 0;
        };
    }

    static void assign(int role, String value, boolean isString, Header h) {
        switch (role) {
            case TIME -> {
                if (!h.hasTime) {
                    Scan.isoOrEpoch(value, h);
                }
            }
            case LEVEL -> {
                if (h.level == null) {
                    String level = Scan.level(value);
                    h.level = level != null ? level : value;
                }
            }
            case MESSAGE -> {
                if (h.message == null && isString) {
                    h.message = value;
                }
            }
            case SOURCE -> {
                if (h.source == null) {
                    h.source = value;
                }
            }
            default -> {}
        }
    }

    /** One JSON object per line; fields named like time, level, msg and logger fill the record. */
    static final class Json implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            int n = Scan.trimmedEnd(s);
            int p = Scan.skipSpaces(s, 0);
            if (p >= n || s.charAt(p) != '{' || s.charAt(n - 1) != '}') {
                return false;
            }
            p++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                p = ws(s, p, n);
                if (p < n && s.charAt(p) == '}') {
                    break;
                }
                if (p >= n || s.charAt(p) != '"') {
                    return false;
                }
                sb.setLength(0);
                p = string(s, p, n, sb);
                if (p < 0) {
                    return false;
                }
                String key = sb.toString();
                p = ws(s, p, n);
                if (p >= n || s.charAt(p) != ':') {
                    return false;
                }
                p = ws(s, p + 1, n);
                if (p >= n) {
                    return false;
                }
                int role = role(key);
                if (s.charAt(p) == '"') {
                    sb.setLength(0);
                    p = string(s, p, n, sb);
                    if (p < 0) {
                        return false;
                    }
                    if (role != 0) {
                        assign(role, sb.toString(), true, h);
                    }
                } else {
                    int start = p;
                    p = skipValue(s, p, n);
                    if (p < 0) {
                        return false;
                    }
                    if (role != 0) {
                        assign(role, s.substring(start, p).strip(), false, h);
                    }
                }
                p = ws(s, p, n);
                if (p < n && s.charAt(p) == ',') {
                    p++;
                } else if (p < n && s.charAt(p) == '}') {
                    break;
                } else {
                    return false;
                }
            }
            if (h.message == null) {
                h.message = s.substring(0, n).strip();
            }
            return true;
        }

        private static int ws(String s, int p, int n) {
            while (p < n && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            return p;
        }

        private static int string(String s, int p, int n, StringBuilder out) {
            p++;
            while (p < n) {
                char c = s.charAt(p);
                if (c == '"') {
                    return p + 1;
                }
                if (c == '\\' && p + 1 < n) {
                    char e = s.charAt(p + 1);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            if (p + 6 > n) {
                                return -1;
                            }
                            try {
                                out.append((char) Integer.parseInt(s, p + 2, p + 6, 16));
                            } catch (NumberFormatException ex) {
                                return -1;
                            }
                            p += 4;
                        }
                        default -> out.append(e);
                    }
                    p += 2;
                } else {
                    out.append(c);
                    p++;
                }
            }
            return -1;
        }

        private static int skipValue(String s, int p, int n) {
            int depth = 0;
            boolean quoted = false;
            for (; p < n; p++) {
                char c = s.charAt(p);
                if (quoted) {
                    if (c == '\\') {
                        p++;
                    } else if (c == '"') {
                        quoted = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (depth == 0) {
                        return p;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    return p;
                }
            }
            return depth == 0 && !quoted ? p : -1;
        }
    }

    /** logfmt: {@code key=value key="quoted value"}; needs at least two pairs and a key at the start. */
    static final class Logfmt implements HeaderParser {
        @Override
        public boolean parse(String s, Header h) {
            int n = Scan.trimmedEnd(s);
            int p = 0;
            int pairs = 0;
            StringBuilder sb = new StringBuilder();
            while (p < n) {
                p = Scan.skipSpaces(s, p);
                int keyStart = p;
                while (p < n && s.charAt(p) != '=' && s.charAt(p) != ' ' && s.charAt(p) != '"') {
                    p++;
                }
                if (p == keyStart) {
                    return false;
                }
                String key = s.substring(keyStart, p);
                if (p >= n || s.charAt(p) != '=') {
                    if (pairs == 0) {
                        return false;
                    }
                    continue;
                }
                p++;
                String value;
                if (p < n && s.charAt(p) == '"') {
                    sb.setLength(0);
                    p++;
                    while (p < n && s.charAt(p) != '"') {
                        if (s.charAt(p) == '\\' && p + 1 < n) {
                            p++;
                        }
                        sb.append(s.charAt(p));
                        p++;
                    }
                    if (p >= n) {
                        return false;
                    }
                    p++;
                    value = sb.toString();
                } else {
                    int start = p;
                    p = Scan.tokenEnd(s, p);
                    value = s.substring(start, Math.min(p, n));
                }
                pairs++;
                int role = role(key);
                if (role != 0) {
                    assign(role, value, true, h);
                }
            }
            if (pairs < 2) {
                return false;
            }
            if (h.message == null) {
                h.message = s.substring(0, n).strip();
            }
            return true;
        }
    }
}
