package dev.stance.markup;

import java.util.regex.Pattern;

/**
 * Plain text from Markdown, line by line: drops front matter, code fences, rules and images; keeps the text
 * of headings, block quotes and links; removes emphasis marks and inline HTML tags; decodes entities. List
 * markers stay, since a "- " line can be a Norwegian dash quote. Paragraphs stay blank-line separated.
 */
public final class MarkdownText {
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]{0,500}\\]\\([^)\\n]{0,2000}\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{0,500})\\](?:\\([^)\\n]{0,2000}\\)|\\[[^\\]\\n]{0,100}\\])");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>\\n]{0,500}>");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|`)");
    private static final Pattern SINGLE_STAR = Pattern.compile("(?<=^|\\s)\\*(?=\\S)|(?<=\\S)\\*(?=\\s|$|[.,;:!?])");
    private static final Pattern LINK_DEF = Pattern.compile("^\\s{0,3}\\[[^\\]]{1,100}\\]:\\s.*$");

    private MarkdownText() {
    }

    public static String toText(String md) {
        String[] lines = md.split("\r?\n", -1);
        StringBuilder b = new StringBuilder(md.length());
        int start = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            for (int k = 1; k < lines.length; k++) {
                if (lines[k].strip().equals("---")) {
                    start = k + 1;
                    break;
                }
            }
        }
        boolean fence = false;
        for (int k = start; k < lines.length; k++) {
            String line = lines[k];
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            if (fence || t.matches("([-*_]\\s*){3,}") || LINK_DEF.matcher(line).matches()) {
                b.append('\n');
                continue;
            }
            t = t.replaceFirst("^#{1,6}\\s+", "").replaceFirst("\\s+#+$", "");
            while (t.startsWith(">")) {
                t = t.substring(1).stripLeading();
            }
            t = IMAGE.matcher(t).replaceAll("");
            t = LINK.matcher(t).replaceAll("$1");
            t = TAG.matcher(t).replaceAll("");
            t = EMPHASIS.matcher(t).replaceAll("");
            t = SINGLE_STAR.matcher(t).replaceAll("");
            b.append(Entities.decode(t)).append('\n');
        }
        return b.toString().strip();
    }
}
