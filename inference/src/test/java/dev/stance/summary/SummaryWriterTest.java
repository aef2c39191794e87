package dev.stance.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stance.model.FixedModel;
import dev.stance.score.ArticleSource;
import dev.stance.score.AtomicOutput;
import dev.stance.score.BatchScorer;
import dev.stance.score.JsonlResultWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void summarisesStatementsPerSpeakerAndRanksTheMostHostile() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "General Mark Dale inspected the troops.\n\n"
                + "\"This is a threat to all of us,\" Dale said.\n\n"
                + "\"We remain open to talks next week,\" Dale added.\n\n"
                + "Envoy Sara Kim said the threat was exaggerated.\n\n"
                + "It rained all day.");
        Files.writeString(dir.resolve("bad.txt"), "");
        Path summary = dir.resolve("summary.jsonl");
        try (var w = new JsonlResultWriter(AtomicOutput.toStream(new ByteArrayOutputStream()));
             var sw = new SummaryWriter(AtomicOutput.toFile(summary))) {
            new BatchScorer(new FixedModel()).listen(sw)
                    .run(new ArticleSource(List.of(dir.resolve("a.txt").toString(), dir.resolve("bad.txt").toString()),
                            System.in), w);
        }
        List<String> lines = Files.readAllLines(summary);
        assertEquals(2, lines.size());
        JsonNode a = JSON.readTree(lines.get(0));
        assertEquals(5, a.get("sentences").asInt());
        assertEquals(3, a.get("statements").asInt());
        assertEquals(2, a.get("stance").get("hostile").asInt());
        assertEquals(1, a.get("stance").get("conciliatory").asInt());
        JsonNode dale = a.get("speakers").get(0);
        assertEquals("Mark Dale", dale.get("speaker").asText());
        assertEquals(2, dale.get("statements").asInt());
        assertEquals(1, dale.get("stance").get("counts").get("hostile").asInt());
        assertEquals("Sara Kim", a.get("speakers").get(1).get("speaker").asText());
        assertEquals("hostile", a.get("speakers").get(1).get("stance").get("dominant").asText());
        JsonNode top = a.get("top_hostile");
        assertEquals(3, top.size());
        assertEquals(1, top.get(0).get("index").asInt());
        assertTrue(top.get(0).get("p").asDouble() >= top.get(2).get("p").asDouble());
        assertEquals(3, a.get("top_rhetorical").size());
        assertTrue(JSON.readTree(lines.get(1)).has("error"));
    }
}
