package dev.stance.sources;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import net.dankito.readability4j.extended.processor.ArticleGrabberExtended;
import net.dankito.readability4j.extended.processor.PostprocessorExtended;
import net.dankito.readability4j.extended.util.RegExUtilExtended;
import net.dankito.readability4j.model.ReadabilityOptions;
import net.dankito.readability4j.processor.MetadataParser;
import net.dankito.readability4j.processor.Preprocessor;
import net.dankito.readability4j.util.RegExUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The article in a saved news page: the page is parsed with jsoup, and Readability (Mozilla's algorithm, ported
 * as Readability4J) picks the main article out of menus, ads, teasers, comment threads and cookie banners. The
 * text is the headline, then the article's blocks (paragraphs, headings, list items) as blank-line separated
 * paragraphs. Image captions are left out: they describe a photo, not the story, and end in a credit line.
 * When Readability finds no article, or with {@code wholePage}, the text is the whole body.
 *
 * <p>Nothing is fetched or executed: scripts, styles and frames are dropped unread.
 */
public final class HtmlPages {
    /** Elements whose content is never text a reader sees. */
    private static final Set<String> UNSEEN = Set.of("script", "style", "noscript", "template", "svg", "head",
            "iframe", "object", "embed", "canvas", "video", "audio", "select", "input", "textarea", "img");
    /** Inline-level controls that a browser shows apart from their neighbours. */
    private static final Set<String> OWN_LINE = Set.of("button", "label");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);
    /**
     * Readability's class and id hints are English ("comment", "sidebar", "share"); news sites in Norwegian and
     * German name the same parts in their own words, which would otherwise count as article candidates.
     */
    private static final String LOCAL_FURNITURE = "kommentar|werbung|anzeige|annonse|reklame|cookie|consent"
            + "|cmp-|gdpr|teilen|deling|share|empfehlung|relatert|anbefal|mest-les|meistgelesen|nyhetsbrev"
            + "|nyheitsbrev|newsletter|caption|bildunterschrift|bildtext|credit|copyright|dachzeile|kicker";
    private static final RegExUtilExtended HINTS = new RegExUtilExtended(
            RegExUtil.UnlikelyCandidatesDefaultPattern + "|" + LOCAL_FURNITURE,
            RegExUtil.OkMaybeItsACandidateDefaultPattern,
            RegExUtil.PositiveDefaultPattern + "|artikkel|artikel|brodtekst|brødtekst",
            RegExUtil.NegativeDefaultPattern + RegExUtilExtended.NegativeDefaultPatternExtended + "|" + LOCAL_FURNITURE,
            RegExUtil.ExtraneousDefaultPattern,
            RegExUtil.BylineDefaultPattern + "|autor|forfatter|skribent|verfasser",
            RegExUtil.ReplaceFontsDefaultPattern, RegExUtil.NormalizeDefaultPattern, RegExUtil.VideosDefaultPattern,
            RegExUtil.NextLinkDefaultPattern, RegExUtil.PrevLinkDefaultPattern, RegExUtil.WhitespaceDefaultPattern,
            RegExUtil.HasContentDefaultPattern, RegExUtilExtended.RemoveImageDefaultPattern);
    /** Readability resolves links against the page address and fails without one. */
    private static final String NO_ADDRESS = "http://localhost/";
    /** Browsers look for the declaration in the first 1024 bytes; real pages put it later, after long scripts. */
    private static final int SNIFF_BYTES = 16 * 1024;

    private HtmlPages() {
    }

    /**
     * Decodes and extracts one page.
     *
     * @param bytes       the page as saved or served
     * @param httpCharset the charset of the HTTP {@code Content-Type} it was served with, or null; it wins over
     *                    the page's own {@code <meta>} declaration, as in browsers
     * @param url         where the page came from, or null (resolves relative links; the fallback {@code url})
     * @param wholePage   keep the whole body text instead of extracting the article
     * @throws IllegalArgumentException when the bytes do not decode by the declared charset, or no text is left
     */
    public static PageText read(byte[] bytes, String httpCharset, String url, boolean wholePage) {
        String html;
        if (httpCharset != null) {
            html = TextDecoding.decode(bytes, httpCharset, "the HTTP Content-Type");
        } else {
            html = TextDecoding.decode(bytes, declaredCharset(bytes), "the page's <meta> tag");
        }
        return extract(html, url, wholePage);
    }

    /**
     * The charset the page declares in a {@code <meta charset>} or {@code <meta http-equiv="Content-Type">}
     * within its first 16 KiB, or null.
     */
    public static String declaredCharset(byte[] bytes) {
        // every charset a page can declare agrees with ASCII on the bytes of its <meta> tags
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Document doc = Jsoup.parse(head);
        for (Element meta : doc.select("meta[charset], meta[http-equiv]")) {
            if (meta.hasAttr("charset") && !meta.attr("charset").isBlank()) {
                return meta.attr("charset").strip();
            }
            if (meta.attr("http-equiv").equalsIgnoreCase("content-type")) {
                Matcher m = CHARSET.matcher(meta.attr("content"));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /**
     * Extracts the article (or with {@code wholePage} the body) from decoded HTML.
     *
     * @throws IllegalArgumentException when the page has no text at all
     */
    public static PageText extract(String html, String url, boolean wholePage) {
        String base = url != null && url.contains(":") ? url : NO_ADDRESS;
        Document doc = Jsoup.parse(html, base);
        String canonical = firstNonBlank(doc.select("link[rel=canonical]").attr("abs:href"),
                doc.select("meta[property=og:url]").attr("content"), url);
        String date = firstNonBlank(doc.select("meta[property=article:published_time]").attr("content"),
                doc.select("meta[itemprop=datePublished]").attr("content"),
                doc.select("meta[name=date], meta[name=dc.date], meta[name=DC.date]").attr("content"),
                doc.select("time[datetime]").attr("datetime"));
        String fallbackTitle = firstNonBlank(doc.select("meta[property=og:title]").attr("content"), doc.title());
        String text = "";
        String title = fallbackTitle;
        if (!wholePage) {
            // Readability rewrites the tree it is given; the metadata above is read first
            Article article = new Readability4JExtended(base, doc, new ReadabilityOptions(), HINTS,
                    new Preprocessor(HINTS), new MetadataParser(HINTS), new ArticleGrabberExtended(new ReadabilityOptions(), HINTS),
                    new PostprocessorExtended()).parse();
            Element content = article.getArticleContent();
            if (content != null) {
                content.select("figure, figcaption").remove();
                text = blockText(content);
            }
            title = firstNonBlank(article.getTitle(), fallbackTitle);
            text = fromHeadline(text, title);
        }
        if (text.isBlank()) {
            text = blockText(Jsoup.parse(html, base).body());
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("no text in the page");
        }
        return new PageText(text, blankToNull(title), blankToNull(canonical), blankToNull(date));
    }

    /**
     * The article starts at its headline: a kicker, breadcrumbs or teaser above it are page furniture. When the
     * headline is not among the extracted paragraphs, it is put first.
     */
    private static String fromHeadline(String text, String title) {
        if (text.isBlank() || title == null) {
            return text;
        }
        String t = title.strip();
        int at = 0;
        while ((at = text.indexOf(t, at)) >= 0) {
            boolean paragraphStart = at == 0 || text.charAt(at - 1) == '\n';
            int end = at + t.length();
            boolean paragraphEnd = end == text.length() || text.charAt(end) == '\n';
            if (paragraphStart && paragraphEnd) {
                return text.substring(at);
            }
            at = end;
        }
        return t + "\n\n" + text;
    }

    /**
     * The text a reader sees in an element: each block (paragraph, heading, list item, div) its own paragraph,
     * {@code <br>} a line break, white space collapsed as a browser does.
     */
    static String blockText(Element root) {
        StringBuilder b = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    b.append(t.text());
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (UNSEEN.contains(tag)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("br")) {
                        b.append('\n');
                    } else if (breaksParagraph(e)) {
                        b.append("\n\n");
                    } else if (OWN_LINE.contains(tag)) {
                        b.append('\n');
                    } else if (tag.equals("td") || tag.equals("th")) {
                        b.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (breaksParagraph(e)) {
                        b.append("\n\n");
                    } else if (OWN_LINE.contains(e.normalName())) {
                        b.append('\n');
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return layout(b);
    }

    private static boolean breaksParagraph(Element e) {
        return e.isBlock() && !e.normalName().equals("td") && !e.normalName().equals("th");
    }

    /** Collapses spaces within lines, keeps single line breaks and one blank line between paragraphs. */
    private static String layout(CharSequence raw) {
        StringBuilder b = new StringBuilder(raw.length());
        int newlines = 0;
        boolean space = false;
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c == '\n') {
                newlines++;
                space = false;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (newlines > 0 && b.length() > 0) {
                    b.append(newlines >= 2 ? "\n\n" : "\n");
                } else if (space && b.length() > 0) {
                    b.append(' ');
                }
                newlines = 0;
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String firstNonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Lower-case file-name test for the extensions read as HTML. */
    public static boolean isHtmlName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }
}
