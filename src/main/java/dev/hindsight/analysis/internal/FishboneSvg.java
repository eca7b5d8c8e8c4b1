package dev.hindsight.analysis.internal;

import dev.hindsight.analysis.Fishbone;
import dev.hindsight.analysis.FishboneCategory;
import dev.hindsight.analysis.FishboneCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a fishbone diagram as a standalone SVG document: a spine ending in the effect's head on the right, one bone
 * per category alternating above and below the spine, each cause as a labelled rib on its bone and each sub-cause as
 * a smaller rib under it. The bones grow with the busiest category, so eight categories of five causes stay
 * readable. Long labels are shortened with "…" and carry their full text in a {@code <title>}; every text is
 * XML-escaped, so a label can never become markup.
 */
public final class FishboneSvg {

    static final int CAUSE_CHARS = 34;
    static final int SUB_CAUSE_CHARS = 32;
    static final int CATEGORY_CHARS = 28;
    static final int EFFECT_LINE_CHARS = 28;
    static final int EFFECT_LINES = 4;

    private static final int ROW = 18;
    private static final int MARGIN = 20;
    private static final int LABEL_SPACE = 34;
    private static final int HEAD_WIDTH = 230;
    private static final double CHAR_WIDTH = 6.6;

    private FishboneSvg() {}

    private record Row(String text, boolean sub, String promoted) {}

    /** The diagram as an SVG document (UTF-8 text, no XML declaration). Never null. */
    public static String render(Fishbone fishbone) {
        List<FishboneCategory> categories = fishbone.categories();
        List<List<Row>> rows = new ArrayList<>();
        int busiest = 3;
        for (FishboneCategory category : categories) {
            List<Row> list = new ArrayList<>();
            for (FishboneCause cause : category.causes()) {
                list.add(row(cause, false));
                for (FishboneCause sub : cause.subCauses()) {
                    list.add(row(sub, true));
                }
            }
            rows.add(list);
            busiest = Math.max(busiest, list.size());
        }
        int half = LABEL_SPACE + 20 + busiest * ROW + 16;
        int reach = half - LABEL_SPACE;
        double slant = Math.round(reach * 0.35);
        double slot = 250 + slant;
        int slots = Math.max(1, (categories.size() + 1) / 2);
        double headX = MARGIN + slots * slot + 30;
        double width = headX + HEAD_WIDTH + MARGIN;
        double spineY = MARGIN + half;
        double height = 2 * half + 2 * MARGIN;

        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(n(width))
                .append("\" height=\"")
                .append(n(height))
                .append("\" viewBox=\"0 0 ")
                .append(n(width))
                .append(' ')
                .append(n(height))
                .append("\" role=\"img\" font-family=\"sans-serif\">\n");
        svg.append("<title>Fishbone diagram: ")
                .append(escape(fishbone.effect()))
                .append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<line class=\"spine\" x1=\"")
                .append(MARGIN)
                .append("\" y1=\"")
                .append(n(spineY))
                .append("\" x2=\"")
                .append(n(headX))
                .append("\" y2=\"")
                .append(n(spineY))
                .append("\" stroke=\"#2b3a4a\" stroke-width=\"4\"/>\n");
        head(svg, fishbone.effect(), headX, spineY);

        for (int k = 0; k < categories.size(); k++) {
            boolean above = k % 2 == 0;
            double endX = MARGIN + (k / 2 + 1) * slot;
            double outerY = above ? spineY - reach : spineY + reach;
            double outerX = endX - slant;
            svg.append("<g class=\"bone\">\n");
            svg.append("<line x1=\"")
                    .append(n(outerX))
                    .append("\" y1=\"")
                    .append(n(outerY))
                    .append("\" x2=\"")
                    .append(n(endX))
                    .append("\" y2=\"")
                    .append(n(spineY))
                    .append("\" stroke=\"#2b3a4a\" stroke-width=\"2\"/>\n");
            category(svg, categories.get(k).name(), outerX, above ? outerY - 6 : outerY + 6, above);
            List<Row> list = rows.get(k);
            for (int j = 0; j < list.size(); j++) {
                double y = above ? outerY + 20 + j * ROW : spineY + 22 + j * ROW;
                double boneX = endX - slant * Math.abs(spineY - y) / reach;
                rib(svg, list.get(j), boneX, y);
            }
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static Row row(FishboneCause cause, boolean sub) {
        String promoted = cause.isPromoted() ? cause.factor().kind().name().toLowerCase(Locale.ROOT) : null;
        return new Row(cause.text(), sub, promoted);
    }

    private static void head(StringBuilder svg, String effect, double x, double spineY) {
        List<String> lines = wrap(effect, EFFECT_LINE_CHARS, EFFECT_LINES);
        double boxHeight = Math.max(56, lines.size() * 17 + 20);
        double top = spineY - boxHeight / 2;
        svg.append("<g class=\"effect\"><title>").append(escape(effect)).append("</title>\n");
        svg.append("<rect x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(top))
                .append("\" width=\"")
                .append(HEAD_WIDTH)
                .append("\" height=\"")
                .append(n(boxHeight))
                .append("\" rx=\"10\" fill=\"#fde2e1\" stroke=\"#8a1c17\" stroke-width=\"2\"/>\n");
        svg.append("<text x=\"")
                .append(n(x + 12))
                .append("\" y=\"")
                .append(n(top + 10))
                .append("\" font-size=\"13\" font-weight=\"bold\" fill=\"#5a1410\">");
        for (String line : lines) {
            svg.append("<tspan x=\"").append(n(x + 12)).append("\" dy=\"17\">");
            svg.append(escape(line)).append("</tspan>");
        }
        svg.append("</text>\n</g>\n");
    }

    private static void category(StringBuilder svg, String name, double x, double y, boolean above) {
        String label = shorten(name, CATEGORY_CHARS);
        double w = label.length() * 7.4 + 20;
        double top = above ? y - 24 : y;
        svg.append("<g class=\"category\"><title>").append(escape(name)).append("</title>\n");
        svg.append("<rect x=\"")
                .append(n(x - w / 2))
                .append("\" y=\"")
                .append(n(top))
                .append("\" width=\"")
                .append(n(w))
                .append("\" height=\"24\" rx=\"5\" fill=\"#e6eef9\" stroke=\"#2a5db0\"/>\n");
        svg.append("<text x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(top + 16.5))
                .append("\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#1d3f78\">")
                .append(escape(label))
                .append("</text>\n</g>\n");
    }

    private static void rib(StringBuilder svg, Row row, double boneX, double y) {
        String label = shorten(row.text(), row.sub() ? SUB_CAUSE_CHARS : CAUSE_CHARS);
        double end = row.sub() ? boneX - 26 : boneX - 8;
        double textWidth = label.length() * (row.sub() ? CHAR_WIDTH - 0.6 : CHAR_WIDTH);
        String colour = row.promoted() == null ? (row.sub() ? "#4a5561" : "#1f2933") : "#8a1c17";
        svg.append("<g class=\"")
                .append(row.sub() ? "sub-cause" : "cause")
                .append(row.promoted() == null ? "" : " promoted")
                .append("\"><title>")
                .append(escape(row.text()));
        if (row.promoted() != null) {
            svg.append(" (promoted: ").append(row.promoted().replace('_', ' ')).append(')');
        }
        svg.append("</title>\n");
        svg.append("<line x1=\"")
                .append(n(end - textWidth))
                .append("\" y1=\"")
                .append(n(y + 4))
                .append("\" x2=\"")
                .append(n(row.sub() ? boneX - 14 : boneX))
                .append("\" y2=\"")
                .append(n(y + 4))
                .append("\" stroke=\"")
                .append(row.sub() ? "#9aa5b1" : "#52606d")
                .append("\" stroke-width=\"")
                .append(row.sub() ? "1" : "1.5")
                .append("\"/>\n");
        svg.append("<text x=\"")
                .append(n(end))
                .append("\" y=\"")
                .append(n(y))
                .append("\" text-anchor=\"end\" font-size=\"")
                .append(row.sub() ? "11" : "12")
                .append("\" fill=\"")
                .append(colour)
                .append('"')
                .append(row.promoted() == null ? "" : " font-weight=\"bold\"")
                .append('>')
                .append(row.promoted() == null ? "" : "★ ")
                .append(escape(label))
                .append("</text>\n</g>\n");
    }

    /** The text broken at spaces into at most {@code max} lines of about {@code width} characters, "…" if cut. */
    static List<String> wrap(String text, int width, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String piece = word;
            while (piece.length() > width) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(piece.substring(0, width));
                piece = piece.substring(width);
            }
            if (!line.isEmpty() && line.length() + 1 + piece.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(piece);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > max) {
            List<String> kept = new ArrayList<>(lines.subList(0, max));
            kept.set(max - 1, shorten(kept.get(max - 1) + " …", width));
            if (!kept.get(max - 1).endsWith("…")) {
                kept.set(max - 1, kept.get(max - 1) + "…");
            }
            return kept;
        }
        return lines;
    }

    /** The text cut to {@code max} characters, ending in "…" when cut (never splitting a surrogate pair). */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    /** Text safe inside an XML element or attribute; characters XML 1.0 forbids are dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String n(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
