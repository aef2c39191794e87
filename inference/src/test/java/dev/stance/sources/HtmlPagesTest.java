package dev.stance.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlPagesTest {
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = HtmlPagesTest.class.getResourceAsStream("pages/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void extractsTheArticleHeadlineFirstWithTheMetadataThePageGives() throws IOException {
        PageText p = HtmlPages.read(fixture("nb-fjordposten.html"), null, "file:///saved/nb.html", false);
        assertEquals("Utenriksministeren: – Vi er klare for nye samtaler i Wien", p.title());
        assertEquals("https://www.fjordposten.no/nyheter/i/8aX2/utenriksministeren-klare-for-samtaler", p.url());
        assertEquals("2026-03-14T09:12:00+01:00", p.date());
        assertTrue(p.text().startsWith(p.title() + "\n\nPublisert"), p.text());
        assertTrue(p.text().contains("\n\n– Vi er klare til å møtes"), p.text());
        for (String gone : new String[] {"Godta alle", "Tips oss", "Endelig noen", "Mer om konflikten",
                "Forhandlerne møttes", "Ansvarlig redaktør", "dataLayer", "min-height"}) {
            assertFalse(p.text().contains(gone), gone);
        }
    }

    @Test
    void keepingTheWholePageKeepsMenusCommentsAndTheCookieBannerButNeverScripts() throws IOException {
        PageText p = HtmlPages.read(fixture("nb-fjordposten.html"), null, null, true);
        for (String kept : new String[] {"Godta alle", "Tips oss", "Endelig noen som tar ansvar", "Mer om konflikten",
                "Forhandlerne møttes i Wien tirsdag kveld. Foto: Lise Dahl / NTB", "Ansvarlig redaktør: Eva Strand"}) {
            assertTrue(p.text().contains(kept), kept);
        }
        // buttons are lines of their own, not glued to each other or to the banner text
        assertTrue(p.text().matches("(?s).*\nGodta alle\n+Innstillinger\n.*"), p.text());
        assertFalse(p.text().contains("dataLayer"));
    }

    @Test
    void decodesByTheMetaDeclarationAndRefusesAPageWhoseDeclarationLies() throws IOException {
        byte[] cp1252 = fixture("de-rheinbote.html");
        assertEquals("windows-1252", HtmlPages.declaredCharset(cp1252));
        PageText p = HtmlPages.read(cp1252, null, null, false);
        assertEquals("Außenministerin: „Wir sind zu ernsthaften Gesprächen bereit“", p.title());
        String asUtf8 = new String(cp1252, Charset.forName("windows-1252"))
                .replace("charset=windows-1252", "charset=utf-8");
        byte[] lying = asUtf8.getBytes(Charset.forName("windows-1252"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HtmlPages.read(lying, null, null, false));
        assertTrue(e.getMessage().contains("UTF-8 declared in the page's <meta> tag does not fit the bytes"),
                e.getMessage());
        // the HTTP header wins over the page's own declaration
        byte[] utf8 = asUtf8.getBytes(StandardCharsets.UTF_8);
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> HtmlPages.read(utf8, "iso-8859-1", null, false));
        assertTrue(header.getMessage().contains("HTTP Content-Type but its bytes are UTF-8"), header.getMessage());
    }

    @Test
    void aPageWithoutAnArticleFallsBackToItsBodyText() {
        PageText p = HtmlPages.extract("<html><body><p>Kort.</p><p>Hei &amp; hallo – &laquo;ja&raquo;.</p></body></html>",
                null, false);
        assertEquals("Kort.\n\nHei & hallo – «ja».", p.text());
        assertNull(p.title());
        assertNull(p.date());
    }

    @Test
    void truncatedOrBrokenMarkupNeverFailsAndAPageWithoutTextIsAnError() {
        assertEquals("Første avsnitt.", HtmlPages.extract("<p>Første avsnitt.</p><p class=\"x", null, false).text());
        assertEquals("Text", HtmlPages.extract("Text<script>never closed", null, true).text());
        assertThrows(IllegalArgumentException.class,
                () -> HtmlPages.extract("<div><!-- only markup --><script>x()</script></div>", null, false));
    }
}
