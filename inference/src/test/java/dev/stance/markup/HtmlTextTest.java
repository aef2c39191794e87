package dev.stance.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void keepsParagraphsDropsScriptsAndDecodesEntities() {
        String html = "<html><head><title>T</title><style>p{color:red}</style></head><body>"
                + "<h1>Talks  in\n Wien</h1><p>&laquo;Vi er klare&raquo;, sa ministeren &amp; la til&#8230;</p>"
                + "<script>if (a < b) { alert('x') }</script><!-- hidden <p>no</p> -->"
                + "<p>Andre&nbsp;avsnitt<br>ny linje &#x2013; slutt.</p></body></html>";
        assertEquals("Talks in Wien\n\n«Vi er klare», sa ministeren & la til…\n\nAndre avsnitt\nny linje – slutt.",
                HtmlText.toText(html));
    }

    @Test
    void truncatedOrBrokenMarkupNeverFails() {
        assertEquals("Første avsnitt.", HtmlText.toText("<p>Første avsnitt.</p><p class=\"x"));
        assertEquals("A & B &bogus; &#xZZ; &#0;".replace("&#0;", "\uFFFD"), HtmlText.toText("A &amp; B &bogus; &#xZZ; &#0;"));
        assertEquals("Text", HtmlText.toText("Text<script>never closed"));
    }
}
