package dev.stance.score;

/**
 * One unit of input: an article's text, or the reason it could not be read. Exactly one of {@code text}
 * and {@code error} is non-null.
 */
public record Article(String id, String text, String error) {
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
