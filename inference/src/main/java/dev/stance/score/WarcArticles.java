package dev.stance.score;

import dev.stance.sources.HtmlPages;
import dev.stance.sources.PageText;
import dev.stance.sources.TextDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * The articles of a WARC or WARC.gz file (read with jwarc), one record at a time, so a file of any size is
 * streamed: every {@code response} record with a 2xx HTTP status and an HTML or plain-text payload, and every
 * {@code resource} record with one, becomes an article with id {@code "<WARC-Target-URI> <record id>"}, {@code url}
 * the target URI and {@code date} the WARC-Date. Requests, metadata, revisits and warcinfo are passed over.
 *
 * <p>Every other response or resource becomes an error record and the run goes on: a non-HTML payload, an HTTP
 * error or redirect, a payload over {@link ArticleSource#MAX_ARTICLE_BYTES}, a record the crawler marked
 * truncated, a charset that does not fit the payload. When the file itself is damaged (a truncated record, a
 * corrupt gzip member, a broken header) the error record is named {@code file@offset} and reading resumes at the
 * next record that parses: the next gzip member, or the next {@code WARC/} header line in an uncompressed file.
 */
final class WarcArticles extends ReadAhead {
    private static final int SCAN_BLOCK = 1 << 16;
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};
    private static final byte[] WARC_MAGIC = {'W', 'A', 'R', 'C', '/'};

    private final Path file;
    private final boolean wholePage;
    private FileChannel channel;
    private WarcReader reader;
    private boolean produced;
    /** Seeking a record after damage: failures on the way are part of the damage already reported. */
    private boolean resyncing;
    private long lastCandidate = -1;
    /** The start of the record whose error was last reported, so its damage is not reported twice. */
    private long reportedAt = -1;

    WarcArticles(Path file, boolean wholePage) {
        this.file = file;
        this.wholePage = wholePage;
    }

    static boolean isWarcName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".warc") || lower.endsWith(".warc.gz");
    }

    @Override
    protected Article read() {
        try {
            if (reader == null) {
                channel = FileChannel.open(file);
                reader = new WarcReader(channel);
            }
        } catch (IOException | RuntimeException e) {
            return close(Article.failed(file.toString(), "cannot read WARC file: " + e.getMessage()));
        }
        while (true) {
            Optional<WarcRecord> got;
            try {
                got = reader.next();
            } catch (IOException | RuntimeException e) {
                long at = reader.position();
                boolean quiet = resyncing || at == reportedAt;
                if (!seekNextRecord(resyncing ? lastCandidate + 1 : at + 1)) {
                    return close(quiet ? endOfFile() : damaged(at, e, false));
                }
                if (quiet) {
                    continue;
                }
                return damaged(at, e, true);
            }
            if (got.isEmpty()) {
                return close(endOfFile());
            }
            resyncing = false;
            WarcRecord rec = got.get();
            if (!(rec instanceof WarcResponse) && !(rec instanceof WarcResource)) {
                continue;
            }
            produced = true;
            String id = target(rec) + " <" + rec.id() + ">";
            try {
                return article(id, rec);
            } catch (IllegalArgumentException e) {
                return Article.failed(id, e.getMessage());
            } catch (IOException | RuntimeException e) {
                reportedAt = reader.position();
                return Article.failed(id, "damaged record at byte " + reader.position() + ": " + describe(e));
            }
        }
    }

    private Article endOfFile() {
        return produced ? null : Article.failed(file.toString(), "no response or resource records in the WARC file");
    }

    private Article damaged(long at, Exception e, boolean goesOn) {
        produced = true;
        reportedAt = at;
        return Article.failed(file + "@" + at, "damaged WARC data at byte " + at + ": " + describe(e)
                + (goesOn ? "; reading goes on at the next record" : "; nothing readable after it"));
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    private static String target(WarcRecord rec) {
        return rec.headers().first("WARC-Target-URI").orElse("(no target URI)");
    }

    /** One response or resource record as an article; throws IllegalArgumentException for what is no article. */
    private Article article(String id, WarcRecord rec) throws IOException {
        if (rec.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
            throw new IllegalArgumentException("the crawler truncated this record (WARC-Truncated: "
                    + rec.truncated().name().toLowerCase(Locale.ROOT) + ")");
        }
        MediaType type;
        MessageBody body;
        if (rec instanceof WarcResponse response) {
            HttpResponse http = response.http();
            if (http.status() < 200 || http.status() > 299) {
                throw new IllegalArgumentException("HTTP status " + http.status() + ", no article");
            }
            type = http.contentType();
            body = http.bodyDecoded();
        } else {
            type = rec.contentType();
            body = rec.body();
        }
        String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
        boolean html = base.equals("text/html") || base.equals("application/xhtml+xml");
        if (!html && !base.equals("text/plain")) {
            throw new IllegalArgumentException("payload is " + (base.isEmpty() ? "of no declared type" : base)
                    + ", not HTML or text");
        }
        byte[] bytes;
        try (InputStream in = body.stream()) {
            bytes = in.readNBytes(ArticleSource.MAX_ARTICLE_BYTES + 1);
        }
        if (bytes.length > ArticleSource.MAX_ARTICLE_BYTES) {
            throw new IllegalArgumentException("payload too large (over "
                    + ArticleSource.MAX_ARTICLE_BYTES / (1024 * 1024) + " MiB)");
        }
        String charset = charset(type);
        String url = rec.headers().first("WARC-Target-URI").orElse(null);
        String date = rec.date() == null ? null : rec.date().toString();
        if (html) {
            PageText page = HtmlPages.read(bytes, charset, url, wholePage);
            return new Article(id, page.text(), null, url, date, page.title());
        }
        return new Article(id, TextDecoding.decode(bytes, charset, "the HTTP Content-Type"), null, url, date, null);
    }

    private static String charset(MediaType type) {
        if (type == null) {
            return null;
        }
        for (Map.Entry<String, String> p : type.parameters().entrySet()) {
            if (p.getKey().equalsIgnoreCase("charset")) {
                return p.getValue();
            }
        }
        return null;
    }

    /**
     * Moves the reader to the first position at or after {@code from} where a record may start (a gzip member
     * header, or "WARC/" in an uncompressed file). False if there is none.
     */
    private boolean seekNextRecord(long from) {
        byte[] magic = reader.compression() == WarcCompression.GZIP ? GZIP_MAGIC : WARC_MAGIC;
        try {
            long at = find(magic, from);
            if (at < 0) {
                return false;
            }
            reader.position(at);
            resyncing = true;
            lastCandidate = at;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private long find(byte[] magic, long from) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(SCAN_BLOCK);
        long pos = from;
        long size = channel.size();
        while (pos < size) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) {
                return -1;
            }
            byte[] a = buf.array();
            for (int i = 0; i + magic.length <= n; i++) {
                if (matches(a, i, magic)) {
                    return pos + i;
                }
            }
            if (pos + n >= size) {
                return -1;
            }
            pos += n - magic.length + 1; // a magic split across blocks is found in the next one
        }
        return -1;
    }

    private static boolean matches(byte[] a, int at, byte[] magic) {
        for (int k = 0; k < magic.length; k++) {
            if (a[at + k] != magic[k]) {
                return false;
            }
        }
        return true;
    }

    private Article close(Article last) {
        end();
        try {
            if (reader != null) {
                reader.close();
            } else if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // reading is over; a failed close loses nothing
        }
        return last;
    }
}
