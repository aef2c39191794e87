package dev.stance.sources;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Bytes to text with errors a user can act on: empty, binary, where the bad bytes are, or which declaration lied.
 *
 * <p>Plain text is strict UTF-8; a byte-order mark selects UTF-8 or UTF-16 (big or little endian) and is
 * dropped. Pages that declare their charset (an HTTP {@code Content-Type}, a {@code <meta charset>}) are decoded
 * by the declaration, strictly, so a declaration that does not fit the bytes is an error instead of mojibake.
 */
public final class TextDecoding {
    private static final int PROBE = 8192;

    private TextDecoding() {
    }

    /** Decodes plain text: UTF-8, or UTF-8/UTF-16 with a byte-order mark. Throws {@link IllegalArgumentException}. */
    public static String decode(byte[] bytes) {
        Charset bom = bom(bytes);
        if (bom == null) {
            rejectBinary(bytes);
        }
        Charset cs = bom == null ? StandardCharsets.UTF_8 : bom;
        String text = strict(bytes, cs, bom == null ? "convert the file to UTF-8" : "the byte-order mark says " + cs);
        return notBlank(dropBom(text));
    }

    /**
     * Decodes by a declared charset. A byte-order mark wins over the declaration (as in browsers); without a
     * declaration ({@code declared == null}) this is {@link #decode(byte[])}.
     *
     * @param declared the charset name as the page or header gives it, or null
     * @param where    where the declaration was found, for the error message (e.g. "HTTP Content-Type")
     * @throws IllegalArgumentException for an unknown charset, bytes that do not decode by it, or a single-byte
     *                                  declaration over bytes that are UTF-8 (a page re-encoded without updating it)
     */
    public static String decode(byte[] bytes, String declared, String where) {
        if (declared == null || bom(bytes) != null) {
            return decode(bytes);
        }
        Charset cs;
        try {
            cs = Charset.forName(declared.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown charset '" + declared + "' declared in " + where);
        }
        boolean wide = cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32");
        if (!wide) {
            rejectBinary(bytes);
        }
        String text = strict(bytes, cs, "the charset " + cs.name() + " declared in " + where + " does not fit the bytes");
        if (!wide && !cs.equals(StandardCharsets.UTF_8) && singleByte(cs) && isUtf8WithNonAscii(bytes)) {
            throw new IllegalArgumentException("the page declares " + cs.name() + " in " + where
                    + " but its bytes are UTF-8; fix the declaration");
        }
        return notBlank(dropBom(text));
    }

    /** The charset a byte-order mark announces, or null without one. */
    static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static void rejectBinary(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty input");
        }
        int probe = Math.min(bytes.length, PROBE);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException("binary input (NUL byte at offset " + i + "), not text");
            }
        }
    }

    private static String strict(byte[] bytes, Charset cs, String hint) {
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid " + cs.name() + " near byte offset " + in.position()
                    + " (" + hint + ")");
        }
    }

    /** True for charsets that map every character to one byte (ISO-8859-*, windows-125x, KOI8-R, ...). */
    private static boolean singleByte(Charset cs) {
        return cs.canEncode() && cs.newEncoder().maxBytesPerChar() == 1.0f;
    }

    /**
     * Valid UTF-8 with at least one multi-byte sequence: text in a single-byte charset almost never is, since
     * every non-ASCII letter would have to be followed by exactly the right continuation bytes.
     */
    private static boolean isUtf8WithNonAscii(byte[] bytes) {
        boolean nonAscii = false;
        for (byte b : bytes) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String dropBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String notBlank(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty input");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty input (only white space)");
        }
        return text;
    }
}
