package dev.stance.score;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding with errors a user can act on: empty, binary, or where the bad bytes are. */
public final class TextDecoding {
    private TextDecoding() {
    }

    /** Decodes bytes as UTF-8 text; throws {@link IllegalArgumentException} with the reason otherwise. */
    public static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty input");
        }
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException("binary input (NUL byte at offset " + i + "), not text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("not valid UTF-8 near byte offset " + in.position()
                    + " (convert the file to UTF-8)");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8: " + e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty input (only white space)");
        }
        return text;
    }
}
