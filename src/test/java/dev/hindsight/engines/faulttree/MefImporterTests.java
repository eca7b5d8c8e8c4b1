package dev.hindsight.engines.faulttree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MefImporterTests {

    private static final MefImporter IMPORTER = new MefImporter();

    @Test
    void evaluatesParametersAndExpressionsWithTheDefaultMissionTime() {
        String xml = """
                <?xml version="1.0"?>
                <opsa-mef>
                  <define-fault-tree name="T">
                    <define-gate name="top">
                      <or><basic-event name="a"/><event name="b"/></or>
                    </define-gate>
                    <define-basic-event name="a">
                      <exponential><parameter name="rate"/><mul><int value="2"/><system-mission-time/></mul></exponential>
                    </define-basic-event>
                    <define-parameter name="rate"><lognormal-deviate><float value="1e-6"/><float value="3"/>\
                <float value="0.95"/></lognormal-deviate></define-parameter>
                  </define-fault-tree>
                  <model-data>
                    <define-basic-event name="b"><label>pump</label><float value="0.25"/></define-basic-event>
                  </model-data>
                </opsa-mef>
                """;
        FaultTree tree = IMPORTER.readString(xml, null);
        assertThat(tree.top()).isEqualTo("top");
        assertThat(tree.basicEvents().get("a").probability())
                .isCloseTo(1 - Math.exp(-1e-6 * 2 * MefImporter.DEFAULT_MISSION_TIME), within(1e-15));
        assertThat(tree.basicEvents().get("b").label()).isEqualTo("pump");
        assertThat(new MefImporter(100)
                        .readString(xml, null)
                        .basicEvents()
                        .get("a")
                        .probability())
                .isCloseTo(1 - Math.exp(-1e-6 * 200), within(1e-15));
    }

    @Test
    void readsNestedFormulasHouseEventsAndPrivateComponents() {
        String xml = """
                <opsa-mef>
                  <define-fault-tree name="T">
                    <define-gate name="top">
                      <and><not><basic-event name="a"/></not><gate name="c.inner"/><house-event name="h"/></and>
                    </define-gate>
                    <define-component name="c" role="private">
                      <define-gate name="inner"><atleast min="1"><gate name="leaf"/><basic-event name="a"/></atleast></define-gate>
                      <define-gate name="leaf"><basic-event name="b"/></define-gate>
                    </define-component>
                    <define-basic-event name="a"><float value="0.1"/></define-basic-event>
                    <define-basic-event name="b"><float value="0.2"/></define-basic-event>
                    <define-house-event name="h"><constant value="true"/></define-house-event>
                  </define-fault-tree>
                </opsa-mef>
                """;
        FaultTree tree = IMPORTER.readString(xml, null);
        assertThat(tree.gates()).containsKeys("top", "c.inner", "c.leaf");
        assertThat(tree.gates().get("c.leaf").formula().connective()).isEqualTo(Connective.NULL);
        assertThat(tree.houseEvents().get("h").state()).isTrue();
        assertThat(FaultTreeAnalysis.of(tree).topProbability()).isCloseTo(0.9 * 0.2, within(1e-15));
    }

    @Test
    void namesTheFileAndLineOfAnUndefinedReference() {
        String xml = "<opsa-mef>\n<define-fault-tree name=\"T\">\n<define-gate name=\"top\">\n<or>\n"
                + "<basic-event name=\"a\"/>\n<gate name=\"ghost\"/>\n</or>\n</define-gate>\n"
                + "<define-basic-event name=\"a\"><float value=\"0.1\"/></define-basic-event>\n"
                + "</define-fault-tree>\n</opsa-mef>\n";
        assertThatThrownBy(() -> IMPORTER.readString(xml, null))
                .isInstanceOfSatisfying(
                        MefException.class, e -> assertThat(e.line()).isEqualTo(6))
                .hasMessageContaining("ghost")
                .hasMessageContaining(":6:");
    }

    @Test
    void rejectsUnsupportedElementsWithTheirLine() {
        String xml = "<opsa-mef>\n<define-fault-tree name=\"T\">\n<define-gate name=\"top\">\n"
                + "<majority><basic-event name=\"a\"/></majority>\n</define-gate>\n"
                + "<define-basic-event name=\"a\"><float value=\"0.1\"/></define-basic-event>\n"
                + "</define-fault-tree>\n</opsa-mef>\n";
        assertThatThrownBy(() -> IMPORTER.readString(xml, null))
                .isInstanceOf(MefException.class)
                .hasMessageContaining("majority")
                .hasMessageContaining(":4:");
    }

    @Test
    void rejectsMalformedXmlAndOutOfRangeProbabilities() {
        assertThatThrownBy(() -> IMPORTER.readString("<opsa-mef><define-fault-tree>", null))
                .isInstanceOf(MefException.class)
                .hasMessageContaining("malformed XML");
        String xml = "<opsa-mef><define-fault-tree name=\"T\"><define-gate name=\"top\"><or>"
                + "<basic-event name=\"a\"/><basic-event name=\"b\"/></or></define-gate>"
                + "<define-basic-event name=\"a\"><float value=\"1.5\"/></define-basic-event>"
                + "<define-basic-event name=\"b\"><float value=\"0.5\"/></define-basic-event>"
                + "</define-fault-tree></opsa-mef>";
        assertThatThrownBy(() -> IMPORTER.readString(xml, null))
                .isInstanceOf(MefException.class)
                .hasMessageContaining("outside [0, 1]");
    }

    @Test
    void refusesDoctypesAndExternalEntities(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE opsa-mef [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<opsa-mef><define-fault-tree name=\"&x;\"><define-gate name=\"top\"><or>"
                + "<basic-event name=\"a\"/></or></define-gate>"
                + "<define-basic-event name=\"a\"><float value=\"0.1\"/></define-basic-event>"
                + "</define-fault-tree></opsa-mef>";
        assertThatThrownBy(() -> IMPORTER.readString(xml, null))
                .isInstanceOf(MefException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.xml");
        assertThatThrownBy(() -> IMPORTER.read(List.of(missing)))
                .isInstanceOf(MefException.class)
                .hasMessageContaining("nope.xml")
                .hasMessageContaining("file not found");
    }

    @Test
    void readsATreeAndItsProbabilitiesFromTwoFiles(@TempDir Path dir) throws IOException {
        Path tree = Files.writeString(
                dir.resolve("tree.xml"),
                "<opsa-mef><define-fault-tree name=\"T\"><define-gate name=\"top\"><and>"
                        + "<basic-event name=\"a\"/><basic-event name=\"b\"/></and></define-gate>"
                        + "<define-basic-event name=\"a\"/><define-basic-event name=\"b\"/>"
                        + "</define-fault-tree></opsa-mef>");
        assertThat(FaultTreeAnalysis.of(IMPORTER.read(List.of(tree))).topProbability())
                .isNaN();
        Path probabilities = Files.writeString(
                dir.resolve("basic-events.xml"),
                "<opsa-mef><model-data><define-basic-event name=\"c\"><float value=\"0.5\"/></define-basic-event>"
                        + "</model-data></opsa-mef>");
        assertThatThrownBy(() -> IMPORTER.read(List.of(tree, probabilities), "missing"))
                .isInstanceOf(MefException.class)
                .hasMessageContaining("top gate 'missing'");
    }

    @Test
    void roundTripsEveryConnectiveThroughTheExporter() {
        FaultTree tree = FaultTree.builder("all & <connectives>")
                .gate(
                        "top",
                        new Formula(
                                Connective.OR,
                                0,
                                0,
                                List.of(
                                        new EventRef("and"),
                                        new Formula(Connective.NOT, 0, 0, List.of(new EventRef("xor"))),
                                        new EventRef("card"))),
                        "the \"top\" event")
                .gate("and", Connective.AND, "A", "B", "H")
                .gate("xor", Connective.XOR, "A", "C")
                .gate("card", Formula.cardinality(1, 2, "nand", "nor", "iff", "imply", "vote", "pass"))
                .gate("nand", Connective.NAND, "A", "B")
                .gate("nor", Connective.NOR, "B", "C")
                .gate("iff", Connective.IFF, "A", "D")
                .gate("imply", Connective.IMPLY, "C", "D")
                .atLeast("vote", 2, "A", "B", "C", "D")
                .gate("pass", Connective.NULL, "D")
                .basicEvent("A", 0.1, "pump <A>")
                .basicEvent("B", 0.2)
                .basicEvent("C", 0.3)
                .basicEvent("D", 1.0 / 3)
                .houseEvent("H", true)
                .build();
        String xml = new MefExporter().write(tree);
        FaultTree back = IMPORTER.readString(xml, null);
        assertThat(back.name()).isEqualTo(tree.name());
        assertThat(back.top()).isEqualTo(tree.top());
        assertThat(back.gates()).isEqualTo(tree.gates());
        assertThat(back.basicEvents()).isEqualTo(tree.basicEvents());
        assertThat(back.houseEvents()).isEqualTo(tree.houseEvents());
        assertThat(FaultTreeAnalysis.of(back).topProbability())
                .isEqualTo(FaultTreeAnalysis.of(tree).topProbability());
    }

    @Test
    void roundTripsTheThreeMotorBenchmark() {
        Path file = SharedData.require("faulttrees/scram/benchmarks/ThreeMotor/three_motor.xml");
        FaultTree tree = IMPORTER.read(List.of(file));
        FaultTree back = IMPORTER.readString(new MefExporter().write(tree), null);
        assertThat(back.gates()).isEqualTo(tree.gates());
        assertThat(back.basicEvents()).isEqualTo(tree.basicEvents());
        assertThat(FaultTreeAnalysis.of(back).minimalCutSetCount())
                .isEqualTo(FaultTreeAnalysis.of(tree).minimalCutSetCount());
    }
}
