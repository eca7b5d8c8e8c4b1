package dev.hindsight.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.analysis.AnalysisMethod;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FactorKind;
import dev.hindsight.analysis.Fishbone;
import dev.hindsight.analysis.FishboneCategory;
import dev.hindsight.analysis.FishboneCause;
import dev.hindsight.incident.IncidentId;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The fishbone drawing: well-formed SVG with every label, escaped text, room for a busy diagram. */
class FishboneSvgTests {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    static Fishbone fishbone(String effect, List<FishboneCategory> categories) {
        return new Fishbone(1, new IncidentId(7), effect, categories, NOW, 0);
    }

    static FishboneCause cause(long id, long category, Long parent, String text, List<FishboneCause> subs) {
        return new FishboneCause(id, category, parent, text, 0, null, subs);
    }

    /** Eight categories of five causes, each with one sub-cause. */
    static Fishbone busy() {
        List<FishboneCategory> categories = new ArrayList<>();
        long id = 100;
        for (int c = 1; c <= 8; c++) {
            List<FishboneCause> causes = new ArrayList<>();
            for (int k = 1; k <= 5; k++) {
                long causeId = id++;
                causes.add(cause(
                        causeId,
                        c,
                        null,
                        "Cause " + c + "." + k,
                        List.of(cause(id++, c, causeId, "Sub-cause " + c + "." + k, List.of()))));
            }
            categories.add(new FishboneCategory(c, "Category " + c, c - 1, 0, causes));
        }
        return fishbone("Checkout failed for 40 minutes", categories);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static List<String> texts(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void drawsWellFormedSvgWithEveryCategoryAndCauseLabel() throws Exception {
        Document doc = parse(FishboneSvg.render(busy()));

        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        List<String> texts = texts(doc, "text");
        for (int c = 1; c <= 8; c++) {
            assertThat(texts).contains("Category " + c);
            for (int k = 1; k <= 5; k++) {
                assertThat(texts).contains("Cause " + c + "." + k, "Sub-cause " + c + "." + k);
            }
        }
        assertThat(String.join(" ", texts(doc, "tspan"))).isEqualTo("Checkout failed for 40 minutes");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g").getLength())
                .isEqualTo(1 + 8 + 8 + 80);
    }

    @Test
    void givesEachRowOfABusyBoneItsOwnLine() throws Exception {
        Document doc = parse(FishboneSvg.render(busy()));

        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getTextContent().contains("ause ")) {
                placed.add(t.getAttribute("x") + "," + t.getAttribute("y"));
            }
        }
        assertThat(placed).hasSize(80).doesNotHaveDuplicates();
        double height = Double.parseDouble(doc.getDocumentElement().getAttribute("height"));
        assertThat(height).isGreaterThan(10 * 18 * 2);
    }

    @Test
    void escapesMarkupInLabelsSoItStaysText() throws Exception {
        String evil = "<script>alert('x')</script> &";
        Fishbone fishbone = fishbone(
                "Effect </text><script>alert(1)</script>",
                List.of(new FishboneCategory(1, "<b>Cat</b>", 0, 0, List.of(cause(2, 1, null, evil, List.of())))));

        String svg = FishboneSvg.render(fishbone);

        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(texts(doc, "text")).contains(evil, "<b>Cat</b>");
        assertThat(texts(doc, "title")).contains(evil);
    }

    @Test
    void shortensLongLabelsAndKeepsTheFullTextInATitle() throws Exception {
        String long1 = "The connection pool was exhausted because every request retried three times in a row";
        Fishbone fishbone = fishbone(
                "x".repeat(300),
                List.of(new FishboneCategory(1, "Code", 0, 0, List.of(cause(2, 1, null, long1, List.of())))));

        Document doc = parse(FishboneSvg.render(fishbone));

        assertThat(texts(doc, "text"))
                .anySatisfy(t -> assertThat(t)
                        .startsWith("The connection pool")
                        .endsWith("…")
                        .hasSizeLessThan(40));
        assertThat(texts(doc, "title")).contains(long1, "x".repeat(300));
        assertThat(texts(doc, "tspan")).hasSizeLessThanOrEqualTo(FishboneSvg.EFFECT_LINES);
    }

    @Test
    void marksPromotedCausesAndDropsCharactersXmlForbids() throws Exception {
        ContributingFactor factor = new ContributingFactor(
                9,
                new IncidentId(7),
                FactorKind.ROOT_CAUSE,
                "Pool",
                "configuration",
                null,
                AnalysisMethod.FISHBONE,
                null,
                List.of(),
                NOW,
                NOW,
                0);
        Fishbone fishbone = fishbone(
                "Effect\u0001",
                List.of(new FishboneCategory(
                        1, "Config", 0, 0, List.of(new FishboneCause(2, 1, null, "Pool", 0, factor, List.of())))));

        Document doc = parse(FishboneSvg.render(fishbone));

        assertThat(texts(doc, "text")).contains("★ Pool");
        assertThat(texts(doc, "title")).contains("Pool (promoted: root cause)");
        assertThat(texts(doc, "title").getFirst()).isEqualTo("Fishbone diagram: Effect");
    }
}
