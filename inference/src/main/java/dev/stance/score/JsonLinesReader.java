package dev.stance.score;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSON Lines file one line at a time, so a large file never sits in memory whole. A line longer than
 * {@link ArticleSource#MAX_ARTICLE_BYTES} bytes is skipped unkept with an error record, and so is a line that is
 * not UTF-8; the lines after it are still read.
 */
final class JsonLinesReader extends ReadAhead {
    private final String file;
    private final ArticleSource.Opener open;
    private BufferedInputStream in;
    private int lineNo;
    private boolean produced;

    /** {@code file} names the file in ids and error records; {@code open} is called on the first read. */
    JsonLinesReader(String file, ArticleSource.Opener open) {
        this.file = file;
        this.open = open;
    }

    @Override
    protected Article read() {
        try {
            if (in == null) {
                in = new BufferedInputStream(open.open(), 1 << 16);
            }
            while (true) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                boolean tooLong = false;
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    if (line.size() < ArticleSource.MAX_ARTICLE_BYTES) {
                        line.write(c);
                    } else {
                        tooLong = true;
                    }
                }
                if (c < 0 && line.size() == 0) {
                    return close(produced ? null : Article.failed(file, "empty input"));
                }
                lineNo++;
                String where = file + ":" + lineNo;
                if (tooLong) {
                    produced = true;
                    return Article.failed(where, "JSON line too large (over "
                            + ArticleSource.MAX_ARTICLE_BYTES / (1024 * 1024) + " MiB)");
                }
                String s;
                try {
                    // decoded per line, so a bad byte costs only its own line
                    s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(line.toByteArray())).toString();
                } catch (CharacterCodingException e) {
                    produced = true;
                    return Article.failed(where, "not valid UTF-8 (convert the file to UTF-8)");
                }
                if (lineNo == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1);
                }
                if (!s.isBlank()) {
                    produced = true;
                    return ArticleSource.jsonLine(where, s.strip());
                }
            }
        } catch (IOException e) {
            return close(Article.failed(file, "cannot read file: " + e.getMessage()));
        }
    }

    private Article close(Article last) {
        end();
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // reading is over; a failed close loses nothing
        }
        return last;
    }
}
