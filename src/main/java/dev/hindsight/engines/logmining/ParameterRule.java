package dev.hindsight.engines.logmining;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides from the values seen at one position of a family whether that position holds a parameter. Few distinct
 * words that each recur (states, verbs, protocol names) are kept as constants; identifiers, names and words that
 * occur once are parameters.
 */
final class ParameterRule {

    static final int MANY_VALUES = 10;

    private static final Set<String> NAMING_WORDS = Set.of("user", "username", "login", "account", "host", "hostname");

    private ParameterRule() {}

    static boolean isParameter(TemplateMiner.Family family, int position) {
        Map<String, Long> counts = new HashMap<>();
        for (TemplateMiner.Shape shape : family.shapes) {
            counts.merge(shape.tokens[position], shape.count, Long::sum);
        }
        int distinct = counts.size();
        if (distinct < 2) {
            return false;
        }
        int singletons = 0;
        int masked = 0;
        int identifierLike = 0;
        long total = 0;
        for (long count : counts.values()) {
            total += count;
        }
        int rare = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            String value = entry.getKey();
            if (entry.getValue() == 1) {
                singletons++;
            }
            if (entry.getValue() * 50 <= total) {
                rare++;
            }
            if (value.contains(Masker.VAR)) {
                masked++;
                identifierLike++;
            } else if (looksLikeIdentifier(value)) {
                identifierLike++;
            }
        }
        if (distinct >= MANY_VALUES) {
            return true;
        }
        if (masked == distinct) {
            if (distinct >= 3) {
                return true;
            }
            var values = counts.keySet().iterator();
            return differInParameterOnly(values.next(), values.next());
        }
        if (position > 0 && isNamingWord(family.shapes.get(0).tokens[position - 1])) {
            return true;
        }
        return distinct >= 3 && (singletons >= 2 || rare >= 2 || identifierLike * 2 > distinct);
    }

    /** Whether two masked tokens differ only in a short fragment or in a part that looks like a parameter. */
    static boolean differInParameterOnly(String a, String b) {
        int prefix = 0;
        int max = Math.min(a.length(), b.length());
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        String middleA = a.substring(prefix, a.length() - suffix);
        String middleB = b.substring(prefix, b.length() - suffix);
        if (!middleA.isEmpty() && !middleB.isEmpty()) {
            return true;
        }
        return looksLikeParameterFragment(middleA) || looksLikeParameterFragment(middleB);
    }

    private static boolean looksLikeParameterFragment(String fragment) {
        if (fragment.contains("<") || fragment.contains("*>")) {
            return true;
        }
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '.' || c == '/' || c == '@' || c == '-' || c == '_' || c == ':') {
                return true;
            }
        }
        return false;
    }

    private static boolean isNamingWord(String token) {
        int end = token.length();
        while (end > 0 && (token.charAt(end - 1) == ':' || token.charAt(end - 1) == '=')) {
            end--;
        }
        return NAMING_WORDS.contains(token.substring(0, end).toLowerCase(Locale.ROOT));
    }

    private static boolean looksLikeIdentifier(String token) {
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if ((c == '.' || c == '/' || c == '@' || c == ':' || c == '\\')
                    && Character.isLetterOrDigit(token.charAt(i - 1))
                    && Character.isLetterOrDigit(token.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }
}
