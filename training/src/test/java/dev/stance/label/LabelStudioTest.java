package dev.stance.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelStudioTest {
    @TempDir
    Path dir;

    @Test
    void exportCarriesSuggestionsAndAnAnnotatedExportReadsBack() throws Exception {
        Path tasks = dir.resolve("tasks.json");
        LabelStudio.export(LabelPageChromiumTest.queue(), tasks);
        ArrayNode root = (ArrayNode) QueueFile.JSON.readTree(tasks.toFile());
        assertEquals(4, root.size());
        JsonNode first = root.get(0);
        assertEquals("q1", first.at("/data/id").asText());
        assertEquals("hostile", first.at("/predictions/0/result/0/value/choices/0").asText());
        assertEquals("stance", first.at("/predictions/0/result/0/from_name").asText());
        assertEquals("openness", first.at("/predictions/0/result/1/from_name").asText());
        assertTrue(LabelStudio.LABEL_CONFIG.contains("<Choices name=\"stance\" toName=\"text\""));

        // what Label Studio exports after annotation: task 1 annotated, task 2 cancelled, the rest untouched
        ((ObjectNode) root.get(0)).put("id", 101).putArray("annotations").addObject()
                .put("was_cancelled", false).set("result", result("skeptical", "none"));
        ((ObjectNode) root.get(1)).putArray("annotations").addObject().put("was_cancelled", true)
                .set("result", result("neutral", "real"));
        Path export = Files.writeString(dir.resolve("export.json"), root.toString());
        List<ObjectNode> records = LabelStudio.importExport(export);
        assertEquals(List.of("labelled", "skipped", "skipped", "skipped"),
                records.stream().map(r -> r.get("status").asText()).toList());
        assertEquals("skeptical", records.get(0).get("stance").asText());
        assertEquals(LabelPageChromiumTest.queue().get(0).statement().text(), records.get(0).get("text").asText());

        ((ObjectNode) root.get(2)).putArray("annotations").addObject().set("result", result("angry", "none"));
        Files.writeString(export, root.toString());
        DataFormatException e = assertThrows(DataFormatException.class, () -> LabelStudio.importExport(export));
        assertTrue(e.getMessage().contains(export + ":3") && e.getMessage().contains("stance"), e.getMessage());
    }

    private static ArrayNode result(String stance, String openness) {
        ArrayNode a = QueueFile.JSON.createArrayNode();
        for (String[] c : new String[][] {{"stance", stance}, {"openness", openness}}) {
            ObjectNode r = a.addObject().put("from_name", c[0]).put("to_name", "text").put("type", "choices");
            r.putObject("value").putArray("choices").add(c[1]);
        }
        return a;
    }
}
