package dev.stance.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {
    @Test
    void keepsTheTextOfHeadingsLinksAndQuotesAndDropsTheMarkup() {
        String md = "---\ntitle: x\n---\n# Møte i **Wien**\n\n> «Vi står klare», sa [ministeren](https://example.org).\n\n"
                + "![bilde](a.png)Et *viktig* avsnitt med `kode`.\n\n```\nignored code\n```\n\n- Vi går ikke, sa hun.";
        assertEquals("Møte i Wien\n\n«Vi står klare», sa ministeren.\n\nEt viktig avsnitt med kode.\n\n\n\n"
                + "- Vi går ikke, sa hun.", MarkdownText.toText(md));
    }
}
