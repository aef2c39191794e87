package dev.stance.sources;

import java.util.List;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * Plain text from Markdown, parsed by commonmark-java (CommonMark plus YAML front matter, which is dropped).
 * Headings, paragraphs and block quotes become blank-line separated paragraphs with their inline text (links keep
 * their words, emphasis loses its marks, entities are decoded); code blocks, rules and images are dropped. A list
 * item keeps its marker ("- ", "1. "): in news text a "- " line is usually a dash quote, which statement detection
 * reads by its dash.
 */
public final class MarkdownPages {
    private static final Parser PARSER = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

    private MarkdownPages() {
    }

    /** The text of a Markdown document; blank when it holds none. */
    public static String toText(String markdown) {
        TextCollector c = new TextCollector();
        PARSER.parse(markdown).accept(c);
        return c.out.toString().strip();
    }

    private static final class TextCollector extends AbstractVisitor {
        private final StringBuilder out = new StringBuilder();

        private void paragraphBreak() {
            int n = out.length();
            if (n == 0 || out.charAt(n - 1) == '\n' && n > 1 && out.charAt(n - 2) == '\n') {
                return;
            }
            out.append(out.charAt(n - 1) == '\n' ? "\n" : "\n\n");
        }

        @Override
        public void visit(Paragraph p) {
            // a list item's paragraph continues the line its marker opened
            if (!(p.getParent() instanceof ListItem)) {
                paragraphBreak();
            }
            visitChildren(p);
        }

        @Override
        public void visit(Heading h) {
            paragraphBreak();
            visitChildren(h);
        }

        @Override
        public void visit(BlockQuote q) {
            paragraphBreak();
            visitChildren(q);
        }

        @Override
        public void visit(BulletList list) {
            paragraphBreak();
            visitItems(list, list.getMarker() == null ? "-" : list.getMarker(), 0);
        }

        @Override
        public void visit(OrderedList list) {
            paragraphBreak();
            Integer start = list.getMarkerStartNumber();
            visitItems(list, null, start == null ? 1 : start);
        }

        private void visitItems(Node list, String bullet, int number) {
            int n = number;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                out.append(bullet != null ? bullet + " " : n++ + ". ");
                visitChildren(item);
            }
        }

        @Override
        public void visit(Text t) {
            out.append(t.getLiteral());
        }

        @Override
        public void visit(Code c) {
            out.append(c.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak b) {
            out.append('\n');
        }

        @Override
        public void visit(HardLineBreak b) {
            out.append('\n');
        }

        @Override
        public void visit(HtmlBlock b) {
            String text = HtmlPages.blockText(Jsoup.parseBodyFragment(b.getLiteral()).body());
            if (!text.isBlank()) {
                paragraphBreak();
                out.append(text);
            }
        }

        @Override
        public void visit(HtmlInline h) {
            // a tag such as <em> or <br>: its words are Text nodes of their own
        }

        @Override
        public void visit(Image i) {
            // a picture, not prose
        }

        @Override
        public void visit(FencedCodeBlock c) {
        }

        @Override
        public void visit(IndentedCodeBlock c) {
        }

        @Override
        public void visit(ThematicBreak t) {
        }
    }
}
