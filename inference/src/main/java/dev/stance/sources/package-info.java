/**
 * From the bytes of one saved page to the article text that is segmented and scored: charsets
 * ({@link dev.stance.sources.TextDecoding}), HTML through jsoup and Readability's main-article extraction
 * ({@link dev.stance.sources.HtmlPages}), Markdown through commonmark ({@link dev.stance.sources.MarkdownPages}),
 * and the page-furniture lines ("Annonse", "Les også:", photo credits, share bars) that are never scored as
 * statements ({@link dev.stance.sources.Furniture}). Containers of many articles (folders, JSON Lines, WARC files)
 * are read by {@code dev.stance.score.ArticleSource}, the one entry point for every reader of articles.
 */
package dev.stance.sources;
