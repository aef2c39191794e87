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
        assertEquals("hostile", mark.getAttribute("class"));
        assertTrue(mark.getTextContent().contains("<b>everyone</b>"));
        assertTrue(mark.getAttribute("title").startsWith("Mia Holt"));
        assertEquals(2, doc.getElementsByTagName("section").getLength());
        assertTrue(page.contains("Mia Holt</td><td>1</td><td>hostile (1)"));
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreShownNotObeyed() {
        String shown = HtmlReport.escape("peace\u202Eecaep\u202C \u200Bwar\u2066x\u2069\uFEFF\u200F");
        assertEquals("peace\uFFFDecaep\uFFFD \uFFFDwar\uFFFDx\uFFFD\uFFFD\uFFFD", shown);
        assertEquals("Zoë – «fred»", HtmlReport.escape("Zoë – «fred»"));
    }
}
