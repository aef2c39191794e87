package dev.stance.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementReaderTest {
    @TempDir
    Path dir;

    @Test
    void parsesAllFieldsAndIgnoresUnknownOnes() {
        Statement s = StatementReader.parse("{\"id\":\"a1\",\"text\":\"«Vi er klare», sa hun.\",\"context\":\"Møtet var kort.\","
                + "\"speaker\":\"Kari\",\"lang\":\"nb\",\"stance\":\"conciliatory\",\"openness\":\"real\","
                + "\"source\":\"written\",\"split\":\"train\",\"family\":\"f1\",\"extra\":42}");
        assertEquals("a1", s.id());
        assertEquals("Møtet var kort.", s.context());
        assertEquals("conciliatory", s.label(Task.STANCE));
        assertEquals("real", s.label(Task.OPENNESS));
        assertEquals("f1", s.family());
    }

    @Test
    void aPageAddressGroupsRecordsLikeAFamilyUnlessOneIsGiven() {
        Statement byPage = StatementReader.parse("{\"id\":\"a\",\"text\":\"t\",\"url\":\"https://example.org/x\"}");
        assertEquals("url:https://example.org/x", byPage.family());
        Statement both = StatementReader.parse("{\"id\":\"a\",\"text\":\"t\",\"url\":\"https://example.org/x\",\"family\":\"f\"}");
        assertEquals("f", both.family());
    }

    @Test
    void missingLabelLeavesTheTaskUnlabelled() {
        Statement s = StatementReader.parse("{\"id\":\"a\",\"text\":\"t\",\"stance\":\"hostile\"}");
        assertEquals("hostile", s.stance());
        assertNull(s.openness());
    }

    @Test
    void rejectsUnknownLabelNamingTheLabelSet() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> StatementReader.parse("{\"id\":\"a\",\"text\":\"t\",\"stance\":\"angry\"}"));
        assertTrue(e.getMessage().contains("stance 'angry'"), e.getMessage());
        assertTrue(e.getMessage().contains("conciliatory"), e.getMessage());
    }

    @Test
    void rejectsMissingIdEmptyTextWrongTypesAndBadSplit() {
        assertThrows(IllegalArgumentException.class, () -> StatementReader.parse("{\"text\":\"t\"}"));
        assertThrows(IllegalArgumentException.class, () -> StatementReader.parse("{\"id\":\"a\",\"text\":\"  \"}"));
        assertThrows(IllegalArgumentException.class, () -> StatementReader.parse("{\"id\":\"a\",\"text\":5}"));
        assertThrows(IllegalArgumentException.class,
                () -> StatementReader.parse("{\"id\":\"a\",\"text\":\"t\",\"split\":\"validation\"}"));
        assertThrows(IllegalArgumentException.class, () -> StatementReader.parse("[1,2]"));
        assertThrows(IllegalArgumentException.class,
                () -> StatementReader.parse("{\"id\":\"a\",\"text\":\"" + "x".repeat(StatementReader.MAX_TEXT_CHARS + 1) + "\"}"));
    }

    @Test
    void reportsEveryBadLineWithFileAndLineNumber() throws Exception {
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"ok\"}\n\n{not json\n{\"id\":\"b\",\"text\":\"t\",\"openness\":\"maybe\"}\n");
        StatementReader.Result r = StatementReader.read(f);
        assertEquals(1, r.statements().size());
        assertEquals(2, r.errors().size());
        assertEquals(3, r.errors().get(0).line());
        assertEquals(4, r.errors().get(1).line());
        assertTrue(r.errors().get(0).toString().startsWith(f + ":3: not valid JSON"));
        var ex = assertThrows(DataFormatException.class, () -> StatementReader.readAll(List.of(f)));
        assertEquals(2, ex.errors().size());
    }

    @Test
    void reportsNonUtf8File() throws Exception {
        Path f = dir.resolve("latin1.jsonl");
        Files.write(f, "{\"id\":\"a\",\"text\":\"blåbær\"}".getBytes(StandardCharsets.ISO_8859_1));
        StatementReader.Result r = StatementReader.read(f);
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).message().contains("UTF-8"));
    }

    @Test
    void aByteOrderMarkBeforeTheFirstRecordIsSkipped() throws Exception {
        Path f = dir.resolve("bom.jsonl");
        Files.write(f, ("\uFEFF{\"id\":\"a\",\"text\":\"The talks resumed.\"}\n{\"id\":\"b\",\"text\":\"They ended.\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        StatementReader.Result r = StatementReader.read(f);
        assertEquals(List.of(), r.errors());
        assertEquals(List.of("a", "b"), r.statements().stream().map(Statement::id).toList());
        assertEquals(2, StatementReader.readAll(List.of(f)).size());
    }

    @Test
    void aByteOrderMarkInsideTheFileIsStillAnError() throws Exception {
        Path f = dir.resolve("bom2.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"One.\"}\n\uFEFF{\"id\":\"b\",\"text\":\"Two.\"}\n");
        StatementReader.Result r = StatementReader.read(f);
        assertEquals(1, r.errors().size());
        assertEquals(2, r.errors().get(0).line());
    }

    @Test
    void forEachHandsOverEachLineWithTheBytesReadSoFar() throws Exception {
        Path f = dir.resolve("each.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"One.\"}\n\nnot json\n");
        List<StatementReader.Line> lines = new java.util.ArrayList<>();
        StatementReader.forEach(f, lines::add);
        assertEquals(2, lines.size());
        assertEquals("a", lines.get(0).statement().id());
        assertEquals(3, lines.get(1).location().line());
        assertTrue(lines.get(1).error().message().startsWith("not valid JSON"));
        assertEquals(Files.size(f), lines.get(1).bytesRead());
    }
}
