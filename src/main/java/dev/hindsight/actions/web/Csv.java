package dev.hindsight.actions.web;

import java.util.List;

/**
 * Writes CSV rows as RFC 4180 says: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF ends rows. A
 * leading =, +, -, @ or tab gets a ' before it so spreadsheets do not run the cell as a formula.
 */
final class Csv {

    private Csv() {}

    static String row(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        if (!text.isEmpty() && "=+-@\t".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
