package dev.stance.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.model.FixedModel;
import dev.stance.segment.SentenceSplitter;
import dev.stance.segment.Span;
import dev.stance.sources.Furniture;
import dev.stance.statements.StatementKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Saved news pages (fixtures in {@code dev/stance/sources/pages}, one per language, each with the page's
 * article sentences in {@code <page>.body.txt} and every other text on it in {@code <page>.furniture.txt}) go
 * through the same reader and scorer as {@code stance score}. Prints the share of article sentences kept and
 * the number of other sentences scored: the figures the targets (at least 95 %, and 0) are about.
 */
class SavedNewsPagesTest {
    static final List<String> PAGES = List.of("nb-fjordposten", "nn-vestavind", "en-harbourtimes", "de-rheinbote");

    static Path pages() {
        try {
            return Path.of(SavedNewsPagesTest.class.getResource("/dev/stance/sources/pages").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String norm(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** The article's sentences, as the splitter cuts each paragraph of the body list. */
    static Set<String> bodySentences(String page) throws IOException {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String paragraph : Files.readAllLines(pages().resolve(page + ".body.txt"))) {
            for (Span s : SentenceSplitter.split(paragraph)) {
                out.add(norm(s.text()));
            }
        }
        return out;
    }

    static List<ArticleResult> score(List<Path> inputs, boolean keepBoilerplate) throws IOException {
        List<ArticleResult> results = new ArrayList<>();
        ArticleListener collect = results::add;
        List<String> args = inputs.stream().map(Path::toString).toList();
        try (var w = new JsonlResultWriter(AtomicOutput.toStream(new ByteArrayOutputStream()))) {
            new BatchScorer(new FixedModel(), false, null, keepBoilerplate).listen(collect)
                    .run(new ArticleSource(args, new ByteArrayInputStream(new byte[0]), keepBoilerplate), w);
        }
        return results;
    }

    @Test
    void articleSentencesAreKeptAndNoFurnitureIsScored() throws IOException {
        List<ArticleResult> results = score(PAGES.stream().map(p -> pages().resolve(p + ".html")).toList(), false);
        assertEquals(PAGES.size(), results.size());
        int body = 0;
        int kept = 0;
        int furniture = 0;
        Map<String, String> lines = new LinkedHashMap<>();
        for (int i = 0; i < PAGES.size(); i++) {
            ArticleResult r = results.get(i);
            assertFalse(r.failed(), r.error());
            Set<String> expected = bodySentences(PAGES.get(i));
            Set<String> scored = r.sentences().stream().map(s -> norm(s.text())).collect(Collectors.toSet());
            List<String> notBody = scored.stream().filter(s -> !expected.contains(s)).sorted().toList();
            long k = expected.stream().filter(scored::contains).count();
            body += expected.size();
            kept += (int) k;
            furniture += notBody.size();
            lines.put(PAGES.get(i), String.format(Locale.ROOT, "%d/%d article sentences kept, %d other sentences"
                    + " scored %s", k, expected.size(), notBody.size(), notBody));
        }
        lines.forEach((page, line) -> System.out.println("saved page " + page + ": " + line));
        System.out.printf(Locale.ROOT, "saved pages: %d/%d article sentences kept (%.1f %%), %d furniture sentences"
                + " scored%n", kept, body, 100.0 * kept / body, furniture);
        assertTrue(kept >= 0.95 * body, kept + "/" + body);
        assertEquals(0, furniture, lines.toString());
    }

    @Test
    void everyFurnitureLineOfThePagesIsLeftOutOfTheOutput() throws IOException {
        List<ArticleResult> results = score(PAGES.stream().map(p -> pages().resolve(p + ".html")).toList(), false);
        for (int i = 0; i < PAGES.size(); i++) {
            List<String> furniture = Files.readAllLines(pages().resolve(PAGES.get(i) + ".furniture.txt"));
            for (ScoredSentence s : results.get(i).sentences()) {
                for (String f : furniture) {
                    assertFalse(norm(f).equals(norm(s.text())), PAGES.get(i) + ": " + s.text());
                }
            }
        }
    }

    @Test
    void keepingTheBoilerplateScoresTheWholePageAndFurnitureOnlyAsNarration() throws IOException {
        List<ArticleResult> results = score(List.of(pages().resolve("nb-fjordposten.html")), true);
        List<ScoredSentence> all = results.get(0).sentences();
        Set<String> texts = all.stream().map(s -> norm(s.text())).collect(Collectors.toSet());
        assertTrue(texts.containsAll(bodySentences("nb-fjordposten")));
        assertTrue(texts.contains("Endelig noen som tar ansvar, det var på høy tid."), texts.toString());
        assertTrue(texts.contains("Les også: Slik brøt forhandlingene i Genève sammen"), texts.toString());
        int furniture = 0;
        for (ScoredSentence s : all) {
            if (Furniture.isFurniture(s.text())) {
                furniture++;
                assertEquals(StatementKind.NARRATION, s.kind(), s.text());
                assertEquals(null, s.speaker(), s.text());
            }
        }
        assertTrue(furniture >= 10, "furniture lines output: " + furniture);
        // "De kommer aldri til å holde ord, sa min far alltid." is a reader comment: kept as text of the page
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("De kommer aldri")), texts.toString());
    }

    @Test
    void offsetsAndHashReferToTheExtractedText() throws IOException {
        Path page = pages().resolve("en-harbourtimes.html");
        Article a = new ArticleSource(List.of(page.toString()), new ByteArrayInputStream(new byte[0])).iterator().next();
        assertEquals("https://harbourtimes.example/world/2026/apr/03/ceasefire-talks-resume-geneva", a.url());
        assertEquals("2026-04-03T07:30:00Z", a.date());
        ArticleResult r = score(List.of(page), false).get(0);
        assertEquals(ArticleScorer.sha256(a.text()), r.sha256());
        for (ScoredSentence s : r.sentences()) {
            assertEquals(s.text(), a.text().substring(s.start(), s.end()));
            assertEquals(a.url(), s.url());
        }
        assertTrue(new String(Files.readAllBytes(page), StandardCharsets.UTF_8).contains("googletag"));
        assertFalse(a.text().contains("googletag"));
    }
}
