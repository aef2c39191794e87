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
import java.util.Arrays;
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
 * Opens the {@code --report} page in headless Chromium: a screenshot must show the page styled, each statement
 * highlighted in its stance label's colour and underlined by its openness label (a solid line for real, a dashed
 * one for rhetorical), a low-confidence label drawn pale, and the overview's chart; Chromium's own parse of the
 * page must hold the highlights, the overview with escaped text and links to the statements, and nothing that runs
 * or loads. Skipped without a browser unless CI requires one (see {@link HeadlessChromium#findOrSkip}).
 */
class HtmlReportRenderTest {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 900;
    /** FixedModel's labels for the three statements, in order: "ready to", "only if ... threat", "perhaps". */
    private static final List<String> STATEMENT_CLASSES = List.of("conciliatory o-real", "hostile o-rhetorical",
            "conciliatory low-stance o-none low-openness");
    /** Stance labels highlighted at full strength in the text. */
    private static final List<String> STATEMENT_LABELS = List.of("conciliatory", "hostile");

    @TempDir
    static Path dir;
    private static Path report;
    /** The report with the overview hidden, so the article text sits right below the legend. */
    private static Path articlesOnly;
    /** The report with the articles hidden: legend and overview. */
    private static Path overviewOnly;
    private HeadlessChromium chromium;

    @BeforeAll
    static void writeReport() throws Exception {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Files.writeString(articles.resolve("vienna.txt"), """
                Envoy Mia Holt arrived in Vienna on Monday for talks with Defence Minister Karl Berg.

                "We are ready to sit down with the other side at any time and in any place," Holt said.

                "We will talk only if they end this <b>threat</b> to the whole of our region," Berg said.

                "Talks could perhaps resume after the long summer holidays are over," Holt added.
                """);
        report = dir.resolve("report.html");
        HtmlReportTest.writeReport(articles, report);
        String page = Files.readString(report);
        articlesOnly = dir.resolve("articles-only.html");
        Files.writeString(articlesOnly, page.replace("</head>", "<style>.overview{display:none}</style></head>"));
        overviewOnly = dir.resolve("overview-only.html");
        Files.writeString(overviewOnly, page.replace("</head>", "<style>section{display:none}</style></head>"));
    }

    // per test, not in @BeforeAll: Surefire reports a class-level skip as zero tests, hiding the reason
    @BeforeEach
    void findBrowser() {
        chromium = HeadlessChromium.findOrSkip(dir);
    }

    @Test
    void screenshotShowsStyledPageWithEachStatementInItsLabelColour() throws Exception {
        BufferedImage img = screenshot(report);
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

        img = screenshot(articlesOnly);
        int legendBottom = legendBottom(img);
        for (String label : STATEMENT_LABELS) {
            int below = countBelow(img, colour(label), legendBottom);
            // a one-line highlight of some 60 characters covers thousands of pixels between its glyphs
            assertTrue(below >= 1500, "statement labelled " + label + " is not highlighted in "
                    + HtmlReport.LABEL_COLOURS.get(label) + " below the legend (" + below + " pixels)");
        }
        // the "perhaps" statement: conciliatory, but under the threshold, so pale
        int pale = countBelow(img, rgb(HtmlReport.mute(HtmlReport.LABEL_COLOURS.get("conciliatory"))), legendBottom);
        assertTrue(pale >= 1500, "low-confidence statement is not drawn pale (" + pale + " pixels)");
    }

    @Test
    void opennessMarkersAreASolidLineForRealAndADashedLineForRhetorical() throws Exception {
        BufferedImage img = screenshot(articlesOnly);
        int legendBottom = legendBottom(img);
        int[] real = runs(img, rgb(HtmlReport.OPENNESS_COLOURS.get("real")), legendBottom);
        int[] rhetorical = runs(img, rgb(HtmlReport.OPENNESS_COLOURS.get("rhetorical")), legendBottom);
        // {longest run, most runs in one row, pixels}: a solid line under ~80 characters is one run of hundreds of
        // pixels; a dashed one is many short dashes
        assertTrue(real[0] >= 300, "no solid underline under the real statement: " + Arrays.toString(real));
        assertTrue(rhetorical[2] >= 300, "no underline under the rhetorical statement: " + Arrays.toString(rhetorical));
        assertTrue(rhetorical[0] <= 40 && rhetorical[1] >= 10,
                "rhetorical underline is not dashed: " + Arrays.toString(rhetorical));
        assertTrue(real[1] <= 2, "real underline is broken into pieces: " + Arrays.toString(real));
    }

    @Test
    void overviewChartIsDrawnInTheLabelColours() throws Exception {
        BufferedImage img = screenshot(overviewOnly);
        int legendBottom = legendBottom(img);
        for (String label : STATEMENT_LABELS) {
            int below = countBelow(img, colour(label), legendBottom);
            assertTrue(below >= 500, "chart has no " + label + " bar (" + below + " pixels)");
        }
        int realBar = countBelow(img, rgb(HtmlReport.OPENNESS_COLOURS.get("real")), legendBottom);
        assertTrue(realBar >= 500, "chart has no bar for real openness (" + realBar + " pixels)");
    }

    @Test
    void chromiumParsesHighlightsAnEscapedLinkedOverviewAndNothingThatRunsOrLoads() throws Exception {
        String dom = chromium.dumpDom(report);
        List<String> classes = new ArrayList<>();
        Matcher m = Pattern.compile("<mark id=\"(a1-s\\d+)\" class=\"([a-z -]+)\"[^>]*>([^<]*)</mark>").matcher(dom);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
            classes.add(m.group(2));
            assertTrue(m.group(3).startsWith("\""), "highlight should cover the quote: " + m.group(3));
        }
        assertEquals(STATEMENT_CLASSES, classes, dom);
        assertTrue(dom.contains("<style>"), "style element missing from the parsed page");
        assertTrue(dom.contains("<td>Mia Holt</td>") && dom.contains("<td>Karl Berg</td>"), "speaker table missing");

        int overview = dom.indexOf("<div class=\"overview\"");
        int firstArticle = dom.indexOf("<section");
        assertTrue(overview >= 0 && overview < firstArticle, "overview missing or not above the articles");
        String ov = dom.substring(overview, firstArticle);
        assertTrue(ov.contains("<svg"), "overview chart missing");
        // Berg's most hostile (and most rhetorical) statement, escaped, linked to its highlight in the text
        Matcher link = Pattern.compile("<a href=\"#(a1-s\\d+)\">([^<]*)</a>").matcher(ov);
        assertTrue(link.find(), "overview links no statement: " + ov);
        assertTrue(ids.contains(link.group(1)), "link target " + link.group(1) + " is not a statement " + ids);
        assertTrue(ov.contains("this &lt;b&gt;threat&lt;/b&gt; to"), "statement text is not escaped: " + ov);
        assertFalse(ov.contains("<b>"));
        assertTrue(ov.contains("<td>Mia Holt</td><td>1</td><td>2</td>"), "per-speaker row missing: " + ov);

        for (String page : List.of(dom, Files.readString(report))) {
            for (String banned : List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "http:",
                    "https:", "@import", "javascript:")) {
                assertFalse(page.contains(banned), "page holds " + banned);
            }
            // url() only refers to the chart's own pattern
            assertFalse(Pattern.compile("url\\((?!#)").matcher(page).find(), "page loads a url()");
        }
    }

    private BufferedImage screenshot(Path page) throws Exception {
        BufferedImage img = ImageIO.read(chromium.screenshot(page, WIDTH, HEIGHT).toFile());
        assertNotNull(img, "screenshot is not a readable PNG");
        assertEquals(WIDTH, img.getWidth());
        assertEquals(HEIGHT, img.getHeight());
        return img;
    }

    /**
     * The legend shows every stance colour and a pale hostile sample. Colours no statement uses appear only there,
     * so their lowest pixel row bounds the legend, and what the test looks for must show below it.
     */
    private static int legendBottom(BufferedImage img) {
        int bottom = -1;
        for (String label : Task.STANCE.labels()) {
            int[] rows = countAndLastRow(img, colour(label));
            assertTrue(rows[0] >= 200, "legend does not show " + label + " in " + HtmlReport.LABEL_COLOURS.get(label)
                    + " (" + rows[0] + " pixels)");
            if (!STATEMENT_LABELS.contains(label)) {
                bottom = Math.max(bottom, rows[1]);
            }
        }
        int[] pale = countAndLastRow(img, rgb(HtmlReport.mute(HtmlReport.LABEL_COLOURS.get("hostile"))));
        assertTrue(pale[0] >= 100, "legend shows no low-confidence sample (" + pale[0] + " pixels)");
        bottom = Math.max(bottom, pale[1]);
        assertTrue(bottom > 0);
        return bottom;
    }

    private static int colour(String label) {
        return rgb(HtmlReport.LABEL_COLOURS.get(label));
    }

    private static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    /**
     * Horizontal runs of the exact colour below {@code row}: {longest run, most runs in one row, pixels}. Runs of one
     * or two pixels (anti-aliasing at glyph edges) are not counted as runs.
     */
    private static int[] runs(BufferedImage img, int rgb, int row) {
        int[] r = {0, 0, 0};
        for (int y = row + 1; y < img.getHeight(); y++) {
            int inRow = 0;
            int run = 0;
            for (int x = 0; x <= img.getWidth(); x++) {
                boolean hit = x < img.getWidth() && (img.getRGB(x, y) & 0xFFFFFF) == rgb;
                if (hit) {
                    run++;
                    r[2]++;
                } else {
                    if (run >= 3) {
                        inRow++;
                        r[0] = Math.max(r[0], run);
                    }
                    run = 0;
                }
            }
            r[1] = Math.max(r[1], inRow);
        }
        return r;
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
