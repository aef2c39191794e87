package dev.stance.markup;

import java.util.Locale;
import java.util.Set;

/**
 * Plain text from an HTML page, without a DOM: a single pass that drops tags, comments and the contents of
 * script, style and head, turns block elements into blank-line paragraph breaks, collapses white space as a
 * browser would, and decodes character references. Malformed or truncated markup never fails: an unclosed tag
 * at the end is dropped. Nothing is fetched or executed.
 */
public final class HtmlText {
    private static final Set<String> SKIP = Set.of("script", "style", "head", "noscript", "template", "svg");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "tr", "table", "article", "section", "header", "footer", "blockquote", "figure", "figcaption",
            "pre", "hr", "main", "aside", "nav", "dd", "dt", "dl", "title", "body", "html", "form");

    private HtmlText() {
    }

    public static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                int next = html.indexOf('<', i);
                int end = next < 0 ? n : next;
                // source line breaks are plain white space in HTML; only tags make breaks
                out.append(Entities.decode(html.substring(i, end).replace('\n', ' ').replace('\r', ' ')));
                i = end;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int close = html.indexOf("-->", i + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            int close = html.indexOf('>', i + 1);
            if (close < 0) {
                break; // truncated inside a tag
            }
            String tag = tagName(html, i + 1, close);
            boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
            i = close + 1;
            if (!closing && SKIP.contains(tag) && html.charAt(close - 1) != '/') {
                int end = indexOfIgnoreCase(html, "</" + tag, i);
                if (end < 0) {
                    break;
                }
                int gt = html.indexOf('>', end);
                i = gt < 0 ? n : gt + 1;
                continue;
            }
            if (tag.equals("br")) {
                out.append('\n');
            } else if (BLOCKS.contains(tag)) {
                out.append("\n\n");
            } else if (tag.equals("td") || tag.equals("th")) {
                out.append(' ');
            }
        }
        return layout(out);
    }

    private static String tagName(String html, int from, int to) {
        int s = from;
        if (s < to && (html.charAt(s) == '/' || html.charAt(s) == '!' || html.charAt(s) == '?')) {
            s++;
        }
        int e = s;
        while (e < to && Character.isLetterOrDigit(html.charAt(e))) {
            e++;
        }
        return html.substring(s, e).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        int max = s.length() - what.length();
        for (int k = from; k <= max; k++) {
            if (s.regionMatches(true, k, what, 0, what.length())) {
                return k;
            }
        }
        return -1;
    }

    /** Collapses spaces within lines, keeps single line breaks (br) and one blank line between paragraphs. */
    private static String layout(CharSequence raw) {
        StringBuilder b = new StringBuilder(raw.length());
        int newlines = 0;
        boolean space = false;
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c == '\n') {
                newlines++;
                space = false;
            } else if (Character.isWhitespace(c) || c == '\u00A0') {
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
}
