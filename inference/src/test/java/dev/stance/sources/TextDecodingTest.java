package dev.stance.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {
    private static final String TEXT = "«Vi står klare», sa ministeren – Außenministerin.";

    private static byte[] withBom(byte[] bom, String text, Charset cs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bom);
        b.writeBytes(text.getBytes(cs));
        return b.toByteArray();
    }

    @Test
    void plainTextAcceptsUtf8AndUtf16WithAByteOrderMarkAndDropsTheMark() {
        assertEquals(TEXT, TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertEquals(TEXT, TextDecoding.decode(withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT,
                StandardCharsets.UTF_8)));
        assertEquals(TEXT, TextDecoding.decode(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT,
                StandardCharsets.UTF_16LE)));
        assertEquals(TEXT, TextDecoding.decode(withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT,
                StandardCharsets.UTF_16BE)));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsBinaryAndLatin1IsNotUtf8() {
        IllegalArgumentException bin = assertThrows(IllegalArgumentException.class,
                () -> TextDecoding.decode("Talks resumed.".getBytes(StandardCharsets.UTF_16LE)));
        assertTrue(bin.getMessage().startsWith("binary input"), bin.getMessage());
        IllegalArgumentException latin = assertThrows(IllegalArgumentException.class,
                () -> TextDecoding.decode("Gespräche".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(latin.getMessage().contains("not valid UTF-8 near byte offset 5"), latin.getMessage());
    }

    @Test
    void emptyAndBlankInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TextDecoding.decode(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> TextDecoding.decode(new byte[] {(byte) 0xFF, (byte) 0xFE}));
        assertThrows(IllegalArgumentException.class, () -> TextDecoding.decode(" \n ".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void decodesByTheDeclaredCharset() {
        byte[] cp1252 = "„Wir sind bereit“, sagte sie.".getBytes(Charset.forName("windows-1252"));
        assertEquals("„Wir sind bereit“, sagte sie.", TextDecoding.decode(cp1252, "windows-1252", "test"));
        assertEquals("Gespräche", TextDecoding.decode("Gespräche".getBytes(StandardCharsets.ISO_8859_1),
                "ISO-8859-1", "test"));
    }

    @Test
    void aDeclarationThatDoesNotFitTheBytesIsAClearError() {
        IllegalArgumentException utf8 = assertThrows(IllegalArgumentException.class, () -> TextDecoding.decode(
                "Gespräche in Wien".getBytes(StandardCharsets.ISO_8859_1), "utf-8", "the HTTP Content-Type"));
        assertTrue(utf8.getMessage().contains("UTF-8 declared in the HTTP Content-Type does not fit"), utf8.getMessage());
        IllegalArgumentException latin = assertThrows(IllegalArgumentException.class, () -> TextDecoding.decode(
                "Gespräche in Wien".getBytes(StandardCharsets.UTF_8), "iso-8859-1", "the page's <meta> tag"));
        assertTrue(latin.getMessage().contains("declares ISO-8859-1 in the page's <meta> tag but its bytes are UTF-8"),
                latin.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TextDecoding.decode("x".getBytes(StandardCharsets.UTF_8), "klingon-8", "test"));
        assertTrue(unknown.getMessage().contains("unknown charset 'klingon-8'"), unknown.getMessage());
    }

    @Test
    void aByteOrderMarkWinsOverTheDeclaration() {
        byte[] bytes = withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT, StandardCharsets.UTF_8);
        assertEquals(TEXT, TextDecoding.decode(bytes, "windows-1252", "test"));
    }
}
