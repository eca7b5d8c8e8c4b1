package dev.hindsight.engines.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.cli.BnCommand;
import dev.hindsight.engines.bayes.io.BifWriter;
import dev.hindsight.engines.bayes.io.XmlBifWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code bn} command line. */
class BnCommandTests {

    @TempDir
    Path dir;

    private Path bif;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeNetwork() throws IOException {
        bif = dir.resolve("sprinkler.bif");
        Files.writeString(bif, BifWriter.write(BayesianNetworkTests.sprinkler().build()));
    }

    private int run(String... args) {
        return new BnCommand()
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsPosteriorsOfQueriedVariablesGivenEvidence() {
        assertThat(run(bif.toString(), "--query", "Rain", "--evidence", "Wet=yes"))
                .isZero();
        double expected = new VariableElimination(
                        BayesianNetworkTests.sprinkler().build())
                .probability("Rain", "yes", Evidence.of(Map.of("Wet", "yes")));
        assertThat(out()).contains("Rain").contains(String.format(java.util.Locale.ROOT, "%.6f", expected));
        assertThat(out()).doesNotContain("Sprinkler\n");
    }

    @Test
    void printsJsonWithAllVariablesAndTheMostProbableExplanation() throws IOException {
        Path xml = dir.resolve("sprinkler.xml");
        Files.writeString(
                xml, XmlBifWriter.write(BayesianNetworkTests.sprinkler().build()));
        assertThat(run(xml.toString(), "--evidence", "Wet=yes", "--mpe", "--json"))
                .isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out());
        assertThat(json.get("posteriors").propertyNames()).containsExactly("Rain", "Sprinkler", "Wet");
        JsonNode rain = json.get("posteriors").get("Rain");
        assertThat(rain.get("yes").asDouble() + rain.get("no").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(json.get("mpe").get("assignment").get("Sprinkler").asString())
                .isEqualTo("on");
        assertThat(json.get("evidence").get("Wet").asString()).isEqualTo("yes");
    }

    @Test
    void acceptsSoftEvidence() {
        assertThat(run(bif.toString(), "--query=Rain", "--evidence", "Wet=[2,1]", "--json"))
                .isZero();
        assertThat(out()).contains("\"Wet\":[2.0, 1.0]");
    }

    @Test
    void explainsUsageMistakesListingValidChoices() {
        assertThat(run(bif.toString(), "--query", "Snow")).isEqualTo(2);
        assertThat(err()).contains("unknown variable 'Snow'").contains("Rain, Sprinkler, Wet");
        err.reset();
        assertThat(run(bif.toString(), "--evidence", "Wet=damp")).isEqualTo(2);
        assertThat(err()).contains("unknown state 'damp'").contains("yes, no");
        err.reset();
        assertThat(run("--mpe")).isEqualTo(2);
        assertThat(err()).contains("give the network file");
        err.reset();
        assertThat(run(dir.resolve("missing.bif").toString())).isEqualTo(2);
        assertThat(err()).contains("no such file");
        err.reset();
        assertThat(run(bif.toString(), "--frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--frobnicate'");
    }

    @Test
    void reportsImpossibleEvidenceAsAFailure() {
        assertThat(run(bif.toString(), "--evidence", "Rain=no", "Sprinkler=off", "Wet=yes"))
                .isEqualTo(1);
        assertThat(err()).contains("probability zero");
    }
}
