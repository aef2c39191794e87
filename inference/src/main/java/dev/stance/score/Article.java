package dev.stance.score;

/**
 * One unit of input: an article's text, or the reason it could not be read. Exactly one of {@code text}
 * and {@code error} is non-null. {@code url}, {@code date} and {@code title} are what the source says about the
 * article (a WARC record's target URI and date, a page's headline), each null when unknown.
 */
public record Article(String id, String text, String error, String url, String date, String title) {
    public Article(String id, String text, String error) {
        this(id, text, error, null, null, null);
    }

    public static Article ok(String id, String text) {
        return new Article(id, text, null);
    }

    public static Article failed(String id, String error) {
        return new Article(id, null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
