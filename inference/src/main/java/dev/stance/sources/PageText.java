package dev.stance.sources;

/**
 * The text taken from one page, with what the page says about itself. {@code text} is non-blank; the others
 * are null when the page does not give them.
 *
 * @param title the headline (Readability's choice among {@code og:title}, {@code <title>} and the first heading)
 * @param url   the page's canonical address ({@code <link rel=canonical>}, {@code og:url}) or where it was fetched
 * @param date  the publication time as the page writes it ({@code article:published_time}, {@code <time>}, ...)
 */
public record PageText(String text, String title, String url, String date) {
}
