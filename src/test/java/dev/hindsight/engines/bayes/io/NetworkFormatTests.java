package dev.hindsight.engines.bayes.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.engines.bayes.BayesianNetwork;
import dev.hindsight.engines.bayes.NetworkValidationException;
import dev.hindsight.engines.bayes.Variable;
import dev.hindsight.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkFormatTests {

    /** A hand-written dog-problem network in the BIF dialect, exercising its optional parts. */
    static final String DOG_BIF = """
            // the family-out problem, hand-written
            network "dog problem" {
              property author = "test";
            }
            variable family-out {
              type discrete [ 2 ] { true, false };
              property position = (10, 20);
            }
            variable bowel-problem { type discrete[2] { true, false }; }
            variable dog-out {
              type discrete [ 2 ] { true, false };
            }
            /* a comment
               spanning lines */
            variable "hear bark" {
              type discrete [ 2 ] { true, false };
            }
            probability ( family-out ) {
              table 0.15, 0.85;
            }
            probability ( bowel-problem ) {
              property note = "root";
              table 0.01, 0.99;
            }
            probability ( dog-out | bowel-problem, family-out ) {
              (false, false) 0.3, 0.7;
              (true, false) 0.97, 0.03;
              default 0.5, 0.5;
              (true, true) 0.99, 0.01;
            }
            probability ( "hear bark" | dog-out ) {
              table 0.7, 0.01, 0.3, 0.99;
            }
            """;

    /** The same network as XMLBIF 0.3, hand-written; dog-out's (false, true) row is the BIF default. */
    static final String DOG_XMLBIF = """
            <?xml version="1.0"?>
            <!DOCTYPE BIF [
              <!ELEMENT BIF ( NETWORK )*>
            ]>
            <BIF VERSION="0.3">
            <NETWORK>
            <NAME>dog problem</NAME>
            <VARIABLE TYPE="nature"><NAME>family-out</NAME><OUTCOME>true</OUTCOME><OUTCOME>false</OUTCOME>
              <PROPERTY>position = (10, 20)</PROPERTY></VARIABLE>
            <VARIABLE TYPE="nature"><NAME>bowel-problem</NAME><OUTCOME>true</OUTCOME><OUTCOME>false</OUTCOME></VARIABLE>
            <VARIABLE TYPE="nature"><NAME>dog-out</NAME><OUTCOME>true</OUTCOME><OUTCOME>false</OUTCOME></VARIABLE>
            <VARIABLE TYPE="nature"><NAME>hear bark</NAME><OUTCOME>true</OUTCOME><OUTCOME>false</OUTCOME></VARIABLE>
            <DEFINITION><FOR>family-out</FOR><TABLE>0.15 0.85</TABLE></DEFINITION>
            <DEFINITION><FOR>bowel-problem</FOR><TABLE>0.01 0.99</TABLE></DEFINITION>
            <DEFINITION><FOR>dog-out</FOR><GIVEN>bowel-problem</GIVEN><GIVEN>family-out</GIVEN>
              <TABLE>0.99 0.01 <!-- bp=true, fo=false --> 0.97 0.03 0.5 0.5 0.3 0.7</TABLE></DEFINITION>
            <DEFINITION><FOR>hear bark</FOR><GIVEN>dog-out</GIVEN><TABLE>0.7 0.3 0.01 0.99</TABLE></DEFINITION>
            </NETWORK>
            </BIF>
            """;

    @Test
    void readsBifWithCommentsPropertiesQuotedNamesKeyedRowsAndDefaults() {
        BayesianNetwork network = BifReader.parse(DOG_BIF);
        assertThat(network.name()).isEqualTo("dog problem");
        assertThat(network.variables())
                .extracting(Variable::name)
                .containsExactly("family-out", "bowel-problem", "dog-out", "hear bark");
        assertThat(network.table("dog-out").probability("true", List.of("false", "true")))
                .isEqualTo(0.5);
        assertThat(network.table("dog-out").probability("true", List.of("true", "false")))
                .isEqualTo(0.97);
        assertThat(network.parents("dog-out"))
                .extracting(Variable::name)
                .containsExactly("bowel-problem", "family-out");
    }

    @Test
    void readsAConditionalTableInJavaBayesOrderWithTheChildSlowest() {
        BayesianNetwork network = BifReader.parse(DOG_BIF);
        assertThat(network.table("hear bark").row(List.of("true"))).containsExactly(0.7, 0.3);
        assertThat(network.table("hear bark").row(List.of("false"))).containsExactly(0.01, 0.99);
    }

    @Test
    void readsHandWrittenXmlBifAsTheSameNetworkAsItsBifTwin() {
        assertSameNetwork(XmlBifReader.parse(DOG_XMLBIF), BifReader.parse(DOG_BIF));
        assertThat(NetworkFiles.parse(DOG_XMLBIF).size()).isEqualTo(4);
    }

    @Test
    void reportsBifSyntaxErrorsWithTheirLine() {
        String broken = """
                variable A {
                  type discrete [ 2 ] { a, b };
                }
                probability ( A ) {
                  table 0.5, zero;
                }
                """;
        assertThatThrownBy(() -> BifReader.parse(broken))
                .isInstanceOf(NetworkFormatException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("'zero'");
        assertThatThrownBy(() -> BifReader.parse(DOG_BIF + "probability ( family-out ) { table 0.5, 0.5; }"))
                .hasMessageContaining("the probability of 'family-out' is given twice");
        assertThatThrownBy(() -> BifReader.parse("variable A { type discrete [ 3 ] { a, b }; }"))
                .hasMessageContaining("declares 3 states but lists 2");
        assertThatThrownBy(() -> BifReader.parse("variable A { type discrete [ 2 ] { a, b }; "))
                .hasMessageContaining("unexpected end of file");
    }

    @Test
    void reportsInconsistentTablesAsValidationErrors() {
        String text = DOG_BIF.replace("table 0.15, 0.85;", "table 0.15, 0.8;");
        assertThatThrownBy(() -> BifReader.parse(text))
                .isInstanceOf(NetworkValidationException.class)
                .hasMessageContaining("'family-out'");
    }

    @Test
    void refusesExternalEntitiesInXmlBif(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE BIF [ <!ENTITY leak SYSTEM "%s"> ]>
                <BIF VERSION="0.3"><NETWORK><NAME>x</NAME>
                <VARIABLE TYPE="nature"><NAME>A</NAME><OUTCOME>&leak;</OUTCOME><OUTCOME>b</OUTCOME></VARIABLE>
                <DEFINITION><FOR>A</FOR><TABLE>0.5 0.5</TABLE></DEFINITION>
                </NETWORK></BIF>
                """.formatted(secret.toUri());
        assertThatThrownBy(() -> XmlBifReader.parse(xxe))
                .isInstanceOf(NetworkFormatException.class)
                .hasMessageNotContaining("TOPSECRET");
    }

    @Test
    void roundTripsAHandWrittenNetworkThroughBothWriters() {
        BayesianNetwork dog = BifReader.parse(DOG_BIF);
        assertSameNetwork(BifReader.parse(BifWriter.write(dog)), dog);
        assertSameNetwork(XmlBifReader.parse(XmlBifWriter.write(dog)), dog);
        assertThat(BifReader.parse(BifWriter.write(dog)).name()).isEqualTo("dog problem");
    }

    @ParameterizedTest
    @ValueSource(strings = {"asia.bif", "earthquake.bif", "survey.bif", "alarm.bif"})
    void roundTripsTheBenchmarkNetworksThroughBifAndXmlBif(String file) throws IOException {
        BayesianNetwork original = NetworkFiles.read(SharedData.require("bayesnets/" + file));
        assertSameNetwork(NetworkFiles.parse(BifWriter.write(original)), original);
        assertSameNetwork(NetworkFiles.parse(XmlBifWriter.write(original)), original);
    }

    static void assertSameNetwork(BayesianNetwork actual, BayesianNetwork expected) {
        assertThat(actual.variables()).isEqualTo(expected.variables());
        for (Variable v : expected.variables()) {
            assertThat(actual.parents(v.name())).as(v.name()).isEqualTo(expected.parents(v.name()));
            assertThat(actual.table(v.name()).values())
                    .as(v.name())
                    .containsExactly(expected.table(v.name()).values());
        }
    }
}
