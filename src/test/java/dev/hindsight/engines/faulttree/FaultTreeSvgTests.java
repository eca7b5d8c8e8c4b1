package dev.hindsight.engines.faulttree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FaultTreeSvgTests {

    @Test
    void drawsEveryNodeOnceInWellFormedSvg() throws Exception {
        FaultTree tree = FaultTree.builder("pumps & valves")
                .gate("top", Connective.AND, "train<1>", "train2")
                .gate("train<1>", Connective.OR, "pump1", "valve", "H")
                .gate("train2", Connective.OR, "pump2", "valve", "vote")
                .atLeast("vote", 2, "pump1", "pump2", "valve")
                .basicEvent("pump1", 0.1)
                .basicEvent("pump2", 0.2)
                .basicEvent("valve", 0.3)
                .houseEvent("H", false)
                .build();
        String svg = new FaultTreeSvg().render(tree);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList groups = doc.getElementsByTagName("g");
        Set<String> drawn = new HashSet<>();
        int named = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            String name = ((Element) groups.item(i)).getAttribute("data-name");
            if (!name.isEmpty()) {
                drawn.add(name);
                named++;
            }
        }
        Set<String> all = new HashSet<>(tree.gates().keySet());
        all.addAll(tree.basicEvents().keySet());
        all.addAll(tree.houseEvents().keySet());
        assertThat(drawn).isEqualTo(all);
        assertThat(named).isEqualTo(all.size());
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(3);
    }
}
