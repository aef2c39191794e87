package dev.stance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.data.Task;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the {@code --report} page in headless Chromium: a screenshot must show the page styled, with each
 * statement highlighted in its label's colour, and Chromium's own parse of the page must hold the highlights.
 * Skipped without a browser unless CI requires one (see {@link HeadlessChromium#findOrSkip}).
 */
class HtmlReportRenderTest {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 900;
    /** FixedModel labels the statement with "threat" hostile and the other conciliatory, in this order. */
    private static final List<String> STATEMENT_LABELS = List.of("conciliatory", "hostile");

    @TempDir
    static Path dir;
    private static Path report;
    private HeadlessChromium chromium;

    @BeforeAll
    static void writeReport() throws Exception {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Files.writeString(articles.resolve("vienna.txt"), """
                Envoy Mia Holt arrived in Vienna on Monday for talks with Defence Minister Karl Berg.

                "We are ready to sit down with the other side at any time," Holt said.

                "Every new attack on our border is a threat to the whole region," Berg said.
                """);
        report = dir.resolve("report.html");
        HtmlReportTest.writeReport(articles, report);
    }

    // per test, not in @BeforeAll: Surefire reports a class-level skip as zero tests, hiding the reason
    @BeforeEach
    void findBrowser() {
        chromium = HeadlessChromium.findOrSkip(dir);
    }

    @Test
    void screenshotShowsStyledPageWithEachStatementInItsLabelColour() throws Exception {
        BufferedImage img = ImageIO.read(chromium.screenshot(report, WIDTH, HEIGHT).toFile());
        assertNotNull(img, "screenshot is not a readable PNG");
        assertEquals(WIDTH, img.getWidth());
        assertEquals(HEIGHT, img.getHeight());

        Set<Integer> distinct = new HashSet<>();
        int notWhite = 0;
        int left = WIDTH;
        int right = -1;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int c = img.getRGB(x, y) & 0xFFFFFF;
                distinct.add(c);
                if (c != 0xFFFFFF) {
                    notWhite++;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        // anti-aliased text gives hundreds of shades (about 1,200 here); a blank page gives one
        assertTrue(distinct.size() >= 100, "page looks blank: " + distinct.size() + " distinct colours");
        assertTrue(notWhite >= WIDTH * HEIGHT / 100, "page looks blank: " + notWhite + " non-white pixels");
        // the body rule centres a 60rem column (content at about x 120..1080); unstyled, it spans x 8..1192
        assertTrue(left >= 60 && right <= WIDTH - 60, "body is not a centred column: x " + left + ".." + right);

        // The legend at the top shows every label's colour on one line. A label no statement has appears only
        // there, so its lowest pixel row bounds the legend, and a highlighted statement must show below that.
        int legendBottom = -1;
        for (String label : Task.STANCE.labels()) {
            int[] rows = countAndLastRow(img, colour(label));
            assertTrue(rows[0] >= 200, "legend does not show " + label + " in " + HtmlReport.LABEL_COLOURS.get(label)
                    + " (" + rows[0] + " pixels)");
            if (!STATEMENT_LABELS.contains(label)) {
                legendBottom = Math.max(legendBottom, rows[1]);
            }
        }
        assertTrue(legendBottom > 0);
        for (String label : STATEMENT_LABELS) {
            int below = countBelow(img, colour(label), legendBottom);
            // a one-line highlight of some 60 characters covers thousands of pixels between its glyphs
            assertTrue(below >= 1500, "statement labelled " + label + " is not highlighted in "
                    + HtmlReport.LABEL_COLOURS.get(label) + " below the legend (" + below + " pixels)");
        }
    }

    @Test
    void chromiumParsesOneHighlightPerStatementAndNoScript() throws Exception {
        String dom = chromium.dumpDom(report);
        List<String> marks = new ArrayList<>();
        Matcher m = Pattern.compile("<mark class=\"([a-z]+)\"[^>]*>([^<]*)</mark>").matcher(dom);
        while (m.find()) {
            marks.add(m.group(1));
            assertTrue(m.group(2).startsWith("\""), "highlight should cover the quote: " + m.group(2));
        }
        assertEquals(STATEMENT_LABELS, marks, dom);
        assertTrue(dom.contains("<style>"), "style element missing from the parsed page");
        assertTrue(dom.contains("<td>Mia Holt</td>") && dom.contains("<td>Karl Berg</td>"), "speaker table missing");
        assertFalse(dom.contains("<script"));
    }

    private static int colour(String label) {
        return Integer.parseInt(HtmlReport.LABEL_COLOURS.get(label).substring(1), 16);
    }

    /** {pixel count, last row} of the exact colour {@code rgb}; the row is -1 when absent. */
    private static int[] countAndLastRow(BufferedImage img, int rgb) {
        int[] r = {0, -1};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    r[0]++;
                    r[1] = y;
                }
            }
        }
        return r;
    }

    private static int countBelow(BufferedImage img, int rgb, int row) {
        int n = 0;
        for (int y = row + 1; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
