package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.model.FixedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeStateTest {
    @TempDir
    Path dir;

    private BatchScorer.Summary score(Path out, ResumeState state, Path... inputs) throws Exception {
        List<String> args = java.util.Arrays.stream(inputs).map(Path::toString).toList();
        try (var w = new JsonlResultWriter(AtomicOutput.toFile(out), state)) {
            return new BatchScorer(new FixedModel()).skip(state::isDone).run(new ArticleSource(args, System.in), w);
        }
    }

    @Test
    void resumedRunKeepsDoneArticlesAndRescoresChangedOnes() throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.writeString(a, "First article. It has two sentences.");
        Files.writeString(b, "Second article.");
        Path out = dir.resolve("out.jsonl");
        score(out, ResumeState.empty(), a);
        List<String> first = Files.readAllLines(out);
        assertEquals(ResumeState.marker(2), first.get(2));

        Files.writeString(a, "First article, now edited.");
        BatchScorer.Summary s = score(out, ResumeState.load(out), a, b);
        assertEquals(2, s.articles()); // a changed, so it is scored again; b is new
        s = score(out, ResumeState.load(out), a, b);
        assertEquals(0, s.articles());
        assertEquals(2, s.skipped());
        List<String> lines = Files.readAllLines(out);
        assertEquals(ResumeState.marker(lines.size() - 1), lines.get(lines.size() - 1));
        assertTrue(lines.stream().anyMatch(l -> l.contains("now edited")));
        assertFalse(lines.stream().anyMatch(l -> l.contains("two sentences")), "old lines of a changed article go");
    }

    @Test
    void halfWrittenOrForeignFileIsRefused() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "{\"article\":\"a\",\"article_sha256\":\"00\",\"index\":0}\n");
        assertThrows(IllegalArgumentException.class, () -> ResumeState.load(out));
        Files.writeString(out, "{\"article\":\"a\",\"article_sha256\":\"00\"}\n" + ResumeState.marker(5) + "\n");
        assertThrows(IllegalArgumentException.class, () -> ResumeState.load(out));
        assertFalse(ResumeState.load(dir.resolve("missing.jsonl")).done().iterator().hasNext());
    }

    @Test
    void duplicateIdIsAnErrorAndResumeNeverDropsTheLinesOfAnInputStillPresent() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"The first article stays the same.\"}\n"
                + "{\"id\":\"a\",\"text\":\"The second article has the same id.\"}\n");
        Path out = dir.resolve("out.jsonl");
        BatchScorer.Summary s = score(out, ResumeState.empty(), in);
        assertEquals(1, s.failed(), "the second 'a' is refused");
        List<String> first = Files.readAllLines(out);
        assertTrue(first.get(1).contains("duplicate id"), first.get(1));

        Files.writeString(in, "{\"id\":\"a\",\"text\":\"The first article stays the same.\"}\n"
                + "{\"id\":\"a\",\"text\":\"The second article, now changed.\"}\n");
        s = score(out, ResumeState.load(out), in);
        assertEquals(1, s.skipped());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.stream().anyMatch(l -> l.contains("stays the same")), "the unchanged article's lines stay");
        assertFalse(lines.stream().anyMatch(l -> l.contains("now changed") && !l.contains("error")));
        assertEquals(ResumeState.marker(lines.size() - 1), lines.get(lines.size() - 1));
    }
}
