package dev.stance.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownPagesTest {
    @Test
    void keepsTheTextOfHeadingsLinksQuotesAndListsAndDropsTheMarkup() {
        String md = """
                ---
                title: Møte i Wien
                author: Kari
                ---
                # Møte i *Wien*

                > «Vi står **klare**», sa [ministeren](https://example.org/m) &amp; la til &laquo;mer&raquo;.

                ![Bilde](wien.jpg)

                ```
                kode som ikke er tekst
                ```

                - Vi kommer, sa han.
                - Nei.

                1. Første punkt
                2. Andre punkt

                ***

                Et <em>viktig</em> avsnitt
                over to linjer.
                """;
        assertEquals("Møte i Wien\n\n«Vi står klare», sa ministeren & la til «mer».\n\n"
                + "- Vi kommer, sa han.\n- Nei.\n\n1. Første punkt\n2. Andre punkt\n\n"
                + "Et viktig avsnitt\nover to linjer.", MarkdownPages.toText(md));
    }

    @Test
    void markupWithoutTextIsBlankAndBrokenMarkupNeverFails() {
        assertTrue(MarkdownPages.toText("![only](a.png)\n\n```\ncode\n```\n\n---").isBlank());
        assertEquals("Unclosed *emphasis and [link(", MarkdownPages.toText("Unclosed *emphasis and [link("));
    }
}
