package dev.hindsight.engines.blameless;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Markdown masking, tokenizing and sentence splitting; offsets always refer to the original text. */
final class Text {

    /** A word or punctuation token of the original text. */
    record Token(String text, String lower, int start, int end, boolean word) {

        boolean capitalised() {
            return word && Character.isUpperCase(text.charAt(0));
        }

        boolean is(String candidate) {
            return lower.equals(candidate);
        }
    }

    private static final Pattern LOG_LINE =
            Pattern.compile("^\\s*(?:[-*+]\\s+)?(?:\\[?\\d{4}-\\d{2}-\\d{2}[T ][\\d:.,]+Z?\\]?\\s+)?"
                    + "\\[?(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|CRITICAL|SEVERE|PANIC)\\]?[\\s:\\]].*");

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "approx", "no", "fig", "cf", "al", "st", "jr", "sr");

    private Text() {}

    /** Returns a copy of {@code text} where code, URLs, quotations, block quotes and log lines are blanked out. */
    static char[] mask(String text) {
        char[] masked = text.toCharArray();
        int lineStart = 0;
        String fence = null;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            String trimmed = line.stripLeading();
            boolean blank = false;
            if (fence != null) {
                blank = true;
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
            } else if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = trimmed.substring(0, 3);
                blank = true;
            } else if (trimmed.startsWith(">") || LOG_LINE.matcher(line).matches()) {
                blank = true;
            }
            if (blank) {
                for (int i = lineStart; i < lineEnd; i++) {
                    masked[i] = ' ';
                }
            }
            lineStart = lineEnd + 1;
        }
        maskInline(masked);
        return masked;
    }

    private static void maskInline(char[] m) {
        int n = m.length;
        int i = 0;
        while (i < n) {
            int end = inlineEnd(m, i);
            if (end > i) {
                for (int k = i; k < end; k++) {
                    if (m[k] != '\n') {
                        m[k] = ' ';
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
    }

    /** The end of a code span, comment, link target, URL or quotation starting at {@code i}, or {@code i}. */
    private static int inlineEnd(char[] m, int i) {
        char c = m[i];
        switch (c) {
            case '`' -> {
                int run = i;
                while (run < m.length && m[run] == '`') {
                    run++;
                }
                int width = run - i;
                for (int k = run; k < m.length; k++) {
                    if (m[k] == '`') {
                        int close = k;
                        while (close < m.length && m[close] == '`') {
                            close++;
                        }
                        if (close - k == width) {
                            return close;
                        }
                        k = close - 1;
                    }
                }
                return run;
            }
            case '<' -> {
                if (startsWith(m, i, "<!--")) {
                    int close = indexOf(m, i + 4, "-->");
                    return close < 0 ? m.length : close + 3;
                }
                if (startsWith(m, i, "<http")) {
                    for (int k = i; k < m.length && !Character.isWhitespace(m[k]); k++) {
                        if (m[k] == '>') {
                            return k + 1;
                        }
                    }
                }
                return i;
            }
            case ']' -> {
                if (i + 1 < m.length && m[i + 1] == '(') {
                    for (int k = i + 2; k < m.length && !Character.isWhitespace(m[k]); k++) {
                        if (m[k] == ')') {
                            return k + 1;
                        }
                    }
                }
                return i;
            }
            case '"', '\u201c' -> {
                char closing = c == '"' ? '"' : '\u201d';
                for (int k = i + 1; k < m.length && k <= i + 301 && m[k] != '\n'; k++) {
                    if (m[k] == closing) {
                        return k > i + 1 ? k + 1 : i;
                    }
                }
                return i;
            }
            case 'h', 'f', 'w' -> {
                boolean boundary = i == 0 || !Character.isLetterOrDigit(m[i - 1]);
                if (boundary
                        && (startsWith(m, i, "http://")
                                || startsWith(m, i, "https://")
                                || startsWith(m, i, "ftp://")
                                || startsWith(m, i, "www."))) {
                    int k = i;
                    while (k < m.length && !Character.isWhitespace(m[k]) && m[k] != ')' && m[k] != '>' && m[k] != ']') {
                        k++;
                    }
                    return k;
                }
                return i;
            }
            default -> {
                return i;
            }
        }
    }

    private static boolean startsWith(char[] m, int i, String prefix) {
        if (i + prefix.length() > m.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (m[i + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] m, int from, String needle) {
        for (int i = from; i + needle.length() <= m.length; i++) {
            if (startsWith(m, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits the masked text into sentences, each a list of tokens. */
    static List<List<Token>> sentences(String original, char[] masked) {
        List<List<Token>> sentences = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int n = masked.length;
        int i = 0;
        while (i < n) {
            char c = masked[i];
            if (Character.isWhitespace(c)) {
                int gapStart = i;
                while (i < n && Character.isWhitespace(masked[i])) {
                    i++;
                }
                if (!current.isEmpty() && structuralBreak(masked, gapStart, i)) {
                    sentences.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            int start = i;
            if (isWordStart(c)) {
                i++;
                while (i < n) {
                    char d = masked[i];
                    if (Character.isLetterOrDigit(d) || d == '_') {
                        i++;
                    } else if ((d == '\'' || d == '\u2019' || d == '-' || d == '.' || d == '/')
                            && i + 1 < n
                            && Character.isLetterOrDigit(masked[i + 1])
                            && Character.isLetterOrDigit(masked[i - 1])) {
                        i++;
                    } else if ((d == '\'' || d == '\u2019')
                            && masked[i - 1] == 's'
                            && (i + 1 >= n || !Character.isLetterOrDigit(masked[i + 1]))) {
                        i++;
                    } else {
                        break;
                    }
                }
                String word = original.substring(start, i);
                current.add(new Token(word, normalise(word), start, i, true));
            } else {
                i++;
                String p = original.substring(start, i);
                Token token = new Token(p, p, start, i, false);
                if (c == '|') {
                    if (!current.isEmpty()) {
                        sentences.add(current);
                        current = new ArrayList<>();
                    }
                    continue;
                }
                current.add(token);
                if ((c == '.' || c == '!' || c == '?') && endsSentence(current, masked, i)) {
                    sentences.add(current);
                    current = new ArrayList<>();
                }
            }
        }
        if (!current.isEmpty()) {
            sentences.add(current);
        }
        return sentences;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '_';
    }

    static String normalise(String word) {
        return word.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }

    private static boolean structuralBreak(char[] masked, int gapStart, int gapEnd) {
        int newlines = 0;
        for (int k = gapStart; k < gapEnd; k++) {
            if (masked[k] == '\n') {
                newlines++;
            }
        }
        if (newlines == 0) {
            return false;
        }
        if (newlines > 1 || gapEnd >= masked.length) {
            return true;
        }
        int lineStart = gapStart;
        while (lineStart > 0 && masked[lineStart - 1] != '\n') {
            lineStart--;
        }
        while (lineStart < gapStart && (masked[lineStart] == ' ' || masked[lineStart] == '\t')) {
            lineStart++;
        }
        if (masked[lineStart] == '#' || masked[lineStart] == '|') {
            return true;
        }
        char next = masked[gapEnd];
        if (next == '-' || next == '*' || next == '+' || next == '#' || next == '|' || next == '>') {
            return true;
        }
        int k = gapEnd;
        while (k < masked.length && Character.isDigit(masked[k])) {
            k++;
        }
        return k > gapEnd && k < masked.length && (masked[k] == '.' || masked[k] == ')');
    }

    private static boolean endsSentence(List<Token> current, char[] masked, int after) {
        if (after < masked.length && !Character.isWhitespace(masked[after])) {
            return false;
        }
        if (masked[after - 1] == '.' && current.size() >= 2) {
            Token previous = current.get(current.size() - 2);
            if (previous.word() && previous.end() == after - 1) {
                String lower = previous.lower();
                if (ABBREVIATIONS.contains(lower) || (lower.length() == 1 && Character.isLetter(lower.charAt(0)))) {
                    return false;
                }
            }
        }
        int k = after;
        while (k < masked.length && Character.isWhitespace(masked[k])) {
            k++;
        }
        if (k >= masked.length) {
            return true;
        }
        char next = masked[k];
        return !Character.isLowerCase(next);
    }
}
