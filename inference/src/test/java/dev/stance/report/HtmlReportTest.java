package dev.stance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.model.FixedModel;
import dev.stance.score.ArticleSource;
import dev.stance.score.AtomicOutput;
import dev.stance.score.BatchScorer;
import dev.stance.score.JsonlResultWriter;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class HtmlReportTest {
    @TempDir
    Path dir;

    /** Scores every article under {@code articles} with {@link FixedModel}, as {@code score --report} would. */
    static void writeReport(Path articles, Path report) throws Exception {
        try (var w = new JsonlResultWriter(AtomicOutput.toStream(new ByteArrayOutputStream()));
             var html = new HtmlReport(AtomicOutput.toFile(report))) {
            new BatchScorer(new FixedModel()).listen(html)
                    .run(new ArticleSource(List.of(articles.toString()), System.in), w);
        }
    }

    @Test
    void reportIsWellFormedSelfContainedAndEscapesArticleText() throws Exception {
        Files.writeString(dir.resolve("a&b.txt"), "Envoy Mia Holt <script>alert('x')</script> arrived & left.\n\n"
                + "\"This is a threat to <b>everyone</b> here,\" Holt said.");
        Files.writeString(dir.resolve("empty.txt"), "");
        Path report = dir.resolve("report.html");
        writeReport(dir, report);
        String page = Files.readString(report);
        assertFalse(page.contains("<script"), "article text must be escaped");
        assertFalse(page.contains("<b>"));
        assertFalse(page.contains("http"), "no external resources");
        assertTrue(page.contains("&lt;script&gt;"));

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(1, doc.getElementsByTagName("mark").getLength());
        var mark = (org.w3c.dom.Element) doc.getElementsByTagName("mark").item(0);
        assertEquals("hostile o-none low-openness", mark.getAttribute("class"));
        assertTrue(mark.getTextContent().contains("<b>everyone</b>"));
        String title = mark.getAttribute("title");
        assertTrue(title.startsWith("Mia Holt · direct · stance hostile 0.87 (conciliatory 0.04, "), title);
        // FixedModel's openness "none" has p 0.38, under the threshold: drawn pale and said on hover
        assertTrue(title.endsWith("openness none 0.38 (real 0.31, rhetorical 0.31) · low confidence: openness "
                + "(under 0.50)"), title);
        assertEquals(2, doc.getElementsByTagName("section").getLength());
        assertTrue(page.contains("Mia Holt</td><td>1</td><td>hostile (1)"));
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreShownNotObeyed() {
        String shown = HtmlReport.escape("peace\u202Eecaep\u202C \u200Bwar\u2066x\u2069\uFEFF\u200F");
        assertEquals("peace\uFFFDecaep\uFFFD \uFFFDwar\uFFFDx\uFFFD\uFFFD\uFFFD", shown);
        assertEquals("Zoë – «fred»", HtmlReport.escape("Zoë – «fred»"));
    }

    @Test
    void overviewCountsSpeakersAcrossArticlesAndListsThemInEachPresortedOrder() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Envoy Mia Holt met General Karl Berg in Vienna.\n\n"
                + "\"We are ready to sit down with them at any time,\" Holt said.\n\n"
                + "\"Their army is a threat to every village near the border,\" Berg said.");
        // only the surname here: counted under the full name from the other article
        Files.writeString(dir.resolve("b.txt"), "\"Nothing is settled until the last of the prisoners is home,\" Holt said.");
        Path report = dir.resolve("report.html");
        writeReport(dir, report);
        String page = Files.readString(report);
        String overview = page.substring(page.indexOf("<div class=\"overview\""), page.indexOf("<section"));
        assertTrue(overview.contains("2 article(s), 3 statement(s) in 4 sentence(s)"), overview);
        assertFalse(overview.contains("<td>Holt</td>"), "surname not merged into the full name");
        List<String> tables = List.of(overview.split("<details"));
        assertEquals(5, tables.size(), "four pre-sorted tables");
        assertTrue(tables.get(1).indexOf("<td>Mia Holt</td><td>2</td><td>2</td>") < tables.get(1).indexOf("Karl Berg"),
                "by statements: Holt (2) first");
        assertTrue(tables.get(2).indexOf("Karl Berg") < tables.get(2).indexOf("Mia Holt"), "by hostile share: Berg first");
        assertTrue(tables.get(4).indexOf("Karl Berg") < tables.get(4).indexOf("Mia Holt"), "by name");
        // Berg's statement is his most hostile, linked to its highlight
        assertTrue(overview.contains("<a href=\"#a1-s2\">&quot;Their army is a threat"), overview);
        assertTrue(page.contains("<mark id=\"a1-s2\" class=\"hostile "), "link target missing");
        assertEquals(4, overview.split("<text ").length - 1, "chart: a name and a count per speaker");
    }
}
